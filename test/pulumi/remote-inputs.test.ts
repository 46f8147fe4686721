import { buildPayload, SourceDefinition } from "../../src/definition";
import { definitionPathOf, desiredIntegrationState } from "../../src/genesys/integrations/state";
import { remoteInputs } from "../../src/pulumi/remote-inputs";

const example = require("../../stacks/examples/definition.json") as SourceDefinition & Record<string, unknown>;

/** The resource's recorded inputs for the example (the definition's id travels as `sourceId`). */
function recorded(): Record<string, any> {
  const { id, ...rest } = JSON.parse(JSON.stringify(example));
  return { ...rest, sourceId: id, owner: "genesys-eventbridge/dev/src", samples: [] };
}

const same = (p: string) => p;

describe("remoteInputs", () => {
  it("is the recorded inputs when the server holds the declaration", () => {
    const desired = desiredIntegrationState(example);
    expect(remoteInputs(recorded(), desired, structuredClone(desired), definitionPathOf)).toEqual(recorded());
  });

  it("puts the server's region, state and name at the inputs they come from (Integrations API)", () => {
    const desired = desiredIntegrationState(example);
    const remote = { ...desired, name: "renamed", intendedState: "DISABLED", properties: { ...desired.properties, awsAccountRegion: "eu-west-1" } };
    const before = recorded();
    const out = remoteInputs(before, desired, remote, definitionPathOf);
    expect(out).toEqual({ ...recorded(), sourceId: "renamed", intendedState: "DISABLED", configuration: { ...recorded().configuration, region: "eu-west-1" } });
    expect(before).toEqual(recorded());
  });

  it("shows topics as filters: those the server still lists, in their order, then one per topic only the server has", () => {
    const desired = desiredIntegrationState(example); // topics: v2.detail.events.conversation.{id}.customer.end, v2.detail.events.conversation.{id}.customer.start
    const remote = { ...desired, properties: { ...desired.properties, eventFilter: ["v2.detail.events.conversation.{id}.customer.start", "v2.users.{id}.presence", "a.b"] } };
    const out = remoteInputs(recorded(), desired, remote, definitionPathOf);
    expect(out.filters).toEqual([recorded().filters[0], { eventType: "v2.users.{id}.presence" }, { eventType: "a.b" }]);
  });

  it("takes a topic list that is not a list of strings as it is, and a missing one as no filters", () => {
    const desired = desiredIntegrationState(example);
    const { eventFilter: _gone, ...without } = desired.properties;
    expect(remoteInputs(recorded(), desired, { ...desired, properties: { ...desired.properties, eventFilter: "garbled" } }, definitionPathOf).filters).toBe("garbled");
    expect("filters" in remoteInputs(recorded(), desired, { ...desired, properties: without }, definitionPathOf)).toBe(false);
  });

  it("replaces the deepest differing values and drops elements the server lacks (event-streams payload)", () => {
    const desired = buildPayload(example);
    const remote = structuredClone(desired) as any;
    remote.filters[0].conditions[1].value = ["queued"];
    remote.filters[0].conditions.splice(0, 1); // the first condition is gone: [1] moves to [0]
    remote.filters[1].conditions = [];
    remote.attributeMappings.push({ source: "a.b", target: "c" });
    const out = remoteInputs(recorded(), desired, remote, same);
    const expected = recorded();
    expected.filters[0].conditions = [{ ...expected.filters[0].conditions[1], value: ["queued"] }];
    expected.filters[1].conditions = [];
    expected.attributeMappings.push({ source: "a.b", target: "c" });
    expect(out).toEqual(expected);
  });

  it("never writes through a key that names a prototype", () => {
    const desired = buildPayload(example);
    const remote = JSON.parse(JSON.stringify({ ...desired, configuration: { ...desired.configuration } }).replace('"configuration":{', '"configuration":{"__proto__":{"polluted":true},'));
    const out = remoteInputs(recorded(), desired, remote, same);
    expect(out).toEqual(recorded());
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
