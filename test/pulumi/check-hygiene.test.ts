import { checkSource } from "../../src/pulumi/check";
import { UNKNOWN } from "../../src/pulumi/unknowns";

const example = require("../../stacks/examples/definition.json");

function inputs(extra: Record<string, unknown> = {}): Record<string, unknown> {
  const { id, ...definition } = JSON.parse(JSON.stringify(example));
  return { ...definition, sourceId: id, ...extra };
}

describe("check refuses what no engine or API can carry", () => {
  it("names sample problems by their input path", () => {
    const samples = [{ eventType: "v2.detail.events.conversation.{id}.customer.start", event: { note: "x\uD800" } }, { event: {} }];
    expect(checkSource(inputs({ samples })).result.failures).toEqual([
      { property: "samples[0].event.note", reason: "not a well-formed UTF-16 string: lone surrogate \\ud800 (a surrogate must be half of a pair)" },
      { property: "samples[1].eventType", reason: "is required: expected an event type such as v2.detail.events.conversation.{id}.customer.start" },
    ]);
  });

  it("refuses a prototype name as the source id", () => {
    expect(checkSource(inputs({ sourceId: "__proto__" })).result.failures).toEqual([
      { property: "sourceId", reason: 'id "__proto__" is not allowed (__proto__, prototype, constructor are refused): choose another id' },
    ]);
  });

  it("refuses a lone surrogate in the definition, and still tolerates unknown values", () => {
    const changed = inputs();
    (changed.filters as Array<Record<string, unknown>>)[0].eventType = "v2.detail.events.conversation.{id}.customer.start\uDC00";
    expect(checkSource(changed).result.failures).toEqual([
      { property: "filters[0].eventType", reason: "not a well-formed UTF-16 string: lone surrogate \\udc00 (a surrogate must be half of a pair)" },
    ]);
    expect(checkSource(inputs({ configuration: UNKNOWN })).result.failures).toBeUndefined();
  });
});
