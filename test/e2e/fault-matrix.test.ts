/**
 * Faults an operator's pipeline meets, through the real engine against the
 * emulated Integrations API: a provider killed in the middle of `up`, an
 * audit log that cannot be written, a rate-limit storm, revoked tokens and an
 * emulator restarted between preview and up. Each must converge with one
 * plain `pulumi up`, with no duplicate and every remote write audited. Each
 * test prints its figures (`fault-matrix: ...`).
 */
import axios from "axios";
import * as fs from "node:fs";
import * as path from "node:path";
import { engineOrSkip } from "../../scripts/engine-env";
import { execFileSync } from "node:child_process";
import { verifyAuditLog } from "../../src/audit/verify";
import { startEmulator, RunningEmulator } from "../../src/emulator";
import { auditEntries, emulatorPerTest, killProviders, manyDefinitions } from "./support/engine-stack";

const engine = engineOrSkip();
const describeEngine = engine ? describe : describe.skip;
const T = 600_000;
const CLIENT = { clientId: "fault-client", clientSecret: "fault-client-secret-F4u" };

/** The emulator's integrations, as its admin API lists them. */
async function integrations(emulator: RunningEmulator): Promise<Array<{ id: string; name: string; notes?: string; config: { version: number; properties: Record<string, unknown> } }>> {
  return (await axios.get(`${emulator.url}/__emulator/integrations`)).data.entities;
}

/** Requests that change something remotely. */
function writes(emulator: RunningEmulator) {
  return emulator.journal().filter((j) => j.method !== "GET" && j.path.startsWith("/api/") && j.status < 400);
}

/** Names that occur more than once. */
function duplicates(names: string[]): string[] {
  return [...new Set(names.filter((n, i) => names.indexOf(n) !== i))];
}

/**
 * Every successful remote write has an audit record made before it: a POST
 * is preceded by a create intent without a remote id; any other write to an
 * integration by an intent naming that integration (or a create intent of its
 * source). Returns the writes that lack one.
 */
function unaudited(emulator: RunningEmulator, auditLog: string): string[] {
  const entries = auditEntries(auditLog);
  const intents = entries.filter((e) => e.result === "intent");
  const posts = writes(emulator).filter((w) => w.method === "POST");
  const createIntents = intents.filter((e) => e.action === "create" && e.details.expectedToken === null);
  const missing: string[] = [];
  if (createIntents.length < posts.length) missing.push(`${posts.length} POSTs but ${createIntents.length} create intents`);
  const known = new Set(entries.map((e) => e.details?.remoteId).filter((x) => typeof x === "string"));
  for (const w of writes(emulator).filter((x) => x.method !== "POST")) {
    const id = /\/api\/v2\/integrations\/([^/]+)/.exec(w.path)?.[1];
    if (id === undefined || !known.has(decodeURIComponent(id))) missing.push(`${w.method} ${w.path}`);
  }
  return missing;
}

describeEngine("fault matrix on the Integrations API", () => {
  const world = emulatorPerTest(engine!, CLIENT, T);
  const stackFor = (name: string, extraConfig?: Record<string, string>) => world.stackFor(name, extraConfig);

  test("a provider killed mid-up leaves half-made integrations; one plain up completes them with no duplicate", async () => {
    const s = await stackFor("killed");
    const definitions = manyDefinitions("killed", 30);
    await s.useDefinitions(definitions);
    // Slow config writes widen the window between an integration's POST and its config.
    world.emulator.addFault({ method: "PUT", path: "/api/v2/integrations/*", times: 10_000, action: { delayMs: 300 } });
    const first = s.stack.up().then(() => "finished", () => "failed");
    let killed = 0;
    for (let i = 0; i < 600 && killed === 0; i++) {
      if (writes(world.emulator).filter((w) => w.method === "POST").length >= 8) killed = killProviders(s.dir);
      else await new Promise((r) => setTimeout(r, 50));
    }
    expect([killed > 0, await first]).toEqual([true, "failed"]);
    const before = await integrations(world.emulator);
    const halfMade = before.filter((i) => Object.keys(i.config.properties).length === 0).length;
    // The killed run's intents without an outcome are in doubt, not tampering.
    const afterKill = await verifyAuditLog(s.auditLog);
    expect(afterKill._tag).toBe("Intact");
    const inDoubt = afterKill._tag === "Intact" ? afterKill.inDoubt.length : -1;
    expect(inDoubt).toBeGreaterThanOrEqual(halfMade);
    world.emulator.state.faults.clear();

    await s.stack.cancel().catch(() => undefined);
    const second = await s.stack.up({ onOutput: (o) => s.output.push(o) });
    const after = await integrations(world.emulator);
    const outputs = second.outputs.sources.value as Record<string, { remoteId: string }>;
    expect(duplicates(after.map((i) => i.name))).toEqual([]);
    expect(after.map((i) => i.name).sort()).toEqual(definitions.map((d) => d.id).sort());
    expect(Object.values(outputs).map((o) => o.remoteId).sort()).toEqual(after.map((i) => i.id).sort());
    expect(after.filter((i) => (i.config.properties.eventFilter as unknown[] | undefined)?.length !== 2)).toEqual([]);
    expect(unaudited(world.emulator, s.auditLog)).toEqual([]);
    const statuses = Object.values(second.outputs.sources.value as Record<string, { metrics: { registrationStatus: string } }>).map((o) => o.metrics.registrationStatus);
    console.log(`fault-matrix: kill -9 mid-up of 30 creates: ${before.length} integrations existed after the kill (${halfMade} half made); `
      + `second up: ${statuses.filter((x) => x === "completed").length} completed, ${statuses.filter((x) => x === "created").length} created; `
      + `${writes(world.emulator).length} remote writes, ${auditEntries(s.auditLog).length} audit records, 0 unaudited writes, `
      + `${duplicates(after.map((i) => i.name)).length} duplicates, 2 runs, ${inDoubt} intents in doubt after the kill`);
  }, T);

  test("an audit log that cannot be written stops the deployment before any remote write, naming the log", async () => {
    const s = await stackFor("unwritable");
    fs.writeFileSync(path.join(s.dir, "blocker"), "");
    await s.stack.setConfig("genesys:auditLogPath", { value: "blocker/audit.jsonl" });
    await s.useDefinitions(manyDefinitions("unwritable", 3));
    const failed = await s.stack.up().then(() => "", (e: Error) => e.message);
    expect(failed).toMatch(/nothing was written to Genesys because the audit log refused the intent entry: .*blocker/);
    expect(writes(world.emulator)).toEqual([]);
    const again = await s.stack.up().then(() => "", (e: Error) => e.message);
    expect([again === "" ? "succeeded" : "failed", writes(world.emulator).length]).toEqual(["failed", 0]);
    console.log("fault-matrix: unwritable audit log, 3 sources, 2 runs: 0 remote writes, 0 audit records");
  }, T);

  test("entries removed from the end of the audit log are found with the head the stack exports", async () => {
    const s = await stackFor("truncated");
    await s.useDefinitions(manyDefinitions("truncated", 2));
    const up = await s.stack.up();
    const head = up.outputs.auditHead.value as string;
    const cli = (...args: string[]) => {
      try {
        return { code: 0, out: execFileSync(process.execPath, [path.join(__dirname, "../../bin/genesys-eventbridge.js"), ...args], { encoding: "utf8" }) };
      } catch (e) {
        const err = e as { status: number; stderr: string };
        return { code: err.status, out: err.stderr };
      }
    };
    expect(cli("audit", "verify", s.auditLog, "--head", head).code).toBe(0);
    const lines = fs.readFileSync(s.auditLog, "utf8").split("\n").filter(Boolean);
    const at = lines.findIndex((l) => (JSON.parse(l) as { hash: string }).hash === head);
    expect(at).toBeGreaterThan(0);
    fs.writeFileSync(s.auditLog, lines.slice(0, at).map((l) => `${l}\n`).join(""));
    // Without the anchor the shortened log still reads as an intact chain; with it, the removal shows.
    expect(cli("audit", "verify", s.auditLog).code).toBe(0);
    const anchored = cli("audit", "verify", s.auditLog, "--head", head);
    expect([anchored.code, anchored.out]).toEqual([1, expect.stringContaining(`head ${head} is not in the audit log`)]);
    console.log(`fault-matrix: tail truncation: ${lines.length - at} trailing entries removed; verify without --head exit 0, with --head exit 1`);
  }, T);

  test("a 429 storm (bucket of 10, 5 per second) lets 50 new sources converge in one up with no failure", async () => {
    const s = await stackFor("storm");
    await s.useDefinitions(manyDefinitions("storm", 50));
    await axios.post(`${world.emulator.url}/__emulator/rate-limit`, { capacity: 10, refillPerSecond: 5 });
    const started = Date.now();
    const up = await s.stack.up();
    const seconds = (Date.now() - started) / 1000;
    const limited = world.emulator.journal().filter((j) => j.status === 429).length;
    const served = world.emulator.journal().filter((j) => j.status !== 429).length;
    expect(up.summary.resourceChanges).toEqual({ create: 51 });
    expect(duplicates((await integrations(world.emulator)).map((i) => i.name))).toEqual([]);
    expect((await integrations(world.emulator)).length).toBe(50);
    console.log(`fault-matrix: 429 storm, 50 creates: 1 run, ${served} requests served, ${limited} answered 429, ${seconds.toFixed(1)} s `
      + `(the bucket's minimum for ${served} requests: ${((served - 10) / 5).toFixed(1)} s)`);
  }, T);

  test("tokens revoked in the middle of an up are replaced and the up succeeds", async () => {
    const s = await stackFor("revoked");
    await s.useDefinitions(manyDefinitions("revoked", 10));
    world.emulator.addFault({ method: "PUT", path: "/api/v2/integrations/*", times: 10_000, action: { delayMs: 150 } });
    let settled = false;
    const up = s.stack.up().finally(() => void (settled = true));
    // Waits for the third create however slowly the engine starts on a loaded machine (bounded at two minutes).
    for (let i = 0; i < 4800 && !settled && writes(world.emulator).filter((w) => w.method === "POST").length < 3; i++) await new Promise((r) => setTimeout(r, 25));
    expect(settled).toBe(false);
    world.emulator.state.tokens.revokeAll();
    const result = await up;
    expect(result.summary.resourceChanges).toEqual({ create: 11 });
    const refused = world.emulator.journal().filter((j) => j.status === 401).length;
    expect(refused).toBeGreaterThan(0);
    console.log(`fault-matrix: tokens revoked mid-up of 10 creates: 1 run, ${refused} requests answered 401 then repeated with a new token`);
  }, T);

  test("an emulator restarted (store kept) between preview and up serves the up", async () => {
    const store = path.join(fs.mkdtempSync(path.join(require("node:os").tmpdir(), "fault-store-")), "state.json");
    await world.emulator.close();
    world.emulator = await startEmulator({ port: 0, storePath: store, ...CLIENT });
    const s = await stackFor("restarted");
    await s.useDefinitions(manyDefinitions("restarted", 3));
    await s.stack.up();
    const port = world.emulator.port;
    await s.useDefinitions(manyDefinitions("restarted", 4));
    const preview = await s.stack.preview();
    expect(preview.changeSummary).toMatchObject({ create: 1 });
    await world.emulator.close();
    world.emulator = await startEmulator({ port, storePath: store, ...CLIENT });
    const up = await s.stack.up();
    expect(up.summary.resourceChanges).toMatchObject({ create: 1, same: 4 });
    expect((await integrations(world.emulator)).length).toBe(4);
    console.log("fault-matrix: emulator restarted between preview and up: 1 run, 1 create, 4 integrations, 0 duplicates");
  }, T);
});
