import fc from "fast-check";
import { left, right } from "fp-ts/Either";
import { AWS_REGIONS, FORBIDDEN_SEGMENTS, partitionOfRegion, validateDefinition } from "../../../src/definition";
import { desiredIntegrationState, normaliseEventFilter } from "../../../src/genesys/integrations/state";
import type { IntegrationState } from "../../../src/genesys/integrations/state";
import { definitionOfIntegration, roleArnPlaceholder } from "../../../src/genesys/integrations/definition-of";
import { ordersEventFilter, ordersFile } from "./orders-file";

const ROLE = "arn:aws:iam::123456789012:role/genesys-eb-role";

function state(overrides: Partial<IntegrationState> = {}, properties: Record<string, unknown> = {}): IntegrationState {
  return {
    name: "orders",
    intendedState: "ENABLED",
    properties: { awsAccountId: "123456789012", awsAccountRegion: "us-east-1", eventSourceSuffix: "orders-prod", eventFilter: ["v2.detail.events.conversation.{id}.customer.start"], ...properties },
    ...overrides,
  };
}

/** The integration state a written definition file asks for, as the provider computes it. */
function stateOfFile(file: Readonly<Record<string, unknown>>): unknown {
  const { intendedState, ...definition } = file;
  const decoded = validateDefinition(definition);
  if (decoded._tag === "Left") return decoded.left;
  return desiredIntegrationState(decoded.right, { intendedState: intendedState as "ENABLED" | "DISABLED" });
}

describe("definitionOfIntegration", () => {
  it("maps name, properties and intended state to a definition file whose state is the integration's", () => {
    const s = state({ intendedState: "DISABLED" }, { eventFilter: ordersEventFilter });
    const exported = definitionOfIntegration(s, [ROLE]);
    expect(exported).toEqual(right({
      id: "orders",
      file: ordersFile("DISABLED", ROLE),
      intendedState: "DISABLED",
      roleArnMissing: false,
      writes: [],
    }));
    expect(exported._tag === "Right" && stateOfFile(exported.right.file)).toEqual({ ...s, properties: { ...s.properties, eventFilter: ["v2.detail.events.conversation.{id}.customer.start", "v2.users.{id}.presence"] } });
  });

  it("round-trips every valid integration: the definition asks for exactly the state the integration holds", () => {
    const idChar = fc.constantFrom(..."abcXYZ019._-");
    const id = fc.string({ unit: idChar, minLength: 1, maxLength: 40 }).filter((s) => !FORBIDDEN_SEGMENTS.includes(s));
    const segment = fc.oneof(fc.string({ unit: fc.constantFrom(..."abz09_-"), minLength: 1, maxLength: 8 }), fc.constant("{id}"));
    const topic = fc.array(segment, { minLength: 1, maxLength: 4 }).map((s) => s.join("."));
    const region = fc.constantFrom(...Object.values(AWS_REGIONS).flat());
    const account = fc.stringMatching(/^\d{12}$/);
    fc.assert(
      fc.property(id, id, account, region, fc.uniqueArray(topic, { minLength: 1, maxLength: 6 }), fc.constantFrom("ENABLED", "DISABLED"), (name, suffix, awsAccountId, awsAccountRegion, topics, intendedState) => {
        const s: IntegrationState = {
          name,
          intendedState,
          properties: { awsAccountId, awsAccountRegion, eventSourceSuffix: suffix.slice(0, 64), eventFilter: normaliseEventFilter(topics) },
        };
        const role = `arn:${partitionOfRegion(awsAccountRegion)}:iam::${awsAccountId}:role/r`;
        const exported = definitionOfIntegration(s, [role]);
        expect(exported._tag === "Right" && [exported.right.writes, exported.right.roleArnMissing, stateOfFile(exported.right.file)]).toEqual([[], false, s]);
      }),
      { numRuns: 300 },
    );
  });

  it("puts a placeholder that validation refuses where no role ARN for the account was given", () => {
    const exported = definitionOfIntegration(state({}, { awsAccountId: "210987654321", awsAccountRegion: "us-gov-west-1" }), [ROLE]);
    const roleArn = "<set: arn:aws-us-gov:iam::210987654321:role/NAME>";
    expect(exported._tag === "Right" && [exported.right.roleArnMissing, exported.right.writes, exported.right.file["configuration"]]).toEqual([
      true,
      [],
      { awsAccountId: "210987654321", roleArn, region: "us-gov-west-1" },
    ]);
    expect(roleArnPlaceholder("210987654321", "us-gov-west-1")).toBe(roleArn);
    const { intendedState: _s, ...definition } = exported._tag === "Right" ? exported.right.file : {};
    expect(validateDefinition(definition)).toEqual(left([
      {
        _tag: "DefinitionIssue",
        path: "configuration.roleArn",
        message: `expected an IAM role ARN arn:<aws|aws-us-gov|aws-cn>:iam::<12-digit account>:role/<name>, found "${roleArn}"`,
      },
    ]));
  });

  it("picks the role ARN of the integration's account among several", () => {
    const other = "arn:aws:iam::210987654321:role/other";
    const exported = definitionOfIntegration(state(), [other, ROLE]);
    expect(exported._tag === "Right" && (exported.right.file["configuration"] as Record<string, unknown>)["roleArn"]).toBe(ROLE);
  });

  it("lists the paths adopting would write when the integration lacks what the definition asks for", () => {
    const s = state();
    const { eventSourceSuffix: _x, ...properties } = s.properties;
    const exported = definitionOfIntegration({ ...s, properties }, [ROLE]);
    expect(exported._tag === "Right" && [exported.right.writes, exported.right.file["eventSourceSuffix"]]).toEqual([["eventSourceSuffix"], undefined]);
  });

  it("names the definition path and the integration's field of each problem", () => {
    expect(definitionOfIntegration(state({ name: "My source", intendedState: "UNKNOWN" }, { eventFilter: "v2.detail.events.conversation.{id}.customer.start", awsAccountRegion: "mars-1" }))).toEqual(left([
      { _tag: "DefinitionIssue", path: "intendedState", message: 'expected ENABLED or DISABLED, found "UNKNOWN"' },
      {
        _tag: "DefinitionIssue",
        path: "id",
        message: "expected an id of 1..128 letters, digits, '.', '_' or '-', found \"My source\" (from the integration's name)",
      },
      {
        _tag: "DefinitionIssue",
        path: "configuration.region",
        message: 'expected an AWS region name such as us-east-1, found "mars-1" (from the integration\'s properties.awsAccountRegion)',
      },
      { _tag: "DefinitionIssue", path: "filters", message: "expected a non-empty array of Filter, found [] (from the integration's properties.eventFilter)" },
    ]));
  });
});
