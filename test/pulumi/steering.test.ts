import { decodeSteering, STEERING_KEYS } from "../../src/pulumi/steering";
import { DEFINITION_KEYS } from "../../src/pulumi/inputs";

describe("the steering inputs", () => {
  it("apply their defaults and ignore the definition's properties", () => {
    expect(decodeSteering({ sourceId: "a", filters: [] })).toEqual({ _tag: "Right", right: { adoptExisting: false, intendedState: "ENABLED", owner: "" } });
  });

  it("keep what is given, samples decoded", () => {
    const samples = [{ eventType: "v2.detail.events.conversation.{id}.customer.start", event: { a: 1 } }];
    const given = { adoptExisting: true, intendedState: "DISABLED", owner: "p/s/n", conflictPolicy: "fail", samples };
    expect(decodeSteering(given)).toEqual({ _tag: "Right", right: given });
  });

  it("name every problem by its input path", () => {
    const bad = { adoptExisting: "yes", intendedState: "enabled", conflictPolicy: "merge", samples: [{ event: {} }, { eventType: "x", event: { s: "\uD800" } }] };
    expect(decodeSteering(bad)).toEqual({
      _tag: "Left",
      left: [
        { _tag: "DefinitionIssue", path: "adoptExisting", message: 'expected a boolean, found "yes"' },
        { _tag: "DefinitionIssue", path: "intendedState", message: 'expected one of ENABLED, DISABLED, found "enabled"' },
        { _tag: "DefinitionIssue", path: "conflictPolicy", message: 'expected one of overwrite, fail, found "merge"' },
        { _tag: "DefinitionIssue", path: "samples[1].event.s", message: "not a well-formed UTF-16 string: lone surrogate \\ud800 (a surrogate must be half of a pair)" },
        { _tag: "DefinitionIssue", path: "samples[0].eventType", message: "is required: expected an event type such as v2.detail.events.conversation.{id}.customer.start" },
      ],
    });
  });

  it("and the definition's keys come from the codecs, without overlap", () => {
    expect([[...STEERING_KEYS].sort(), [...DEFINITION_KEYS].sort()]).toEqual([
      ["adoptExisting", "catalog", "conflictPolicy", "impactEvents", "intendedState", "owner", "samples"],
      ["attributeMappings", "configuration", "eventSourceSuffix", "eventStreamType", "filters", "transformations"],
    ]);
  });
});
