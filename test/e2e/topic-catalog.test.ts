/**
 * The topic catalog under the real engine against the emulator
 * (Integrations API): `pulumi preview` fails on a misspelt topic, a topic
 * EventBridge does not receive, a field the topic's events lack and an
 * operator that does not fit the field, each named by its property path;
 * `genesys:catalog warn` turns them into warnings (beside what the AWS route
 * does not carry out); a correct definition deploys.
 */
import { engineOrSkip } from "../../scripts/engine-env";
import { startEmulator, RunningEmulator } from "../../src/emulator";
import { createEngineStack, EngineStack, exampleDefinition, release } from "./support/engine-stack";

const engine = engineOrSkip();
const describeEngine = engine ? describe : describe.skip;
const T = 180_000;
const CLIENT = { clientId: "e2e-client", clientSecret: "e2e-client-secret-Tc3" };
const START = "v2.detail.events.conversation.{id}.customer.start";
const HINT = "(if Genesys has not documented this, set genesys:catalog to warn (or off))";

describeEngine("the topic catalog under the engine", () => {
  let emulator: RunningEmulator;
  let s: EngineStack;
  const definition = exampleDefinition();
  const mistaken = exampleDefinition();
  mistaken.filters = [
    { eventType: "v2.usres.{id}.presense" },
    { eventType: "v2.users.{id}.conversations" },
    { eventType: START, conditions: [{ field: "mediaTyp", operator: "eq", value: "VOICE" }, { field: "conversationId", operator: "gte", value: 30 }, { field: "conversationId", operator: "neq", value: 45 }] },
  ];
  const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const text = (e: any) => String(e?.message ?? e) + String(e?.stdout ?? "") + String(e?.stderr ?? "");

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, ...CLIENT });
    s = await createEngineStack(engine!, "topic-catalog", { apiBaseUrl: emulator.url, ...CLIENT, api: "integrations" });
  }, T);

  afterAll(() => release(s, emulator), T);

  test("preview fails on each mistake with its property path; warn shows them as warnings", async () => {
    await s.useDefinition(mistaken);
    const failed = text(await s.stack.preview().then(() => undefined, (e) => e));
    for (const [property, reason] of [
      ["filters[0].eventType", `"v2.usres.{id}.presense" is not a topic of the Genesys Cloud topic catalog; nearest: v2.users.{id}.presence, v2.users.{id}.activity, v2.audits.entitytype.{id}.entityid.{id} ${HINT}`],
      ["filters[1].eventType", `v2.users.{id}.conversations is not delivered to EventBridge: its transports are Websocket, and EventBridge receives only topics whose transports include EventBridge or All ${HINT}`],
      ["filters[2].conditions[0].field", `"mediaTyp" is not a field of ${START} events; nearest: mediaType ${HINT}`],
      ["filters[2].conditions[1].operator", `operator gte compares numbers or timestamps, but conversationId of ${START} is of type string; use eq, neq or in ${HINT}`],
    ]) {
      expect(failed).toMatch(new RegExp(`property ${escape(property)} value .* has a problem: ${escape(reason)}`));
    }
    expect(emulator.journal().filter((j) => j.method !== "GET" && j.path.startsWith("/api/"))).toEqual([]);

    await s.stack.setConfig("genesys:catalog", { value: "warn" });
    try {
      const warned = await s.stack.preview();
      expect(warned.stdout).toContain(`warning: topic catalog: filters[2].conditions[0].field: "mediaTyp" is not a field of ${START} events; nearest: mediaType`);
      // The same check warns about what the AWS route does not carry out.
      expect(warned.stdout).toContain(`warning: ${mistaken.id} (AWS route): filters[2].conditions[2]: EventBridge cannot combine anything-but 45 with a numeric range on conversationId`);
    } finally {
      await s.stack.removeConfig("genesys:catalog");
    }
  }, T);

  test("a definition the catalog confirms deploys", async () => {
    await s.useDefinition(definition);
    const up = await s.stack.up();
    expect(up.summary.resourceChanges).toEqual({ create: 2 });
    const topics = emulator.journal().filter((j) => j.path === "/api/v2/notifications/availabletopics");
    expect(topics.length).toBeGreaterThan(0);
  }, T);
});
