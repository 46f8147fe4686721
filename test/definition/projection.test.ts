import { definitionIssue, projectSamples } from "../../src/definition";
import { createdSample as created, definition, summarySample as summary, withEvent } from "./fixtures";

describe("projectSamples", () => {
  it("projects the corrected example into the nested target object", () => {
    expect(projectSamples(definition(), [created])).toEqual({
      _tag: "Right",
      right: [
        {
          sample: 0,
          eventType: "v2.detail.events.conversation.{id}.customer.start",
          filter: 0,
          matched: true,
          failedCondition: null,
          conditions: [
            { path: "filters[0].conditions[0]", matched: true, reason: 'metadata.source is "web"' },
            { path: "filters[0].conditions[1]", matched: true, reason: 'metadata.routingStatus is "queued"' },
          ],
          projected: {
            convId: "c7d1a5f2-3b9e-4c1a-9f0e-2d6b8a4e1c35",
            agentIds: ["agent-001", "agent-002"],
            eventTime: "2024-01-15T10:00:00.000Z",
            custom: { tenant: "tenant-42" },
          },
        },
      ],
    });
  });

  it("converts epoch milliseconds 1705312800000 to 2024-01-15T10:00:00.000Z and ISO strings to UTC", () => {
    const r = projectSamples(definition(), [created, summary]);
    expect(r._tag === "Right" && r.right.map((p) => p.projected["eventTime"])).toEqual(["2024-01-15T10:00:00.000Z", "2024-01-15T10:05:30.000Z"]);
  });

  it("reports the condition that failed and still projects the sample", () => {
    const r = projectSamples(definition(), [withEvent(created, (e) => (e.metadata.routingStatus = "abandoned"))]);
    expect(r._tag === "Right" && [r.right[0].matched, r.right[0].failedCondition, r.right[0].conditions[1]]).toEqual([
      false,
      "filters[0].conditions[1]",
      { path: "filters[0].conditions[1]", matched: false, reason: 'metadata.routingStatus is "abandoned"' },
    ]);
  });

  it("matches gte against a number and lte against timestamps", () => {
    const def = definition((d) => d.filters[1].conditions.push({ field: "metadata.timestamp", operator: "lte", value: "2024-01-15T10:05:00Z" }));
    const r = projectSamples(def, [summary]);
    expect(r._tag === "Right" && r.right[0].conditions.map((c) => c.matched)).toEqual([true, false]);
  });

  it("fails a condition whose field is missing, naming the missing part", () => {
    const r = projectSamples(definition(), [withEvent(summary, (e) => delete e.metrics)]);
    expect(r._tag === "Right" && r.right[0].conditions).toEqual([{ path: "filters[1].conditions[0]", matched: false, reason: "metrics is missing" }]);
  });

  it("reports every unresolved source with the directive's path and the sample", () => {
    const broken = withEvent(created, (e) => {
      delete e.conversation;
      e.attributes = "tenant-42";
    });
    expect(projectSamples(definition(), [summary, broken])).toEqual({
      _tag: "Left",
      left: [
        definitionIssue("transformations[0].sourceField", "does not resolve on samples[1] (v2.detail.events.conversation.{id}.customer.start): conversation is missing"),
        definitionIssue("attributeMappings[0].source", "does not resolve on samples[1] (v2.detail.events.conversation.{id}.customer.start): attributes is a string, not an object"),
      ],
    });
  });

  it("reports an extract path that does not resolve on an element", () => {
    const r = projectSamples(definition(), [withEvent(created, (e) => delete e.participants[1].id)]);
    expect(r).toEqual({
      _tag: "Left",
      left: [definitionIssue("transformations[1].path", "does not resolve on samples[0] (v2.detail.events.conversation.{id}.customer.start): participants[1].id is missing")],
    });
  });

  it("picks one element with [N] and reports an index past the end", () => {
    const def = definition((d) => (d.transformations[1].path = "[1].id"));
    const ok = projectSamples(def, [created]);
    expect(ok._tag === "Right" && ok.right[0].projected["agentIds"]).toBe("agent-002");
    expect(projectSamples(def, [summary])).toEqual({
      _tag: "Left",
      left: [definitionIssue("transformations[1].path", "does not resolve on samples[0] (v2.detail.events.conversation.{id}.customer.end): participants[1] is missing (the array has 1 element)")],
    });
  });

  it("reports a value iso8601 cannot convert as a projection issue", () => {
    const r = projectSamples(definition(), [withEvent(created, (e) => (e.metadata.timestamp = "yesterday"))]);
    expect(r).toEqual({
      _tag: "Left",
      left: [
        definitionIssue(
          "transformations[2].format",
          'cannot convert metadata.timestamp on samples[0] (v2.detail.events.conversation.{id}.customer.start): iso8601 expects an ISO 8601 timestamp or epoch milliseconds, found "yesterday"',
        ),
      ],
    });
  });

  it("reports a sample whose event type matches no filter", () => {
    expect(projectSamples(definition(), [{ eventType: "v2.routing.queues.{id}.conversations", event: {} }])).toEqual({
      _tag: "Left",
      left: [definitionIssue("samples[0].eventType", '"v2.routing.queues.{id}.conversations" matches no filter; the filters cover v2.detail.events.conversation.{id}.customer.start, v2.detail.events.conversation.{id}.customer.end')],
    });
  });

  it("matches {id} placeholders to one segment of the sample's event type", () => {
    const def = definition((d) => (d.filters[0].eventType = "v2.detail.events.conversation.{id}.customer.start"));
    const sample = { ...created, eventType: "v2.detail.events.conversation.abc-123.customer.start" };
    const r = projectSamples(def, [sample]);
    expect(r._tag === "Right" && [r.right[0].filter, r.right[0].matched]).toEqual([0, true]);
  });

  it("does not read inherited properties of the event", () => {
    const def = definition((d) => (d.transformations[0].sourceField = "conversation.toString"));
    const r = projectSamples(def, [created]);
    expect(r._tag === "Left" && r.left[0]).toEqual(
      definitionIssue("transformations[0].sourceField", "does not resolve on samples[0] (v2.detail.events.conversation.{id}.customer.start): conversation.toString is missing"),
    );
  });

  it("returns plain objects and never touches Object.prototype", () => {
    const def = definition((d) => (d.attributeMappings[0].target = "custom.deep.tenant"));
    const r = projectSamples(def, [created]);
    const projected = r._tag === "Right" ? r.right[0].projected : {};
    expect([Object.getPrototypeOf(projected), Object.getPrototypeOf((projected as any).custom.deep)]).toEqual([Object.prototype, Object.prototype]);
    expect(projected).toEqual({
      convId: "c7d1a5f2-3b9e-4c1a-9f0e-2d6b8a4e1c35",
      agentIds: ["agent-001", "agent-002"],
      eventTime: "2024-01-15T10:00:00.000Z",
      custom: { deep: { tenant: "tenant-42" } },
    });
  });

  it("applies lowercase, uppercase and string formats", () => {
    const def = definition((d) =>
      d.transformations.push(
        { sourceField: "metadata.source", targetField: "up", type: "transform", format: "uppercase" },
        { sourceField: "attributes.tenantId", targetField: "low", type: "transform", format: "lowercase" },
        { sourceField: "metrics.duration", targetField: "text", type: "transform", format: "string" },
      ),
    );
    const r = projectSamples(def, [summary]);
    const p = r._tag === "Right" ? r.right[0].projected : {};
    expect([p["up"], p["low"], p["text"]]).toEqual(["WEB", "tenant-42", "330"]);
  });
});
