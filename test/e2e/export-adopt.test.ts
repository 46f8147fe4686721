/**
 * Bringing an existing organization under Pulumi, through the real binary
 * and the real engine: integrations set up in the console (emulated),
 * `genesys-eventbridge export` writes their definitions and prints the stack
 * config, which goes into the stack file as a user would paste it; `pulumi up`
 * adopts them without one write request to Genesys, and a second `up`
 * reports no change. Needs `npm run build` (the binary runs `dist/`).
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { engineOrSkip } from "../../scripts/engine-env";
import { RunningEmulator, startEmulator } from "../../src/emulator";
import { eventBridgeProperties, seedIntegrations } from "../cli/seed-integrations";
import { auditEntries, createEngineStack, EngineStack, release } from "./support/engine-stack";

// js-yaml comes with @pulumi/pulumi; the test reads and writes the stack file with it, as an editor would.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const yaml: { load(text: string): unknown; dump(value: unknown): string } = require("js-yaml");

const engine = engineOrSkip();
const describeEngine = engine ? describe : describe.skip;
const T = 240_000;
const CLIENT = { clientId: "e2e-export-client", clientSecret: "e2e-export-secret-Xp5" };
const ROOT = path.join(__dirname, "..", "..");
const BIN = path.join(ROOT, "bin", "genesys-eventbridge.js");
const ROLE_A = "arn:aws:iam::123456789012:role/genesys-eb-role";
const ROLE_B = "arn:aws:iam::210987654321:role/genesys-eb-role";

/** Runs the built binary in `cwd` without blocking this process (the emulator answers from here). */
function runBinary(cwd: string, env: Record<string, string>, ...args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.setEncoding("utf8").on("data", (t: string) => (out += t));
    child.stderr.setEncoding("utf8").on("data", (t: string) => (err += t));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, out, err }));
  });
}

describeEngine("export, then pulumi up adopts the organization's integrations", () => {
  let emulator: RunningEmulator;
  let s: EngineStack;
  const apiWrites = (from: number) => emulator.journal().slice(from).filter((j) => j.method !== "GET" && j.path.startsWith("/api/"));
  const stored = () => emulator.state.collection("integrations").list().map((d) => d.body as Record<string, any>);
  const versions = () => stored().map((i) => [i.name, i.intendedState, i.config.version]).sort();

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, ...CLIENT });
    await seedIntegrations(emulator.url, CLIENT, [
      { name: "orders", properties: eventBridgeProperties("123456789012", "us-east-1", "orders-prod", ["v2.routing.queues.{id}.conversations", "v2.detail.events.conversation.{id}.customer.start"]) },
      { name: "billing", intendedState: "DISABLED", properties: eventBridgeProperties("210987654321", "eu-west-1", "billing", ["v2.detail.events.conversation.{id}.customer.end"]) },
      { name: "presence", properties: eventBridgeProperties("123456789012", "us-east-1", "presence", ["v2.users.{id}.presence"]) },
    ]);
    s = await createEngineStack(engine!, "export", { apiBaseUrl: emulator.url, ...CLIENT, api: "integrations" });
  }, T);

  afterAll(() => release(s, emulator), T);

  test("export writes the definitions and the stack config; up adopts them with no write request", async () => {
    const env = { GENESYSCLOUD_OAUTHCLIENT_ID: CLIENT.clientId, GENESYSCLOUD_OAUTHCLIENT_SECRET: CLIENT.clientSecret, GENESYSCLOUD_API_BASE_URL: emulator.url };
    const exported = await runBinary(s.dir, env, "export", "--out", "definitions", "--role-arn", ROLE_A, "--role-arn", ROLE_B);
    expect([exported.code, exported.err, fs.readdirSync(path.join(s.dir, "definitions")).sort()]).toEqual([0, "", ["billing.json", "orders.json", "presence.json"]]);
    const validated = await runBinary(s.dir, {}, "validate", "definitions/billing.json", "--json");
    expect([validated.code, JSON.parse(validated.out).intendedState]).toEqual([0, "DISABLED"]);

    // Paste the printed config into the stack file.
    const stackFile = path.join(s.dir, "Pulumi.export.yaml");
    const stackConfig = yaml.load(fs.readFileSync(stackFile, "utf8")) as { config: Record<string, unknown> };
    const pasted = yaml.load(exported.out) as { config: Record<string, unknown> };
    expect(pasted.config).toEqual({
      "genesys-eventbridge:adoptExisting": true,
      "genesys-eventbridge:sources": [{ definition: "definitions/billing.json" }, { definition: "definitions/orders.json" }, { definition: "definitions/presence.json" }],
    });
    fs.writeFileSync(stackFile, yaml.dump({ ...stackConfig, config: { ...stackConfig.config, ...pasted.config } }));

    const before = versions();
    const from = emulator.journal().length;
    const up = await s.stack.up();
    expect(up.summary.resourceChanges).toEqual({ create: 4 });
    expect(apiWrites(from)).toEqual([]);
    expect(versions()).toEqual(before);
    expect(auditEntries(s.auditLog).filter((e) => e.result === "success").map((e) => [e.sourceId, e.details.status, e.details.remoteWrite]).sort()).toEqual([
      ["billing", "adopted", false],
      ["orders", "adopted", false],
      ["presence", "adopted", false],
    ]);
  }, T);

  test("a second up reports no change and writes nothing", async () => {
    const from = emulator.journal().length;
    const up = await s.stack.up({ expectNoChanges: true });
    expect(up.summary.resourceChanges).toEqual({ same: 4 });
    expect(apiWrites(from)).toEqual([]);
  }, T);
});
