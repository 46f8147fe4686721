import { definitionIssue, validateDefinition } from "../../src/definition";
import { validJson } from "./fixtures";

function issuesAfter(change: (d: any) => void) {
  const d = validJson();
  change(d);
  const r = validateDefinition(d);
  return r._tag === "Left" ? r.left : [];
}

describe("condition rules", () => {
  it.each([
    ["eq with a string", "eq", "web"],
    ["eq with null", "eq", null],
    ["neq with a boolean", "neq", false],
    ["in with an array of mixed scalars", "in", ["a", 1, true, null]],
    ["gte with a number", "gte", 30],
    ["lte with an ISO 8601 timestamp", "lte", "2024-01-15T10:00:00Z"],
    ["gte with a date", "gte", "2024-01-15"],
  ])("accepts %s", (_, operator, value) => {
    expect(issuesAfter((d) => (d.filters[0].conditions[0] = { field: "a.b", operator, value }))).toEqual([]);
  });

  it.each([
    ["eq with an array", "eq", [1], 'operator eq expects a scalar (string, number, boolean or null), found [1]'],
    ["in with an empty array", "in", [], "operator in expects a non-empty array of scalars, found []"],
    ["in with a number", "in", 3, "operator in expects a non-empty array of scalars, found 3"],
    ["lte with a boolean", "lte", true, "operator lte expects a number or an ISO 8601 timestamp string, found true"],
    ["gte with a local time without offset", "gte", "2024-01-15T10:00:00", 'operator gte expects a number or an ISO 8601 timestamp string, found "2024-01-15T10:00:00"'],
    ["gte with an impossible date", "gte", "2024-02-30", 'operator gte expects a number or an ISO 8601 timestamp string, found "2024-02-30"'],
  ])("rejects %s at the value", (_, operator, value, message) => {
    expect(issuesAfter((d) => (d.filters[0].conditions[0] = { field: "a", operator, value }))).toEqual([
      definitionIssue("filters[0].conditions[0].value", message),
    ]);
  });

  it("reports an array item that is not a scalar at its own index", () => {
    expect(issuesAfter((d) => (d.filters[0].conditions[1].value = ["a", { b: 1 }]))).toEqual([
      definitionIssue("filters[0].conditions[1].value[1]", 'expected a scalar (string, number, boolean or null), found {"b":1}'),
    ]);
  });

  it("reports a missing value as required (null is a value)", () => {
    expect(issuesAfter((d) => delete d.filters[0].conditions[0].value)).toEqual([
      definitionIssue("filters[0].conditions[0].value", "is required: expected a scalar (string, number, boolean or null) or an array of scalars"),
    ]);
  });
});

describe("configuration rules", () => {
  it.each([
    ["a GovCloud role and region", "arn:aws-us-gov:iam::123456789012:role/eb", "us-gov-west-1"],
    ["a China role and region", "arn:aws-cn:iam::123456789012:role/eb", "cn-north-1"],
    ["a role with a path", "arn:aws:iam::123456789012:role/service-role/team/eb", "eu-central-1"],
  ])("accepts %s", (_, roleArn, region) => {
    expect(issuesAfter((d) => Object.assign(d.configuration, { roleArn, region }))).toEqual([]);
  });

  it("refuses a role whose partition differs from the region's", () => {
    expect(issuesAfter((d) => (d.configuration.region = "us-gov-east-1"))).toEqual([
      definitionIssue("configuration.roleArn", "expected a role in partition aws-us-gov (the partition of region us-gov-east-1), found partition aws"),
    ]);
  });

  it.each([
    ["a user ARN", "arn:aws:iam::123456789012:user/eb"],
    ["an unknown partition", "arn:aws-xx:iam::123456789012:role/eb"],
    ["a short account", "arn:aws:iam::12345:role/eb"],
    ["a role name with a space", "arn:aws:iam::123456789012:role/my role"],
    ["an empty role name", "arn:aws:iam::123456789012:role/"],
    ["a role name of 65 characters", `arn:aws:iam::123456789012:role/${"r".repeat(65)}`],
  ])("refuses %s as roleArn", (_, roleArn) => {
    expect(issuesAfter((d) => (d.configuration.roleArn = roleArn)).map((i) => i.path)).toEqual(["configuration.roleArn"]);
  });

  it.each(["us-east-1", "ap-southeast-7", "mx-central-1", "il-central-1"])("knows region %s", (region) => {
    expect(issuesAfter((d) => (d.configuration.region = region))).toEqual([]);
  });

  it.each(["US-EAST-1", "us-east", "eu-west-9", ""])("refuses region %j", (region) => {
    expect(issuesAfter((d) => (d.configuration.region = region)).map((i) => i.path)).toEqual(["configuration.region"]);
  });
});

describe("event type rules", () => {
  it.each(["v2.detail.events.conversation.{id}.customer.start", "v2.detail.events.conversation.{id}.customer.start", "routing.queues.{id}.users", "a_b-c.D9"])(
    "accepts %s",
    (eventType) => {
      expect(issuesAfter((d) => (d.filters[0].eventType = eventType))).toEqual([]);
    },
  );

  it.each(["", "a..b", ".a", "a.", "a.{ID}", "a.x{id}", "a b", "a/b"])("refuses %j", (eventType) => {
    expect(issuesAfter((d) => (d.filters[0].eventType = eventType)).map((i) => i.path)).toEqual(["filters[0].eventType"]);
  });
});

describe("field path rules", () => {
  it.each([
    ["a path of 16 segments", Array(16).fill("a").join("."), []],
    ["a path of 17 segments", Array(17).fill("a").join("."), ["transformations[0].sourceField"]],
    ["an empty path", "", ["transformations[0].sourceField"]],
    ["a segment starting with a digit", "a.1b", ["transformations[0].sourceField"]],
    ["a trailing dot", "a.", ["transformations[0].sourceField"]],
    ["bracket syntax", "a[0].b", ["transformations[0].sourceField"]],
    ["a prototype segment", "a.prototype", ["transformations[0].sourceField"]],
    ["a constructor segment", "constructor", ["transformations[0].sourceField"]],
    ["$ and - in segments", "$meta.x-tenant_id", []],
  ])("checks %s", (_, sourceField, paths) => {
    expect(issuesAfter((d) => (d.transformations[0].sourceField = sourceField)).map((i) => i.path)).toEqual(paths);
  });

  it("refuses a prototype key in a target", () => {
    expect(issuesAfter((d) => (d.attributeMappings[0].target = "custom.__proto__"))).toEqual([
      definitionIssue(
        "attributeMappings[0].target",
        'segment "__proto__" is not allowed (__proto__, prototype, constructor are refused), found "custom.__proto__"',
      ),
    ]);
  });
});

describe("directive rules", () => {
  it.each([
    ["a direct directive with a format", 0, { format: "iso8601" }, ["transformations[0].format"]],
    ["an extract directive with a format", 1, { format: "iso8601" }, ["transformations[1].format"]],
    ["a transform directive without format", 2, { format: undefined }, ["transformations[2].format"]],
    ["a transform directive with a path", 2, { path: "[].x" }, ["transformations[2].path"]],
    ["an unknown format", 2, { format: "rfc822" }, ["transformations[2].format"]],
    ["an unknown directive type", 0, { type: "copy" }, ["transformations[0].type"]],
    ["an extract path of one element", 1, { path: "[0].id" }, []],
    ["an extract path without a field", 1, { path: "[]" }, []],
    ["an extract path without brackets", 1, { path: "id" }, ["transformations[1].path"]],
    ["an extract path with a bad field", 1, { path: "[].__proto__" }, ["transformations[1].path"]],
    ["an extract path with a negative index", 1, { path: "[-1].id" }, ["transformations[1].path"]],
    ["lowercase", 2, { format: "lowercase" }, []],
  ])("checks %s", (_, index, patch, paths) => {
    expect(issuesAfter((d) => Object.assign(d.transformations[index], patch)).map((i) => i.path)).toEqual(paths);
  });

  it("says which format a transform directive needs", () => {
    expect(issuesAfter((d) => delete d.transformations[2].format)).toEqual([
      definitionIssue("transformations[2].format", "is required: a transform directive needs one of iso8601, lowercase, uppercase, string"),
    ]);
  });
});
