/**
 * Two stacks that deploy the same source id at once, under the real engine:
 * no update is lost, the conflict is handled by the chosen policy, and it is
 * recorded in the audit log.
 */
import axios from "axios";
import { engineOrSkip } from "../../scripts/engine-env";
import { startEmulator, RunningEmulator } from "../../src/emulator";
import { auditEntries, createEngineStack, EngineStack, exampleDefinition } from "./support/engine-stack";

const engine = engineOrSkip();
const describeEngine = engine ? describe : describe.skip;
const T = 180_000;
const CLIENT = { clientId: "e2e-client", clientSecret: "e2e-client-secret-C0n" };

describeEngine("two stacks deploying one source id at once", () => {
  let emulator: RunningEmulator;
  let a: EngineStack;
  let b: EngineStack;
  const id = exampleDefinition().id as string;
  const stored = async () => (await axios.get(`${emulator.url}/__emulator/event-streams/${id}`)).data.body;
  const withValue = (value: string) => {
    const d = exampleDefinition();
    d.filters[0].conditions[0].value = value;
    return d;
  };

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, ...CLIENT });
    const settings = { apiBaseUrl: emulator.url, ...CLIENT };
    [a, b] = await Promise.all([
      createEngineStack(engine!, "team-a", { ...settings, extraConfig: { "genesys-eventbridge:conflictPolicy": "fail" } }),
      createEngineStack(engine!, "team-b", {
        ...settings,
        extraConfig: { "genesys-eventbridge:conflictPolicy": "fail", "genesys-eventbridge:adoptExisting": "true" },
      }),
    ]);
    await a.useDefinition(exampleDefinition());
    await a.stack.up();
    await b.useDefinition(exampleDefinition());
    await b.stack.up(); // adopts the source team A created
    await a.stack.refresh(); // both now hold the current ETag
  }, T);

  afterAll(async () => {
    await Promise.all([a?.remove(), b?.remove()]);
    await emulator?.close();
  }, T);

  test("under the fail policy exactly one of two simultaneous updates wins and the other is stopped and audited", async () => {
    await Promise.all([a.useDefinition(withValue("from-a")), b.useDefinition(withValue("from-b"))]);
    const results = await Promise.allSettled([a.stack.up(), b.stack.up()]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);

    const winner = results[0].status === "fulfilled" ? a : b;
    const loser = winner === a ? b : a;
    const won = winner === a ? "from-a" : "from-b";
    expect((await stored()).filters[0].conditions[0].value).toBe(won);
    const failure = auditEntries(loser.auditLog).at(-1)!;
    expect([failure.action, failure.result]).toEqual(["update", "failure"]);
    expect(failure.error).toMatch(/conflict|changed/i);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(String(rejected.reason)).toContain("filters[0].conditions[0].value");
  }, T);

  test("under the overwrite policy the stopped stack applies its definition on the fresh ETag and records the conflict", async () => {
    const lastA = auditEntries(a.auditLog).at(-1)!;
    const loser = lastA.result === "failure" ? a : b;
    const mine = loser === a ? "from-a" : "from-b";
    await loser.stack.setConfig("genesys-eventbridge:conflictPolicy", { value: "overwrite" });
    const up = await loser.stack.up();
    expect(up.summary.result).toBe("succeeded");
    expect((await stored()).filters[0].conditions[0].value).toBe(mine);
    const entry = auditEntries(loser.auditLog).at(-1)!;
    expect([entry.action, entry.result, entry.metrics.conflicts]).toEqual(["update", "success", 1]);
  }, T);
});
