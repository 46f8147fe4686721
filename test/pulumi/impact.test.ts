import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { checkSource } from "../../src/pulumi/check";
import { previewImpact } from "../../src/pulumi/impact";
import { diffSource } from "../../src/pulumi/diff";
import { UNKNOWN } from "../../src/pulumi/unknowns";

const example = require("../definition/fixtures/definition.json");
const summarySample = require("../definition/fixtures/samples/analytics-summary.json");

function inputs(change: (i: any) => void = () => undefined): Record<string, unknown> {
  const { id, ...definition } = JSON.parse(JSON.stringify(example));
  const i = { ...definition, sourceId: id };
  change(i);
  return i;
}

const summary = (duration: number) => ({ ...summarySample, event: { ...summarySample.event, metrics: { duration } } });
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ebs-impact-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("previewImpact", () => {
  const olds = { ...inputs(), api: "integrations", drift: [] };

  it("replays the samples and the impactEvents corpus through the deployed and the desired definition", () => {
    const corpus = path.join(dir, "recorded.jsonl");
    fs.writeFileSync(corpus, [summary(40), summary(500), summary(20)].map((e) => JSON.stringify(e)).join("\n"));
    const news = inputs((i) => {
      i.filters[1].conditions[0].value = 300;
      i.samples = [summary(100)];
      i.impactEvents = corpus;
    });
    expect(previewImpact(olds, news)).toEqual({
      line: "delivery impact on 4 recorded events: 2 no longer delivered, 0 newly delivered, 0 reshaped",
      examples: [
        "no longer delivered: samples[0] (v2.detail.events.conversation.{id}.customer.end): filters[1].conditions[0] (metrics.duration gte 300) fails: metrics.duration is 100",
        `no longer delivered: ${corpus}[0] (v2.detail.events.conversation.{id}.customer.end): filters[1].conditions[0] (metrics.duration gte 300) fails: metrics.duration is 40`,
      ],
    });
  });

  it("takes the definitions diff decoded instead of decoding them again, with the same result", () => {
    const news = inputs((i) => {
      i.filters[1].conditions[0].value = 300;
      i.samples = [summary(100)];
    });
    const { result, decoded } = diffSource(olds, news, "integrations");
    expect(result.changes).toBe(true);
    expect(decoded).toBeDefined();
    expect(previewImpact(olds, news, decoded)).toEqual(previewImpact(olds, news));
    expect(previewImpact(olds, news, decoded)?.line).toBe("delivery impact on 1 recorded event: 1 no longer delivered, 0 newly delivered, 0 reshaped");
  });

  it("gives nothing without events to replay, while a value is unknown, or for an old state it cannot read", () => {
    const changed = (i: any) => (i.filters[1].conditions[0].value = 300);
    expect(previewImpact(olds, inputs(changed))).toBeUndefined();
    expect(previewImpact(olds, inputs((i) => { changed(i); i.samples = [summary(40)]; i.configuration.region = UNKNOWN; }))).toBeUndefined();
    expect(previewImpact({ filters: "broken" }, inputs((i) => { changed(i); i.samples = [summary(40)]; }))).toBeUndefined();
  });
});

describe("check with impactEvents", () => {
  it("reports a corpus it cannot read, or an entry that is not an event, at impactEvents", () => {
    const bad = path.join(dir, "bad.json");
    fs.writeFileSync(bad, JSON.stringify([summary(40), { eventType: "a.b", event: 3 }]));
    expect(checkSource(inputs((i) => (i.impactEvents = path.join(dir, "missing.jsonl")))).result.failures).toEqual([
      { property: "impactEvents", reason: `file not found: ${path.join(dir, "missing.jsonl")}` },
    ]);
    expect(checkSource(inputs((i) => (i.impactEvents = bad))).result.failures).toEqual([
      { property: "impactEvents", reason: `${bad}: events[1].event: expected the event body as an object, found 3` },
    ]);
    expect(checkSource(inputs((i) => (i.impactEvents = ""))).result.failures).toEqual([
      { property: "impactEvents", reason: "expected a path to a file or folder of recorded events, found an empty string" },
    ]);
  });
});
