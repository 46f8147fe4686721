import { checkSource } from "../../src/pulumi/check";
import { diffSource } from "../../src/pulumi/diff";
import { UNKNOWN } from "../../src/pulumi/unknowns";

const example = require("../../stacks/examples/definition.json");

/** The resource's inputs for the example: the definition's id travels as `sourceId`. */
function inputs(change: (i: any) => void = () => undefined): Record<string, unknown> {
  const { id, ...definition } = JSON.parse(JSON.stringify(example));
  const i = { ...definition, sourceId: id };
  change(i);
  return i;
}

describe("check", () => {
  it("reports every problem by input property path, the definition's id as sourceId", () => {
    const result = checkSource(inputs((i) => {
      delete i.sourceId;
      i.filters[0].conditions[1].operator = "contains";
      i.conflictPolicy = "merge";
    })).result;
    expect(result.failures!.map((f) => f.property).sort()).toEqual(["conflictPolicy", "filters[0].conditions[1].operator", "sourceId"]);
  });

  it("holds back problems under a property that is still unknown, and reports the rest", () => {
    const result = checkSource(inputs((i) => {
      i.configuration.awsAccountId = UNKNOWN;
      i.filters[0].conditions[1].operator = "contains";
    })).result;
    expect(result.failures!.map((f) => f.property)).toEqual(["filters[0].conditions[1].operator"]);
  });

  it("warns about what the AWS route does not carry out, in the same pass, without failing", () => {
    const outcome = checkSource(inputs((i) => {
      i.filters[1].conditions = [
        { field: "interactingDurationMs", operator: "gte", value: 30000 },
        { field: "interactingDurationMs", operator: "neq", value: 45000 },
      ];
    }));
    expect(outcome.result.failures).toBeUndefined();
    expect(outcome.warnings).toEqual([
      "eventbridge-source-prod-01 (AWS route): filters[1].conditions[1]: EventBridge cannot combine anything-but 45000 with a numeric range on interactingDurationMs in one matcher array (its elements are alternatives)",
    ]);
    expect(checkSource(inputs()).warnings).toEqual([]);
  });

  it("warns about nothing while a value is unknown", () => {
    const outcome = checkSource(inputs((i) => {
      i.configuration.region = UNKNOWN;
      i.filters[1].conditions.push({ field: "interactingDurationMs", operator: "neq", value: 45000 });
    }));
    expect(outcome).toEqual({ result: { inputs: expect.any(Object) }, warnings: [] });
  });

  it("defaults the stream type in the inputs it returns", () => {
    expect(checkSource(inputs((i) => delete i.eventStreamType)).result).toEqual({ inputs: inputs((i) => (i.eventStreamType = "aws-eventbridge")) });
  });
});

describe("diff", () => {
  const olds = { ...inputs(), api: "event-streams", drift: [] };

  it("says maybe when part of the definition is unknown", () => {
    expect(diffSource(olds, inputs((i) => (i.filters = UNKNOWN)), "event-streams").result).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
  });

  it("changes nothing for steering inputs alone, and updates after a refresh recorded drift", () => {
    expect(diffSource(olds, inputs((i) => (i.conflictPolicy = "fail")), "event-streams").result.changes).toBe(false);
    expect(diffSource({ ...olds, drift: ["configuration.region"] }, inputs(), "event-streams").result.changes).toBe(true);
  });

  it("replaces on a new id or another API contract", () => {
    expect(diffSource(olds, inputs((i) => (i.sourceId = "other")), "integrations").result.replaces).toEqual(["sourceId", "api"]);
  });
});

describe("diff of a definition as written", () => {
  const olds = { ...inputs(), api: "event-streams", drift: [] };

  it("sees no change when the definition is the same, whatever the key order", () => {
    const reordered = inputs((i) => (i.configuration = Object.fromEntries(Object.entries(i.configuration).reverse())));
    expect(diffSource(olds, reordered, "event-streams").result.changes).toBe(false);
  });

  it("sees no change when only a default is spelt out, and a change when a value differs", () => {
    expect(diffSource({ ...olds, transformations: undefined }, inputs((i) => (i.transformations = [])), "event-streams").result.changes).toBe(false);
    expect(diffSource(olds, inputs((i) => (i.configuration.region = "eu-west-1")), "event-streams").result.changes).toBe(true);
  });

  it("re-applies an old state this code cannot read", () => {
    expect(diffSource({ ...olds, filters: "not filters" }, inputs(), "event-streams").result.changes).toBe(true);
  });

  it("updates when the intended state changes", () => {
    expect(diffSource(olds, inputs((i) => (i.intendedState = "DISABLED")), "integrations").result.changes).toBe(true);
  });
});
