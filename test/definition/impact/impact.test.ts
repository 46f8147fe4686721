import fc from "fast-check";
import { CorpusEvent, decodeCorpus } from "../../../src/definition/impact/corpus-event";
import { deliveryImpact } from "../../../src/definition/impact/impact";
import { exampleLines, impactLine } from "../../../src/definition/impact/summary";
import { createdSample, definition, summarySample } from "../fixtures";

function summary(id: string, duration: number, participants: ReadonlyArray<object> = [{ id: "agent-001", purpose: "agent" }]): CorpusEvent {
  return { index: 0, id, eventType: summarySample.eventType, body: { ...summarySample.event, participants, metrics: { duration } } };
}

function corpus(events: ReadonlyArray<CorpusEvent>): CorpusEvent[] {
  return events.map((e, index) => ({ ...e, index }));
}

describe("deliveryImpact", () => {
  const old = definition();
  const raised = definition((d) => (d.filters[1].conditions[0].value = 300));

  it("counts events no longer delivered when a threshold rises, and gives the failed condition as the reason", () => {
    const events = corpus([summary("s-1", 30), summary("s-2", 299), summary("s-3", 300), summary("s-4", 10), { index: 0, eventType: createdSample.eventType, body: createdSample.event }]);
    const impact = deliveryImpact(old, raised, events);
    expect({ ...impact, events: impact.events.map((e) => e.change) }).toEqual({
      total: 5,
      deliveredBefore: 4,
      deliveredAfter: 2,
      newlyDropped: 2,
      newlyDelivered: 0,
      reshaped: 0,
      unchanged: 3,
      reshapedTargets: [],
      examples: {
        newlyDropped: [
          { event: "s-1", eventType: "v2.detail.events.conversation.{id}.customer.end", reason: "filters[1].conditions[0] (metrics.duration gte 300) fails: metrics.duration is 30" },
          { event: "s-2", eventType: "v2.detail.events.conversation.{id}.customer.end", reason: "filters[1].conditions[0] (metrics.duration gte 300) fails: metrics.duration is 299" },
        ],
        newlyDelivered: [],
        reshaped: [],
      },
      events: ["newlyDropped", "newlyDropped", "unchanged", "unchanged", "unchanged"],
    });
    expect(impactLine(impact)).toBe("delivery impact on 5 recorded events: 2 no longer delivered, 0 newly delivered, 0 reshaped");
  });

  it("a second filter on the event type delivers what either selects, and a drop names the first filter's failed condition", () => {
    const or = definition((d) => {
      d.filters[1].conditions[0].value = 300;
      d.filters.push({ eventType: d.filters[1].eventType, conditions: [{ field: "metrics.duration", operator: "lte", value: 20 }] });
    });
    const events = corpus([summary("s-1", 30), summary("s-2", 10), summary("s-3", 300)]);
    const impact = deliveryImpact(old, or, events);
    expect([impact.deliveredBefore, impact.deliveredAfter, impact.events.map((e) => e.change), impact.examples.newlyDropped.map((e) => e.reason)]).toEqual([
      2,
      2,
      ["newlyDropped", "newlyDelivered", "unchanged"],
      ["filters[1].conditions[0] (metrics.duration gte 300) fails: metrics.duration is 30"],
    ]);
  });

  it("the reverse change delivers them anew, with the old route's reason", () => {
    const impact = deliveryImpact(raised, old, corpus([summary("s-1", 30), summary("s-4", 10)]));
    expect([impact.newlyDelivered, impact.newlyDropped, impact.examples.newlyDelivered]).toEqual([
      1,
      0,
      [{ event: "s-1", eventType: "v2.detail.events.conversation.{id}.customer.end", reason: "filters[1].conditions[0] (metrics.duration gte 300) fails: metrics.duration is 30" }],
    ]);
  });

  it("reports reshaped events with the target paths that changed", () => {
    const renamed = definition((d) => (d.transformations[1].path = "[].purpose"));
    const events = corpus([summary("s-1", 40), summary("s-2", 50, [])]);
    const impact = deliveryImpact(old, renamed, events);
    expect({ reshaped: impact.reshaped, unchanged: impact.unchanged, targets: impact.reshapedTargets, example: impact.examples.reshaped[0] }).toEqual({
      reshaped: 1,
      unchanged: 1,
      targets: [{ target: "agentIds", events: 1 }],
      example: {
        event: "s-1",
        eventType: "v2.detail.events.conversation.{id}.customer.end",
        changedTargets: ["agentIds"],
        before: { agentIds: ["agent-001"] },
        after: { agentIds: ["agent"] },
      },
    });
    expect([impactLine(impact), exampleLines(impact)]).toEqual([
      "delivery impact on 2 recorded events: 0 no longer delivered, 0 newly delivered, 1 reshaped (agentIds)",
      ['reshaped: s-1 (v2.detail.events.conversation.{id}.customer.end): agentIds ["agent-001"] -> ["agent"]'],
    ]);
  });

  it("an event the pattern selects but the projection cannot carry out is not delivered, and says which directive failed", () => {
    const mapped = definition((d) => d.attributeMappings.push({ source: "attributes.region", target: "custom.region" }));
    const impact = deliveryImpact(old, mapped, corpus([summary("s-1", 40)]));
    expect([impact.newlyDropped, exampleLines(impact)]).toEqual([
      1,
      ["no longer delivered: s-1 (v2.detail.events.conversation.{id}.customer.end): attributeMappings[1].source: does not resolve on event s-1 (v2.detail.events.conversation.{id}.customer.end): attributes.region is missing"],
    ]);
  });

  it("an event type the new definition has no filter for is dropped, and an unchanged definition changes nothing", () => {
    const only = definition((d) => d.filters.splice(1, 1));
    const events = corpus([summary("s-1", 40), { index: 0, eventType: createdSample.eventType, body: createdSample.event }]);
    expect(deliveryImpact(old, only, events).examples.newlyDropped).toEqual([
      { event: "s-1", eventType: "v2.detail.events.conversation.{id}.customer.end", reason: 'no filter has event type "v2.detail.events.conversation.{id}.customer.end"' },
    ]);
    const same = deliveryImpact(old, old, events);
    expect([same.unchanged, same.deliveredBefore, same.deliveredAfter, impactLine(same)]).toEqual([
      2,
      2,
      2,
      "delivery impact on 2 recorded events: 0 no longer delivered, 0 newly delivered, 0 reshaped",
    ]);
  });

  it("keeps at most the asked number of examples", () => {
    const events = corpus(Array.from({ length: 10 }, (_, i) => summary(`s-${i}`, 31)));
    const impact = deliveryImpact(old, raised, events, { examples: 2 });
    expect([impact.newlyDropped, impact.examples.newlyDropped.map((e) => e.event)]).toEqual([10, ["s-0", "s-1"]]);
  });
});

describe("deliveryImpact on any input", () => {
  it("never throws: every JSON value is an event or an issue, and any decoded corpus is counted whole", () => {
    const old = definition();
    const next = definition((d) => (d.filters[1].conditions[0].value = 300));
    const entry = fc.oneof(
      fc.jsonValue(),
      fc.record({ eventType: fc.constantFrom(summarySample.eventType, createdSample.eventType, "v2.users.42.presence"), event: fc.dictionary(fc.string(), fc.jsonValue()) }),
      fc.record({ "detail-type": fc.constantFrom(summarySample.eventType, "x"), id: fc.jsonValue(), detail: fc.record({ eventBody: fc.jsonValue() }) }),
    );
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 8 }), (values) => {
        const decoded = decodeCorpus(values);
        if (decoded._tag === "Left") return decoded.left.length > 0;
        const impact = deliveryImpact(old, next, decoded.right);
        return impact.total === values.length && impact.newlyDropped + impact.newlyDelivered + impact.reshaped + impact.unchanged === impact.total;
      }),
      { numRuns: 300 },
    );
  });
});
