/**
 * The repository's stack program under the real Pulumi engine against the
 * emulator: create, no-op, preview diff, update, check failures, refresh,
 * faults, permissions, destroy; then a scan for secrets in everything the
 * runs left behind.
 */
import axios from "axios";
import { engineOrSkip } from "../../scripts/engine-env";
import { startEmulator, RunningEmulator } from "../../src/emulator";
import { startWebhookReceiver, WebhookReceiver } from "../../src/webhook";
import { verifyAuditLog } from "../../src/audit/verify";
import { auditEntries, createEngineStack, EngineStack, exampleDefinition, filesBelow } from "./support/engine-stack";

const engine = engineOrSkip();
const describeEngine = engine ? describe : describe.skip;
const T = 180_000;
const CLIENT = { clientId: "e2e-client", clientSecret: "e2e-client-secret-7Hq2" };
const WEBHOOK_KEY = "e2e-webhook-key-P0x";

describeEngine("pulumi up / preview / refresh / destroy of an EventBridgeSource", () => {
  let emulator: RunningEmulator;
  let receiver: WebhookReceiver;
  let s: EngineStack;
  const definition = exampleDefinition();
  const id = definition.id as string;
  const admin = (p = "") => `${emulator.url}/__emulator/event-streams/${id}${p}`;
  const writes = () => emulator.journal().filter((j) => j.method !== "GET" && !j.path.startsWith("/oauth") && !j.path.startsWith("/__emulator"));
  const run = async <T extends { stdout: string; stderr: string }>(p: Promise<T>): Promise<T> => {
    const r = await p;
    s.output.push(r.stdout, r.stderr);
    return r;
  };
  const failure = async (p: Promise<unknown>): Promise<string> => {
    const e = await p.then(() => undefined, (err) => err);
    if (e === undefined) throw new Error("the operation succeeded but should have failed");
    const text = String(e.message ?? e) + String(e.stdout ?? "") + String(e.stderr ?? "");
    s.output.push(text);
    return text;
  };

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, ...CLIENT });
    receiver = await startWebhookReceiver({ secret: WEBHOOK_KEY });
    s = await createEngineStack(engine!, "lifecycle", {
      apiBaseUrl: emulator.url,
      ...CLIENT,
      extraConfig: { "genesys:webhookUrl": receiver.url },
    });
    await s.stack.setConfig("genesys:webhookSecret", { value: WEBHOOK_KEY, secret: true });
    await s.useDefinition(definition, [require("../../stacks/examples/samples/customer-start.json")]);
  }, T);

  afterAll(async () => {
    await s?.remove();
    await receiver?.close();
    await emulator?.close();
  }, T);

  test("up creates the source; the webhook and the audit log record it", async () => {
    receiver.failNext(1); // the first delivery attempt fails: the retry must still deliver exactly once
    const up = await run(s.stack.up());
    expect(up.summary.resourceChanges).toEqual({ create: 2 });
    const out = up.outputs.sources.value[id];
    expect(out.metrics.registrationStatus).toBe("created");
    expect((await axios.get(admin())).headers.etag).toBe(out.etag);
    expect(receiver.received().map((r) => [r.event.event, r.event.sourceId, r.event.etag])).toEqual([["source.created", id, out.etag]]);
    const entries = auditEntries(s.auditLog);
    expect(entries.map((e) => [e.action, e.result, e.auditId, e.intentId])).toEqual([
      ["create", "intent", entries[0].auditId, undefined],
      ["create", "success", out.auditId, entries[0].auditId],
    ]);
    expect(out.auditHead).toBe(entries[1].hash);
  }, T);

  test("a second up reports no changes and sends no write to the API", async () => {
    const before = writes().length;
    const up = await run(s.stack.up({ expectNoChanges: true }));
    expect(up.summary.resourceChanges).toEqual({ same: 2 });
    expect(writes().length).toBe(before);
  }, T);

  test("preview --diff shows the one condition that changed, and up applies it with the recorded ETag", async () => {
    const { etag: before } = (await s.stack.outputs()).sources.value[id];
    const changed = exampleDefinition();
    changed.filters[0].conditions[0].value = "OUTBOUND";
    await s.useDefinition(changed);
    const preview = await run(s.stack.preview({ diff: true, color: "never" }));
    expect(preview.changeSummary).toEqual({ same: 1, update: 1 });
    expect(preview.stdout).toMatch(/conditions[\s\S]*value\s*:\s*"INBOUND" => "OUTBOUND"/);

    const up = await run(s.stack.up());
    const out = up.outputs.sources.value[id];
    expect(up.summary.resourceChanges).toEqual({ same: 1, update: 1 });
    expect(out.metrics).toMatchObject({ registrationStatus: "updated", conflicts: 0 });
    const stored = await axios.get(admin());
    // One conditional write moved the version by one: it carried the ETag the last deployment recorded.
    expect(Number(stored.data.version)).toBe(Number(before.replace(/"(\d+)-.*/, "$1")) + 1);
    expect(stored.data.body.filters[0].conditions[0].value).toBe("OUTBOUND");
    expect(receiver.received().map((r) => r.event.event)).toEqual(["source.created", "source.updated"]);
  }, T);

  test("a check failure stops preview, names the resource and the property path, and writes nothing", async () => {
    const before = writes().length;
    const broken = exampleDefinition();
    broken.filters[0].conditions[1].operator = "contains";
    await s.useDefinition(broken);
    const text = await failure(s.stack.preview());
    expect(text).toContain(`EventBridgeSource resource '${id}'`);
    expect(text).toContain("filters[0].conditions[1].operator");
    expect(text).toContain("eq, neq, in, gte, lte");
    expect(writes().length).toBe(before);
    const changed = exampleDefinition();
    changed.filters[0].conditions[0].value = "OUTBOUND";
    await s.useDefinition(changed);
  }, T);

  test("refresh shows a remote edit as drift, and the next up puts the declaration back", async () => {
    const stored = (await axios.get(admin())).data.body;
    await axios.put(admin(), { ...stored, configuration: { ...stored.configuration, region: "eu-west-1" } });
    const refresh = await run(s.stack.refresh({ color: "never" }));
    expect(refresh.summary.resourceChanges).toMatchObject({ update: 1 });
    const state = await s.stack.exportStack();
    const source = state.deployment.resources.find((r: { type: string }) => r.type.endsWith(":EventBridgeSource"));
    expect(source.outputs.drift).toEqual(["configuration.region"]);
    const up = await run(s.stack.up());
    expect(up.summary.resourceChanges).toEqual({ same: 1, update: 1 });
    expect((await axios.get(admin())).data.body.configuration.region).toBe("us-east-1");
  }, T);

  test("faults during up (429 with Retry-After, 503, a reset, a revoked token) converge and the audit log counts the retries", async () => {
    const path = `/api/v2/configuration/event-streams/${id}`;
    const arm = (body: unknown) => axios.post(`${emulator.url}/__emulator/faults`, body);
    await arm({ method: "PUT", path, times: 2, action: { status: 429, headers: { "Retry-After": "1" }, body: { message: "slow down", code: "too.many.requests.retry.after", status: 429 } } });
    // An update is one conditional PUT (its answer is the re-read): every fault meets that PUT.
    await arm({ method: "PUT", path, times: 1, action: { status: 503 } });
    await arm({ method: "PUT", path, times: 1, action: { reset: true } });
    await axios.post(`${emulator.url}/__emulator/tokens/revoke`);
    const changed = exampleDefinition();
    changed.filters[1].conditions[0].value = 45;
    await s.useDefinition(changed);
    const up = await run(s.stack.up());
    expect(up.summary.result).toBe("succeeded");
    const last = auditEntries(s.auditLog).at(-1)!;
    expect([last.action, last.result]).toEqual(["update", "success"]);
    expect(last.metrics.retries).toBeGreaterThanOrEqual(4);
    expect((await axios.get(admin())).data.body.filters[1].conditions[0].value).toBe(45);
  }, T);

  test("a permanent 403 fails with a clear message, keeps state consistent, and the next up after fixing succeeds", async () => {
    const { etag } = (await s.stack.outputs()).sources.value[id];
    await axios.post(`${emulator.url}/__emulator/permissions`, { write: false });
    const changed = exampleDefinition();
    changed.filters[1].conditions[0].value = 60;
    await s.useDefinition(changed);
    const text = await failure(s.stack.up());
    expect(text).toMatch(/403/);
    expect(text).toMatch(/permission/i);
    expect((await s.stack.outputs()).sources.value[id].etag).toBe(etag);
    expect(auditEntries(s.auditLog).at(-1)).toMatchObject({ action: "update", result: "failure" });

    await axios.post(`${emulator.url}/__emulator/permissions`, { write: true });
    const up = await run(s.stack.up());
    expect(up.summary.resourceChanges).toEqual({ same: 1, update: 1 });
  }, T);

  test("refresh drops a source deleted remotely; destroy removes it and a second destroy is clean", async () => {
    await axios.delete(admin());
    await run(s.stack.refresh());
    const state = await s.stack.exportStack();
    expect((state.deployment.resources ?? []).filter((r: { type: string }) => r.type.includes("EventBridgeSource"))).toEqual([]);

    await run(s.stack.up());
    expect((await axios.get(admin())).status).toBe(200);
    const destroyed = await run(s.stack.destroy());
    expect(destroyed.summary.resourceChanges).toEqual({ delete: 2 });
    await expect(axios.get(admin())).rejects.toMatchObject({ response: { status: 404 } });
    const again = await run(s.stack.destroy());
    expect(again.summary.result).toBe("succeeded");
    expect(await verifyAuditLog(s.auditLog)).toMatchObject({ ok: true });
  }, T);

  test("no client secret or token in the state, the audit log, the engine output or the webhook bodies", async () => {
    const secrets = [CLIENT.clientSecret, ...emulator.state.tokens.issuedTokens()];
    expect(secrets.length).toBeGreaterThan(1);
    const texts = [
      ...filesBelow(`${s.dir}/.state`).map((f) => ({ where: f.file, text: f.text })),
      { where: "audit log", text: filesBelow(s.dir).find((f) => f.file.endsWith("audit.jsonl"))?.text ?? "" },
      { where: "engine output", text: s.output.join("\n") },
      { where: "webhooks", text: JSON.stringify(receiver.received()) },
    ];
    expect(texts[0].text.length).toBeGreaterThan(0);
    const leaks = texts.flatMap((t) => secrets.filter((x) => t.text.includes(x)).map(() => t.where));
    expect(leaks).toEqual([]);
  }, T);
});
