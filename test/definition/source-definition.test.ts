import { definitionIssue, formatIssue, validateDefinition } from "../../src/definition";
import { example, validJson } from "./fixtures";

const minimal = {
  id: "src-1",
  configuration: { awsAccountId: "123456789012", roleArn: "arn:aws:iam::123456789012:role/eb", region: "eu-west-1" },
  filters: [{ eventType: "v2.detail.events.conversation.{id}.customer.start" }],
};

function issues(input: unknown) {
  const r = validateDefinition(input);
  return r._tag === "Left" ? r.left : [];
}

describe("validateDefinition", () => {
  it("applies the defaults of omitted properties", () => {
    expect(validateDefinition(minimal)).toEqual({
      _tag: "Right",
      right: {
        id: "src-1",
        eventStreamType: "aws-eventbridge",
        configuration: minimal.configuration,
        filters: [{ eventType: "v2.detail.events.conversation.{id}.customer.start", conditions: [] }],
        transformations: [],
        attributeMappings: [],
      },
    });
  });

  it("keeps the original design's definition as written", () => {
    expect(validateDefinition(example("original-definition.json"))).toEqual({ _tag: "Right", right: example("original-definition.json") });
  });

  it("rejects a value that is not an object at the root path", () => {
    expect(issues(42)).toEqual([definitionIssue("", "expected an object (SourceDefinition), found 42")]);
    expect(formatIssue(issues([])[0])).toBe("(definition): expected an object (SourceDefinition), found []");
  });

  it("collects every issue of the definition in one pass", () => {
    expect(
      issues({
        id: "has space",
        eventStreamType: "kafka",
        configuration: { awsAccountId: 123456789012, roleArn: "arn:aws:s3:::bucket", region: "us-east-9" },
        filters: [],
        transformations: {},
        extra: true,
      }),
    ).toEqual([
      definitionIssue("id", `expected an id of 1..128 letters, digits, '.', '_' or '-', found "has space"`),
      definitionIssue("eventStreamType", 'expected one of aws-eventbridge, found "kafka"'),
      definitionIssue("configuration.awsAccountId", "expected a 12-digit AWS account id, found 123456789012"),
      definitionIssue(
        "configuration.roleArn",
        'expected an IAM role ARN arn:<aws|aws-us-gov|aws-cn>:iam::<12-digit account>:role/<name>, found "arn:aws:s3:::bucket"',
      ),
      definitionIssue("configuration.region", 'expected an AWS region name such as us-east-1, found "us-east-9"'),
      definitionIssue("filters", "expected a non-empty array of Filter, found []"),
      definitionIssue("transformations", "expected an array of Transformation, found {}"),
      definitionIssue("extra", "unknown property; expected one of id, eventStreamType, configuration, filters, transformations, attributeMappings, eventSourceSuffix"),
    ]);
  });

  it("names unknown keys that are not identifiers in bracket notation", () => {
    const input = { ...minimal, filters: [{ eventType: "a.b", "odd key": 1 }] };
    expect(issues(input).map((i) => i.path)).toEqual(['filters[0]["odd key"]']);
  });

  it("reports a __proto__ own key as an unknown property without polluting anything", () => {
    const input = JSON.parse('{"__proto__": {"polluted": true}, "id": "x"}');
    expect(issues(input)).toContainEqual(
      definitionIssue("__proto__", "unknown property; expected one of id, eventStreamType, configuration, filters, transformations, attributeMappings, eventSourceSuffix"),
    );
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("shows long found values truncated", () => {
    const [issue] = issues({ ...minimal, id: "x".repeat(500) });
    expect(issue).toEqual(
      definitionIssue("id", `expected an id of 1..128 letters, digits, '.', '_' or '-', found "${"x".repeat(58)}…`),
    );
  });

  it.each([
    ["id of 128 characters", { id: "a".repeat(128) }, []],
    ["id of 129 characters", { id: "a".repeat(129) }, ["id"]],
    ["id with dots, underscores and dashes", { id: "a.b_c-D9" }, []],
    ["suffix of 64 characters", { eventSourceSuffix: "s".repeat(64) }, []],
    ["suffix of 65 characters", { eventSourceSuffix: "s".repeat(65) }, ["eventSourceSuffix"]],
    ["suffix with a slash", { eventSourceSuffix: "a/b" }, ["eventSourceSuffix"]],
  ])("checks the %s", (_, patch, paths) => {
    expect(issues({ ...minimal, ...patch }).map((i) => i.path)).toEqual(paths);
  });

  it("accepts several filters on one event type: they are alternatives", () => {
    const input = { ...minimal, filters: [{ eventType: "a.b" }, { eventType: "c" }, { eventType: "a.b" }] };
    expect(issues(input)).toEqual([]);
  });

  it("refuses a target that is the parent of another target", () => {
    const d = validJson();
    d.transformations[0].targetField = "custom";
    expect(issues(d)).toEqual([
      definitionIssue("attributeMappings[0].target", 'target "custom.tenant" collides with transformations[0].targetField ("custom"), a parent of this target'),
    ]);
  });

  it("refuses a target that is the parent of an earlier target", () => {
    const d = validJson();
    d.transformations[0].targetField = "custom.tenant.id";
    expect(issues(d)).toEqual([
      definitionIssue("attributeMappings[0].target", 'target "custom.tenant" collides with transformations[0].targetField ("custom.tenant.id"), a child of this target'),
    ]);
  });

  it("does not confuse a target with a sibling sharing its prefix", () => {
    const d = validJson();
    d.transformations[0].targetField = "custom.tenantName";
    expect(issues(d)).toEqual([]);
  });
});
