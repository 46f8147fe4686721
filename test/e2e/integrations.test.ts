/**
 * The stack program under the real engine against the emulated Genesys Cloud
 * Integrations API (`amazon-eventbridge-source`): read-after-write lag on
 * create, no-op, a topic change, a stale config version under both conflict
 * policies, drift, the partner event source name, destroy.
 */
import axios from "axios";
import { engineOrSkip } from "../../scripts/engine-env";
import { startEmulator, RunningEmulator, defaultOrganizationId } from "../../src/emulator";
import { startWebhookReceiver, WebhookReceiver } from "../../src/webhook";
import { auditEntries, createEngineStack, EngineStack, exampleDefinition } from "./support/engine-stack";

const engine = engineOrSkip();
const describeEngine = engine ? describe : describe.skip;
const T = 180_000;
const CLIENT = { clientId: "e2e-client", clientSecret: "e2e-client-secret-Int9" };
const WEBHOOK_KEY = "e2e-webhook-key-Int7";

describeEngine("an EventBridgeSource on the Integrations API", () => {
  let emulator: RunningEmulator;
  let s: EngineStack;
  let receiver: WebhookReceiver;
  const definition = exampleDefinition();
  const id = definition.id as string;
  const adminUrl = (remoteId = "") => `${emulator.url}/__emulator/integrations${remoteId ? `/${remoteId}` : ""}`;
  const outputs = async () => (await s.stack.outputs()).sources.value[id];
  const remote = async () => (await axios.get(adminUrl((await outputs()).remoteId ?? ""))).data;
  const writes = () => emulator.journal().filter((j) => j.method !== "GET" && j.path.startsWith("/api/"));

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, ...CLIENT });
    receiver = await startWebhookReceiver({ secret: WEBHOOK_KEY });
    s = await createEngineStack(engine!, "integrations", {
      apiBaseUrl: emulator.url,
      ...CLIENT,
      api: "integrations",
      extraConfig: { "genesys:webhookUrl": receiver.url },
    });
    await s.stack.setConfig("genesys:webhookSecret", { value: WEBHOOK_KEY, secret: true });
    await s.useDefinition(definition);
  }, T);

  afterAll(async () => {
    await s?.remove();
    await receiver?.close();
    await emulator?.close();
  }, T);

  test("up creates the integration through read-after-write lag and reports the partner event source", async () => {
    await axios.post(`${emulator.url}/__emulator/integrations/lag`, { reads: 2 });
    const up = await s.stack.up();
    expect(up.summary.resourceChanges).toEqual({ create: 2 });
    const out = up.outputs.sources.value[id];
    expect(out.facts.partnerEventSourceName).toBe(`aws.partner/genesys.com/cloud/${defaultOrganizationId}/${definition.eventSourceSuffix}`);
    const stored = (await axios.get(adminUrl())).data.entities;
    expect(stored.map((i: any) => [i.name, i.intendedState, i.config.current?.properties?.eventFilter ?? i.config?.properties?.eventFilter])).toEqual([
      [id, "ENABLED", ["v2.detail.events.conversation.{id}.customer.end", "v2.detail.events.conversation.{id}.customer.start"]],
    ]);
  }, T);

  test("a second up reports no changes and writes nothing", async () => {
    const before = writes().length;
    const up = await s.stack.up({ expectNoChanges: true });
    expect(up.summary.resourceChanges).toEqual({ same: 2 });
    expect(writes().length).toBe(before);
  }, T);

  test("a change confined to conditions makes no request to Genesys but the topic catalog's read; the outputs, the audit log and the webhook say so", async () => {
    const before = emulator.journal().length;
    const hooksBefore = receiver.received().length;
    const changed = exampleDefinition();
    changed.filters[0].conditions[0].value = "OUTBOUND";
    await s.useDefinition(changed);
    const preview = await s.stack.preview({ diff: true });
    expect(preview.stdout).toMatch(/filters.*conditions|value.*OUTBOUND/s);
    const up = await s.stack.up();
    expect(up.summary.resourceChanges).toEqual({ same: 1, update: 1 });
    // Each provider process reads the topic catalog at check (a token, the organization, the catalog), and nothing else.
    const catalogRead = new Set(["POST /oauth/token", "GET /api/v2/organizations/me", "GET /api/v2/notifications/availabletopics"]);
    const sent = emulator.journal().slice(before);
    expect(sent.filter((j) => !catalogRead.has(`${j.method} ${j.path}`))).toEqual([]);
    expect(sent.filter((j) => j.path === "/api/v2/notifications/availabletopics").length).toBeGreaterThan(0);
    const out = up.outputs.sources.value[id];
    expect(out.metrics.registrationStatus).toBe("unchanged");
    const last = auditEntries(s.auditLog).at(-1)!;
    expect([last.action, last.result, last.details.remoteWrite, last.hash]).toEqual(["update", "success", false, out.auditHead]);
    expect(receiver.received().slice(hooksBefore).map((r) => [r.event.event, r.event.status])).toEqual([["source.updated", "unchanged"]]);
    await s.useDefinition(definition);
    await s.stack.up();
  }, T);

  test("a stale config version stops a fail-policy update, and overwrite applies it on the fresh version", async () => {
    const remoteId = (await outputs()).remoteId as string;
    // Someone edits the integration's config in the console: its version moves on.
    await axios.patch(adminUrl(remoteId), { config: { notes: "edited by hand" } });
    const changed = exampleDefinition();
    changed.filters.push({ eventType: "v2.detail.events.conversation.{id}.acw", conditions: [] });
    await s.useDefinition(changed);

    await s.stack.setConfig("genesys-eventbridge:conflictPolicy", { value: "fail" });
    const failed = await s.stack.up().then(() => undefined, (e) => e);
    expect(String(failed)).toMatch(/conflict|changed/i);
    expect(auditEntries(s.auditLog).at(-1)).toMatchObject({ action: "update", result: "failure" });

    await s.stack.setConfig("genesys-eventbridge:conflictPolicy", { value: "overwrite" });
    const up = await s.stack.up();
    expect(up.summary.resourceChanges).toEqual({ same: 1, update: 1 });
    expect(up.outputs.sources.value[id].metrics.conflicts).toBe(1);
    const topics = (await remote()).config.properties.eventFilter;
    expect(topics).toContain("v2.detail.events.conversation.{id}.acw");
  }, T);

  test("refresh shows a remote region change as drift; destroy removes the integration", async () => {
    const remoteId = (await outputs()).remoteId as string;
    const current = await remote();
    await axios.patch(adminUrl(remoteId), { config: { properties: { ...current.config.properties, awsAccountRegion: "eu-west-1" } } });
    await s.stack.refresh();
    const state = await s.stack.exportStack();
    const source = state.deployment.resources.find((r: { type: string }) => r.type.endsWith(":EventBridgeSource"));
    expect(source.outputs.drift).toEqual(["configuration.region"]);

    const destroyed = await s.stack.destroy();
    expect(destroyed.summary.resourceChanges).toEqual({ delete: 2 });
    expect((await axios.get(adminUrl())).data.entities).toEqual([]);
  }, T);
});
