/**
 * The delivery impact under the real engine: a preview of a condition change
 * on a source with samples and recorded events (`impactEvents`) prints one
 * line on the resource with the counts; a create and a no-change preview
 * print none, and the recorded events never reach the state.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { engineOrSkip } from "../../scripts/engine-env";
import { startEmulator, RunningEmulator } from "../../src/emulator";
import { createEngineStack, EngineStack, exampleDefinition, release } from "./support/engine-stack";

const engine = engineOrSkip();
const describeEngine = engine ? describe : describe.skip;
const T = 180_000;
const CLIENT = { clientId: "e2e-client", clientSecret: "e2e-client-secret-Imp4" };

const ended = require("../../stacks/examples/samples/customer-end.json");
const started = require("../../stacks/examples/samples/customer-start.json");

/** A customer end event of a conversation that lasted `duration` milliseconds, as `{ eventType, event }`. */
const sampleOf = (duration: number) => ({ ...ended, event: { ...ended.event, interactingDurationMs: duration } });
/** The same as EventBridge delivers it, with an id only this test writes. */
const recordedOf = (duration: number, i: number) => ({
  id: `recorded-marker-${i}`,
  "detail-type": ended.eventType,
  source: "aws.partner/genesys.com/cloud/org/suffix",
  detail: { topicName: ended.eventType.replace("{id}", "c-1"), eventBody: { ...ended.event, interactingDurationMs: duration } },
});

describeEngine("delivery impact in pulumi preview", () => {
  let emulator: RunningEmulator;
  let s: EngineStack;
  const SAMPLE_DURATIONS = [30_000, 120_000, 299_999, 300_000, 45_000];
  const RECORDED_DURATIONS = [10_000, 31_000, 200_000, 301_000, 900_000, 250_000, 29_999];
  const impactLines = (text: string) => text.split("\n").filter((l) => l.includes("delivery impact on"));

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, ...CLIENT });
    s = await createEngineStack(engine!, "impact", { apiBaseUrl: emulator.url, ...CLIENT });
    fs.writeFileSync(path.join(s.dir, "definition.json"), JSON.stringify(exampleDefinition()));
    fs.writeFileSync(path.join(s.dir, "samples.json"), JSON.stringify([started, ...SAMPLE_DURATIONS.map(sampleOf)]));
    fs.writeFileSync(path.join(s.dir, "recorded.jsonl"), RECORDED_DURATIONS.map((d, i) => JSON.stringify(recordedOf(d, i))).join("\n") + "\n");
    await s.stack.setConfig("genesys-eventbridge:sources", {
      value: JSON.stringify([{ definition: "definition.json", samples: "samples.json", impactEvents: "recorded.jsonl" }]),
    });
  }, T);

  afterAll(() => release(s, emulator), T);

  test("a create and a no-change preview print no impact line", async () => {
    const up = await s.stack.up();
    expect(up.summary.resourceChanges).toEqual({ create: 2 });
    const preview = await s.stack.preview({ diff: true });
    expect([preview.changeSummary, impactLines(up.stdout + preview.stdout + preview.stderr)]).toEqual([{ same: 2 }, []]);
  }, T);

  // The engine prints a provider's log lines with its diagnostics (stderr under the automation API).
  test("a raised threshold prints the events no longer delivered, counted over the samples and the recorded events", async () => {
    const changed = exampleDefinition();
    changed.filters[1].conditions[0].value = 300_000;
    fs.writeFileSync(path.join(s.dir, "definition.json"), JSON.stringify(changed));
    const diagnostics: Array<{ urn?: string; severity: string; message: string }> = [];
    const preview = await s.stack.preview({ diff: true, debug: true, onEvent: (e) => void (e.diagnosticEvent && diagnostics.push(e.diagnosticEvent)) });
    const durations = [...SAMPLE_DURATIONS, ...RECORDED_DURATIONS];
    const total = durations.length + 1; // and the customer start sample, delivered before and after
    const dropped = durations.filter((d) => d >= 30_000 && d < 300_000).length;
    const line = `delivery impact on ${total} recorded events: ${dropped} no longer delivered, 0 newly delivered, 0 reshaped`;
    expect([preview.changeSummary, impactLines(`${preview.stdout}\n${preview.stderr}`).map((l) => l.trim())]).toEqual([{ same: 1, update: 1 }, [line]]);
    // On the resource's row, as an info line.
    expect(diagnostics.filter((d) => d.message.includes("delivery impact")).map((d) => [d.severity, d.message.trim(), d.urn?.endsWith(":EventBridgeSource::eventbridge-source-prod-01")])).toEqual([
      ["info", line, true],
    ]);
    // The examples are debug lines on the resource (`--debug`): first, the first sample the raised threshold drops.
    expect(diagnostics.filter((d) => d.severity === "debug" && d.message.includes("no longer delivered: ")).map((d) => d.message.trim())[0]).toBe(
      "no longer delivered: samples[1] (v2.detail.events.conversation.{id}.customer.end): filters[1].conditions[0] (interactingDurationMs gte 300000) fails: interactingDurationMs is 30000",
    );
    // The corpus is read where the provider runs; only its path is kept.
    const state = JSON.stringify(await s.stack.exportStack());
    expect([state.includes("recorded.jsonl"), state.includes("recorded-marker-")]).toEqual([true, false]);
  }, T);
});
