import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { packPackage, ROOT, run, tarballFiles } from "../support/pack";

/*
 * Packs the package as `npm pack` ships it (from a private build, so the
 * shared dist/ is left alone), unpacks it into a fresh project whose other
 * dependencies are the repository's, and imports every entry point there
 * (`genesys-eventbridge`, `/aws`, `/webhook`, `/emulator`, `/definition`):
 * at run time through the package's `exports`, and at compile time under
 * both TypeScript module resolutions users meet (node16, node10). The
 * tarball holds every file the READMEs link to and every file package.json names.
 */
let work: string;
let project: string;
let files: string[];

const SUBPATHS = ["aws", "webhook", "emulator", "definition", "provider"];

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "geb-pack-"));
  const tarball = packPackage(work);
  files = tarballFiles(tarball);
  project = path.join(work, "project");
  const modules = path.join(project, "node_modules");
  fs.mkdirSync(path.join(modules, "genesys-eventbridge"), { recursive: true });
  const untar = run("tar", ["-xzf", tarball, "-C", path.join(modules, "genesys-eventbridge"), "--strip-components=1"], work);
  if (untar.code !== 0) throw new Error(`tar failed: ${untar.out}`);
  for (const entry of fs.readdirSync(path.join(ROOT, "node_modules"))) {
    if (entry !== "genesys-eventbridge" && entry !== ".bin") fs.symlinkSync(path.join(ROOT, "node_modules", entry), path.join(modules, entry));
  }
  fs.writeFileSync(path.join(project, "package.json"), JSON.stringify({ name: "user-program", version: "1.0.0", private: true }));
  fs.writeFileSync(
    path.join(project, "index.ts"),
    [
      'import { EventBridgeSource, EventBridgeSourceArgs, webhookHook, Inputs, SourceDefinitionInput, definition } from "genesys-eventbridge";',
      'import { EventBridgeRoute, EventBridgeRouteArgs, sqsQueueTarget, compileRoute } from "genesys-eventbridge/aws";',
      'import { verifyWebhookSignature, startWebhookReceiver, WebhookReceiver } from "genesys-eventbridge/webhook";',
      'import { startEmulator, RunningEmulator } from "genesys-eventbridge/emulator";',
      'import { validateDefinition, projectSamples, SourceDefinition } from "genesys-eventbridge/definition";',
      'import { check } from "genesys-eventbridge/provider";',
      "export type Uses = [EventBridgeSource, EventBridgeSourceArgs, typeof webhookHook, Inputs<string>, SourceDefinitionInput, typeof definition.payloadHash];",
      "export type AwsUses = [EventBridgeRoute, EventBridgeRouteArgs, typeof sqsQueueTarget, typeof compileRoute];",
      "export type WarehouseUses = [typeof verifyWebhookSignature, typeof startWebhookReceiver, WebhookReceiver, typeof startEmulator, RunningEmulator];",
      "export type DefinitionUses = [typeof validateDefinition, typeof projectSamples, SourceDefinition, typeof check];",
      "",
    ].join("\n"),
  );
}, 240000);

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe("a packed install", () => {
  it("loads every entry point through the package's exports", () => {
    const script = `console.log(["", ${SUBPATHS.map((s) => `"/${s}"`).join(", ")}].map((s) => Object.keys(require("genesys-eventbridge" + s)).length > 0).join(" "))`;
    expect(run(process.execPath, ["-e", script], project)).toEqual({ code: 0, out: "true true true true true true\n" });
  });

  it("ships the component under genesys-eventbridge/aws", () => {
    const script = 'const m = require("genesys-eventbridge/aws"); console.log([typeof m.EventBridgeRoute, typeof m.sqsQueueTarget, typeof m.compileRoute].join(" "))';
    expect(run(process.execPath, ["-e", script], project)).toEqual({ code: 0, out: "function function function\n" });
  });

  it.each(["node16", "node10"])("type-checks imports of every entry point under moduleResolution %s", (resolution) => {
    const tsc = path.join(ROOT, "node_modules", "typescript", "bin", "tsc");
    const flags = ["--noEmit", "--strict", "--skipLibCheck", "--types", "node", "--target", "ES2022"];
    const module = resolution === "node16" ? ["--module", "node16", "--moduleResolution", "node16"] : ["--module", "commonjs", "--moduleResolution", "node10"];
    expect(run(process.execPath, [tsc, ...flags, ...module, "index.ts"], project)).toEqual({ code: 0, out: "" });
  });

  it("holds every file package.json names (main, types, exports, typesVersions, bin)", () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
    const named = new Set<string>([manifest.main, manifest.types, ...Object.values<string>(manifest.bin)]);
    for (const target of Object.values<string | Record<string, string>>(manifest.exports)) {
      for (const file of typeof target === "string" ? [target] : Object.values(target)) named.add(file);
    }
    for (const targets of Object.values<string[]>(manifest.typesVersions["*"])) targets.forEach((t) => named.add(t));
    const missing = [...named].map((f) => path.posix.normalize(f)).filter((f) => !files.includes(f));
    expect(missing).toEqual([]);
    expect(Object.keys(manifest.exports)).toEqual([".", ...SUBPATHS.map((s) => `./${s}`), "./package.json"]);
  });

  it("holds every file the shipped READMEs link to and every example their commands name", () => {
    const readmes = files.filter((f) => f.endsWith("README.md"));
    const wanted: string[] = [];
    for (const readme of readmes) {
      const text = fs.readFileSync(path.join(ROOT, readme), "utf8");
      for (const [, target] of text.matchAll(/\]\(([^)#\s]+)[^)]*\)/g)) {
        if (!/^[a-z]+:/.test(target)) wanted.push(path.posix.normalize(path.posix.join(path.posix.dirname(readme), target)));
      }
      for (const [example] of text.matchAll(/stacks\/examples\/[\w./-]+\.json/g)) wanted.push(example);
    }
    expect([wanted.length > 5, [...new Set(wanted)].filter((f) => !files.includes(f))]).toEqual([true, []]);
  });
});
