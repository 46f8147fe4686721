import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { LocalWorkspace, PulumiCommand, Stack } from "@pulumi/pulumi/automation";
import { engineEnv, Engine } from "../../../scripts/engine-env";
import { makeProjectDir } from "../../../scripts/project-dir";

/** A stack of this repository's program in a throw-away project folder, with its own state. */
export interface EngineStack {
  readonly stack: Stack;
  readonly dir: string;
  readonly auditLog: string;
  /** Everything the engine printed so far (stdout and stderr of every operation). */
  readonly output: string[];
  /** Writes a definition file into the project and points the stack at it. */
  useDefinition(definition: unknown, samples?: unknown[]): Promise<void>;
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
