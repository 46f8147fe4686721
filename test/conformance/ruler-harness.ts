import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

/** The repository root. */
const ROOT = path.join(__dirname, "..", "..");

/** Where scripts/ruler-harness.sh builds the harness around AWS's event-pattern engine. */
export const HARNESS_JAR = path.join(ROOT, "test", "conformance", "ruler", "target", "ruler-harness.jar");

/**
 * One question for the engine: the patterns of the rules (JSON texts, as
 * sent to AWS; one machine holds them all, as one bus holds its rules) and
 * events (JSON texts, numbers as written).
 */
export interface RulerRequest {
  readonly patterns: ReadonlyArray<string>;
  readonly events: ReadonlyArray<string>;
}

/**
 * The engine's answer: whether it accepted every pattern, and per event the
 * indexes of the patterns that match it, ascending (`null`: it could not
 * read the event). An event is selected when the list is not empty, and
 * delivered twice when it holds two indexes.
 */
export type RulerAnswer =
  | { readonly accepted: true; readonly verdicts: ReadonlyArray<ReadonlyArray<number> | null> }
  | { readonly accepted: false; readonly error: string };

/**
 * Makes sure the harness jar exists, building it with scripts/ruler-harness.sh
 * when it does not. Returns why it is unavailable (Java or Maven missing, the
 * build failed), or `undefined` when it is ready.
 */
export function ensureHarness(): string | undefined {
  if (fs.existsSync(HARNESS_JAR)) return undefined;
  const build = spawnSync("bash", [path.join(ROOT, "scripts", "ruler-harness.sh")], { cwd: ROOT, encoding: "utf8", env: { ...process.env, CI: "" } });
  if (fs.existsSync(HARNESS_JAR)) return undefined;
  const said = `${build.stderr ?? ""}${build.stdout ?? ""}`.trim();
  return `the event-ruler harness ${path.relative(ROOT, HARNESS_JAR)} is missing and scripts/ruler-harness.sh did not build it${said === "" ? "" : `: ${said}`}`;
}

/**
 * Asks the engine every request in one JVM run (one JSON line each way),
 * answers in request order. Throws when the process fails or answers a
 * different number of lines.
 */
export function askRuler(requests: ReadonlyArray<RulerRequest>): ReadonlyArray<RulerAnswer> {
  const input = requests.map((r) => JSON.stringify(r)).join("\n") + "\n";
  const run = spawnSync("java", ["-Xss8m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", HARNESS_JAR], {
    input,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  if (run.error !== undefined) throw run.error;
  if (run.status !== 0) throw new Error(`the event-ruler harness exited with ${run.status}: ${run.stderr}`);
  const lines = run.stdout.split("\n").filter((l) => l !== "");
  if (lines.length !== requests.length) throw new Error(`the event-ruler harness answered ${lines.length} of ${requests.length} requests: ${run.stderr}`);
  return lines.map((l) => JSON.parse(l) as RulerAnswer);
}
