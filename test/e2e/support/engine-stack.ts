import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { LocalWorkspace, PulumiCommand, Stack } from "@pulumi/pulumi/automation";
import { engineEnv, Engine } from "../../../scripts/engine-env";
import { makeProjectDir } from "../../../scripts/project-dir";
import { startEmulator } from "../../../src/emulator";
import type { RunningEmulator } from "../../../src/emulator";

/** A stack of this repository's program in a throw-away project folder, with its own state. */
export interface EngineStack {
  readonly stack: Stack;
  readonly dir: string;
  readonly auditLog: string;
  /** Everything the engine printed so far (stdout and stderr of every operation). */
  readonly output: string[];
  /** Writes a definition file into the project and points the stack at it. */
  useDefinition(definition: unknown, samples?: unknown[]): Promise<void>;
  /** Writes one definition file per definition (named by its id) and points the stack at all of them. */
  useDefinitions(definitions: ReadonlyArray<{ id: string }>): Promise<void>;
  remove(): Promise<void>;
}

/** The example definition, fresh each call. */
export function exampleDefinition(): Record<string, any> {
  return JSON.parse(fs.readFileSync(path.join(__dirname, "../../../stacks/examples/definition.json"), "utf8"));
}

/**
 * Creates a stack named `name` in a new project folder under the OS temp
 * folder, configured for the emulator at `apiBaseUrl`.
 */
export async function createEngineStack(
  engine: Engine,
  name: string,
  settings: {
    apiBaseUrl: string;
    clientId: string;
    clientSecret: string;
    api?: string;
    stateDir?: string;
    extraConfig?: Record<string, string>;
    /** Environment variables for the engine, the program and the provider (e.g. AWS credentials). */
    extraEnv?: Record<string, string>;
  },
): Promise<EngineStack> {
  const dir = makeProjectDir(fs.mkdtempSync(path.join(os.tmpdir(), `ebs-e2e-${name}-`)));
  const stateDir = settings.stateDir ?? path.join(dir, ".state");
  const envVars = { ...engineEnv({ stateDir, home: path.join(dir, ".pulumi-home"), binDir: engine.binDir }), ...settings.extraEnv };
  const stack = await LocalWorkspace.createOrSelectStack(
    { stackName: name, workDir: dir },
    { pulumiCommand: await PulumiCommand.get({ root: engine.root, skipVersionCheck: true }), envVars },
  );
  const auditLog = path.join(dir, "audit.jsonl");
  await stack.setAllConfig({
    "genesys:apiBaseUrl": { value: settings.apiBaseUrl },
    "genesys:clientId": { value: settings.clientId },
    "genesys:clientSecret": { value: settings.clientSecret, secret: true },
    "genesys:api": { value: settings.api ?? "event-streams" },
    "genesys:auditLogPath": { value: "audit.jsonl" },
    ...Object.fromEntries(Object.entries(settings.extraConfig ?? {}).map(([k, v]) => [k, { value: v }])),
  });
  const output: string[] = [];
  return {
    stack,
    dir,
    auditLog,
    output,
    async useDefinition(definition, samples) {
      fs.writeFileSync(path.join(dir, "definition.json"), JSON.stringify(definition, null, 2));
      const entry: Record<string, string> = { definition: "definition.json" };
      if (samples !== undefined) {
        fs.writeFileSync(path.join(dir, "samples.json"), JSON.stringify(samples));
        entry.samples = "samples.json";
      }
      await stack.setConfig("genesys-eventbridge:sources", { value: JSON.stringify([entry]) });
    },
    async useDefinitions(definitions) {
      fs.mkdirSync(path.join(dir, "definitions"), { recursive: true });
      const entries = definitions.map((d) => {
        const file = path.join("definitions", `${d.id}.json`);
        fs.writeFileSync(path.join(dir, file), JSON.stringify(d));
        return { definition: file };
      });
      await stack.setConfig("genesys-eventbridge:sources", { value: JSON.stringify(entries) });
    },
    async remove() {
      await stack.workspace.removeStack(name, { force: true }).catch(() => undefined);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The audit log's entries. */
export function auditEntries(file: string): Array<Record<string, any>> {
  if (!fs.existsSync(file)) return [];
  return fs.readFileSync(file, "utf8").trim().split("\n").filter(Boolean).map((l) => JSON.parse(l));
}

/** `count` copies of the example definition with ids `<prefix>-<n>` (each its own partner event source suffix). */
export function manyDefinitions(prefix: string, count: number): Array<{ id: string } & Record<string, any>> {
  return Array.from({ length: count }, (_, i) => {
    const d = exampleDefinition();
    d.id = `${prefix}-${String(i + 1).padStart(3, "0")}`;
    d.eventSourceSuffix = d.id;
    return d as { id: string } & Record<string, any>;
  });
}

/**
 * Kills (SIGKILL) the dynamic-provider processes the engine started for the
 * project in `dir` (their working folder), as a crash or an OOM kill would.
 * Returns how many were killed.
 */
export function killProviders(dir: string): number {
  const want = fs.realpathSync(dir);
  let killed = 0;
  for (const pid of fs.readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    try {
      const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8");
      if (!cmdline.includes("dynamic-provider")) continue;
      if (fs.realpathSync(`/proc/${pid}/cwd`) !== want) continue;
      process.kill(Number(pid), "SIGKILL");
      killed++;
    } catch {
      // The process ended meanwhile, or is not ours to read.
    }
  }
  return killed;
}

/** Every file below `dir`, as text. */
export function filesBelow(dir: string): Array<{ file: string; text: string }> {
  const out: Array<{ file: string; text: string }> = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.push({ file: p, text: fs.readFileSync(p, "utf8") });
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return out;
}

/** Something a suite started and stops when it is done: a stack (removed) or a server (closed). */
type Started = { remove(): Promise<unknown> } | { close(): Promise<unknown> } | undefined;

/**
 * Stops what a suite started, in the order given (the stack before the
 * servers it talks to); parts never started are passed over. For
 * `afterAll(() => release(s, emulator), T)`.
 */
export async function release(...parts: ReadonlyArray<Started>): Promise<void> {
  for (const part of parts) {
    if (part === undefined) continue;
    if ("remove" in part) await part.remove();
    else await part.close();
  }
}

/** A fresh emulator for each test of a suite, and the stacks the test made against it (see {@link emulatorPerTest}). */
export interface PerTestWorld {
  /** The emulator of the running test; a test that restarts it sets the new one (closed after the test). */
  emulator: RunningEmulator;
  /** A new stack on the Integrations API against this test's emulator, removed after the test. */
  stackFor(name: string, extraConfig?: Record<string, string>): Promise<EngineStack>;
}

/**
 * Registers, in the calling `describe`, an emulator started before each test
 * and, after it, the removal of the stacks the test made and the emulator's
 * close.
 */
export function emulatorPerTest(engine: Engine, client: { clientId: string; clientSecret: string }, timeoutMs: number): PerTestWorld {
  let emulator: RunningEmulator | undefined;
  const stacks: EngineStack[] = [];
  beforeEach(async () => {
    emulator = await startEmulator({ port: 0, ...client });
  }, timeoutMs);
  afterEach(async () => {
    await Promise.all(stacks.splice(0).map((s) => s.remove()));
    await emulator?.close();
  }, timeoutMs);
  return {
    get emulator() {
      if (emulator === undefined) throw new Error("the emulator starts before each test");
      return emulator;
    },
    set emulator(restarted: RunningEmulator) {
      emulator = restarted;
    },
    async stackFor(name, extraConfig = {}) {
      const s = await createEngineStack(engine, name, { apiBaseUrl: this.emulator.url, ...client, api: "integrations", extraConfig });
      stacks.push(s);
      return s;
    },
  };
}
