/**
 * Crash artifacts through the real engine against the emulated Integrations
 * API: the provider killed right after the first POSTs of a batch of creates,
 * right after the first config PUTs, and in the middle of a destroy; a torn
 * audit append; a warehouse that is down during `up`. One plain `up` (or
 * `destroy`) converges each time: every integration complete and enabled,
 * no duplicate, no orphan, every remote write audited, and the webhook that
 * failed arrives once. Each test prints its figures (`fault-recovery: ...`).
 */
import axios from "axios";
import * as fs from "node:fs";
import { engineOrSkip } from "../../scripts/engine-env";
import { verifyAuditLog } from "../../src/audit/verify";
import { main } from "../../src/cli";
import { startEmulator, RunningEmulator } from "../../src/emulator";
import { startWebhookReceiver } from "../../src/webhook";
import { MOTO_CREDENTIALS, motoOrSkip, startMoto } from "../audit/support/moto";
import { auditEntries, createEngineStack, EngineStack, emulatorPerTest, killProviders, manyDefinitions } from "./support/engine-stack";

const engine = engineOrSkip();
const describeEngine = engine ? describe : describe.skip;
const moto = engine ? motoOrSkip() : undefined;
const describeEngineS3 = engine && moto ? describe : describe.skip;
const T = 300_000;
const CLIENT = { clientId: "recovery-client", clientSecret: "recovery-client-secret-R3c" };
const WEBHOOK_KEY = "example-webhook-key-not-real";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Integration {
  id: string;
  name: string;
  intendedState: string;
  config: { version: number; properties: Record<string, unknown> };
}

async function integrations(emulator: RunningEmulator): Promise<Integration[]> {
  return (await axios.get(`${emulator.url}/__emulator/integrations`)).data.entities;
}

/** Requests that changed something remotely. */
const writes = (emulator: RunningEmulator) => emulator.journal().filter((j) => j.method !== "GET" && j.path.startsWith("/api/") && j.status < 400);
const count = (emulator: RunningEmulator, method: string, suffix = "") => writes(emulator).filter((w) => w.method === method && w.path.endsWith(suffix)).length;
const duplicates = (names: string[]) => [...new Set(names.filter((n, i) => names.indexOf(n) !== i))];

/**
 * The remote writes without an intent entry ahead of them: each POST needs a
 * create intent; any other write needs an entry naming its integration.
 */
function unaudited(emulator: RunningEmulator, auditLog: string): string[] {
  const entries = auditEntries(auditLog);
  const createIntents = entries.filter((e) => e.result === "intent" && e.action === "create" && e.details.expectedToken === null).length;
  const posts = count(emulator, "POST");
  const known = new Set(entries.map((e) => e.details?.remoteId).filter((x) => typeof x === "string"));
  return [
    ...(createIntents < posts ? [`${posts} POSTs but ${createIntents} create intents`] : []),
    ...writes(emulator)
      .filter((w) => w.method !== "POST")
      .filter((w) => !known.has(decodeURIComponent(/\/api\/v2\/integrations\/([^/]+)/.exec(w.path)?.[1] ?? "")))
      .map((w) => `${w.method} ${w.path}`),
  ];
}

/** Waits (bounded) until `ready`, then kills the stack's provider processes; resolves to how many were killed. */
async function killWhen(s: EngineStack, ready: () => boolean): Promise<number> {
  for (let i = 0; i < 2400; i++) {
    if (ready()) return killProviders(s.dir);
    await sleep(25);
  }
  return 0;
}

async function cli(...argv: string[]) {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) });
  return { code, out, err };
}

describeEngine("crash artifacts recover by themselves (Integrations API)", () => {
  const world = emulatorPerTest(engine!, CLIENT, T);
  const stackFor = (name: string, extraConfig?: Record<string, string>) => world.stackFor(name, extraConfig);

  /** Every definition has exactly one integration, complete (both topics) and enabled, and the stack's outputs name them. */
  async function expectConverged(s: EngineStack, ids: string[], outputs: Record<string, { remoteId: string }>) {
    const after = await integrations(world.emulator);
    expect(duplicates(after.map((i) => i.name))).toEqual([]);
    expect(after.map((i) => i.name).sort()).toEqual([...ids].sort());
    expect(after.filter((i) => (i.config.properties.eventFilter as unknown[] | undefined)?.length !== 2 || i.intendedState !== "ENABLED").map((i) => i.name)).toEqual([]);
    expect(Object.values(outputs).map((o) => o.remoteId).sort()).toEqual(after.map((i) => i.id).sort());
    expect(unaudited(world.emulator, s.auditLog)).toEqual([]);
    expect(await verifyAuditLog(s.auditLog)).toMatchObject({ _tag: "Intact" });
    return after;
  }

  /** Kills the provider of a first `up` of 6 creates when `ready`, then runs one plain `up`; returns the figures. */
  async function killedCreates(name: string, ready: () => boolean) {
    const s = await stackFor(name);
    const definitions = manyDefinitions(name, 6);
    await s.useDefinitions(definitions);
    const first = s.stack.up().then(() => "finished", () => "failed");
    const killed = await killWhen(s, ready);
    expect([killed > 0, await first]).toEqual([true, "failed"]);
    const atKill = { posts: count(world.emulator, "POST"), puts: count(world.emulator, "PUT", "/config/current"), patches: count(world.emulator, "PATCH") };
    world.emulator.state.faults.clear();
    await s.stack.cancel().catch(() => undefined);
    const second = await s.stack.up();
    await expectConverged(s, definitions.map((d) => d.id), second.outputs.sources.value);
    return { s, atKill, second };
  }

  const figures = (s: EngineStack, runs: number) =>
    `${runs} runs to converge, ${writes(world.emulator).length} remote writes, ${auditEntries(s.auditLog).length} audit records, 0 unaudited, 0 duplicates`;

  test("killed right after the first POSTs of a batch of creates (no config written yet): one plain up completes them", async () => {
    world.emulator.addFault({ method: "PUT", path: "/api/v2/integrations/*", times: 10_000, action: { delayMs: 4000 } });
    const { s, atKill } = await killedCreates("posted", () => count(world.emulator, "POST") >= 3);
    expect(atKill.puts).toBe(0);
    console.log(`fault-recovery: kill -9 after ${atKill.posts} of 6 POSTs, 0 config PUTs: ${figures(s, 2)}, 0 orphans`);
  }, T);

  test("killed right after the first config PUTs (intended state not patched yet): one plain up completes them", async () => {
    world.emulator.addFault({ method: "PATCH", path: "/api/v2/integrations/*", times: 10_000, action: { delayMs: 4000 } });
    const { s, atKill } = await killedCreates("configured", () => count(world.emulator, "PUT", "/config/current") >= 2);
    expect(atKill.patches).toBe(0);
    console.log(`fault-recovery: kill -9 after ${atKill.puts} config PUTs (${atKill.posts} POSTs, 0 PATCHes): ${figures(s, 2)}, 0 orphans`);
  }, T);

  test("killed in the middle of a destroy: one plain destroy removes the rest, no orphan", async () => {
    const s = await stackFor("destroyed");
    await s.useDefinitions(manyDefinitions("destroyed", 6));
    await s.stack.up();
    world.emulator.addFault({ method: "DELETE", path: "/api/v2/integrations/*", times: 10_000, action: { delayMs: 1500 } });
    // One delete at a time, so that the kill finds some done, one in flight and the rest not begun.
    const first = s.stack.destroy({ parallel: 1 }).then(() => "finished", () => "failed");
    const killed = await killWhen(s, () => count(world.emulator, "DELETE") >= 1);
    expect([killed > 0, await first]).toEqual([true, "failed"]);
    const left = (await integrations(world.emulator)).length;
    expect(left).toBeGreaterThan(0);
    world.emulator.state.faults.clear();
    await s.stack.cancel().catch(() => undefined);
    await s.stack.destroy();
    expect(await integrations(world.emulator)).toEqual([]);
    expect(unaudited(world.emulator, s.auditLog)).toEqual([]);
    expect(await verifyAuditLog(s.auditLog)).toMatchObject({ _tag: "Intact" });
    const deletes = count(world.emulator, "DELETE");
    console.log(`fault-recovery: kill -9 mid-destroy of 6 (${left} left): 2 destroy runs, ${deletes} DELETEs, ${auditEntries(s.auditLog).length} audit records, 0 orphans, 0 unaudited`);
  }, T);

  test("a torn audit append is recovered by the next up, its bytes kept, and reported by verify", async () => {
    const s = await stackFor("torn");
    const definitions = manyDefinitions("torn", 2);
    await s.useDefinitions(definitions);
    await s.stack.up();
    const good = fs.readFileSync(s.auditLog, "utf8");
    const lines = good.trimEnd().split("\n");
    const torn = lines[lines.length - 1].slice(0, 57);
    fs.writeFileSync(s.auditLog, good + torn);
    // A condition-only change: nothing to write on the Integrations API, an outcome entry all the same.
    definitions[0].filters[0].conditions[0].value = "OUTBOUND";
    await s.useDefinitions(definitions);
    const before = writes(world.emulator).length;
    const up = await s.stack.up();
    expect(up.summary.resourceChanges).toMatchObject({ update: 1 });
    expect(writes(world.emulator).length).toBe(before);
    expect(fs.readFileSync(s.auditLog, "utf8").startsWith(good + torn + "\n")).toBe(true);
    const verified = await cli("audit", "verify", s.auditLog, "--head", up.outputs.auditHead.value);
    expect(verified.code).toBe(0);
    expect(verified.out).toContain(`recovered: 1 torn write at line ${lines.length + 1} (57 bytes`);
    console.log(`fault-recovery: torn audit append (57 bytes): 1 run to recover, ${writes(world.emulator).length - before} remote writes, ` +
      `${fs.readFileSync(s.auditLog, "utf8").trimEnd().split("\n").length} audit lines (1 torn, 1 recovery), verify exit 0 with 1 recovered`);
  }, T);

  test("a webhook that failed while the warehouse was down arrives, once, on the next up after it is back", async () => {
    const warehouse = await startWebhookReceiver({ secret: WEBHOOK_KEY });
    const port = warehouse.port;
    await warehouse.close();
    const s = await stackFor("outbox", { "genesys:webhookUrl": `http://127.0.0.1:${port}/` });
    await s.stack.setConfig("genesys:webhookSecret", { value: WEBHOOK_KEY, secret: true });
    await s.useDefinitions(manyDefinitions("outbox", 1));
    const down = await s.stack.up();
    expect(down.stdout).toContain("kept pending; the next `pulumi up` sends it");
    const pending = JSON.parse((await cli("webhook", "pending", s.auditLog, "--json")).out);
    expect(pending.pending.map((d: { event: { event: string; sourceId: string } }) => [d.event.event, d.event.sourceId])).toEqual([["source.created", "outbox-001"]]);

    const back = await startWebhookReceiver({ secret: WEBHOOK_KEY, port });
    try {
      const again = await s.stack.up();
      expect(again.summary.resourceChanges).toEqual({ same: 2 });
      await s.stack.up();
      expect(back.received().map((r) => [r.event.event, r.event.sourceId, r.idempotencyKey])).toEqual([["source.created", "outbox-001", pending.pending[0].idempotencyKey]]);
      expect(back.requests().length).toBe(1);
      expect(JSON.parse((await cli("webhook", "pending", s.auditLog, "--json")).out).pending).toEqual([]);
      console.log(`fault-recovery: warehouse down during up: 1 delivery kept pending; next up (no changes) delivered it: 2 runs, ` +
        `${back.requests().length} request, ${back.received().length} delivery, 0 duplicates, ${auditEntries(s.auditLog).filter((e) => e.action === "webhook").length} webhook audit records`);
    } finally {
      await back.close();
    }
  }, T);
});

describeEngineS3("three stacks appending to one S3 audit prefix at once", () => {
  test("every entry lands once and the shared chain verifies intact", async () => {
    const emulator = await startEmulator({ port: 0, ...CLIENT });
    const server = await startMoto(moto!);
    const stacks: EngineStack[] = [];
    try {
      const location = `s3://${await server.bucket("shared-audit-trail")}/org`;
      for (const name of ["s3-a", "s3-b", "s3-c"]) {
        const s = await createEngineStack(engine!, name, {
          apiBaseUrl: emulator.url,
          ...CLIENT,
          api: "integrations",
          extraConfig: { "genesys:auditLogPath": location, "genesys:auditS3Endpoint": server.url },
          extraEnv: { ...MOTO_CREDENTIALS, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
        });
        stacks.push(s);
        await s.useDefinitions(manyDefinitions(name, 2));
      }
      const ups = await Promise.all(stacks.map((s) => s.stack.up()));
      expect(ups.map((u) => u.summary.resourceChanges)).toEqual([{ create: 3 }, { create: 3 }, { create: 3 }]);
      const verdict = await verifyAuditLog(location, { s3Endpoint: server.url });
      // 6 creates: an intent and an outcome each, from three provider processes racing for the next key.
      expect(verdict).toMatchObject({ _tag: "Intact", entries: 12, inDoubt: [] });
      for (const u of ups) expect(await verifyAuditLog(location, { s3Endpoint: server.url, head: u.outputs.auditHead.value })).toMatchObject({ _tag: "Intact" });
      expect(duplicates((await integrations(emulator)).map((i) => i.name))).toEqual([]);
      console.log(`fault-recovery: 3 stacks appending to one S3 prefix at once: 1 run each, 12 entries, chain intact, ${(await integrations(emulator)).length} integrations, 0 duplicates`);
    } finally {
      await Promise.all(stacks.map((s) => s.remove()));
      await server.stop();
      await emulator.close();
    }
  }, T);
});
