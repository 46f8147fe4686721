import { checkAgainstCatalog, CATALOG_HINT } from "../../../src/definition/catalog/check-definition";
import { nearestTopics, topicDistance } from "../../../src/definition/catalog/nearest-topics";
import { isDeliverable } from "../../../src/definition/catalog/deliverable";
import { resolveSchemaPath } from "../../../src/definition/catalog/schema-path";
import { schemaPaths } from "../../../src/definition/catalog/schema-paths";
import { validateDefinition, SourceDefinition } from "../../../src/definition";
import { emulatorTopicCatalog } from "../../../src/emulator/catalog/topics";

const START = "v2.detail.events.conversation.{id}.customer.start";

function definition(extra: Record<string, unknown>): SourceDefinition {
  const decoded = validateDefinition({
    id: "catalog-check",
    configuration: { awsAccountId: "123456789012", roleArn: "arn:aws:iam::123456789012:role/r", region: "us-east-1" },
    filters: [{ eventType: START, conditions: [{ field: "mediaType", operator: "eq", value: "VOICE" }] }],
    ...extra,
  });
  if (decoded._tag === "Left") throw new Error(JSON.stringify(decoded.left));
  return decoded.right;
}

const paths = (d: SourceDefinition) => checkAgainstCatalog(d, emulatorTopicCatalog).map((i) => [i.path, i.message]);

describe("the topic catalog check", () => {
  it("passes a definition that reads fields its topics have", () => {
    expect(paths(definition({
      filters: [
        { eventType: START, conditions: [{ field: "mediaType", operator: "in", value: ["VOICE", "CHAT"] }, { field: "eventTime", operator: "gte", value: 1 }] },
        { eventType: "v2.routing.queues.{id}.conversations", conditions: [{ field: "participants.purpose", operator: "eq", value: "agent" }] },
      ],
      transformations: [
        { sourceField: "conversationId", targetField: "convId", type: "direct" },
        { sourceField: "participants", targetField: "ids", type: "extract", path: "[].id" },
        { sourceField: "participants.wrapup.code", targetField: "codes", type: "direct" },
      ],
      attributeMappings: [{ source: "participants.attributes.tenant", target: "tenant" }],
    }))).toEqual([]);
  });

  it("names the nearest topics of a misspelt event type", () => {
    expect(paths(definition({ filters: [{ eventType: "v2.usres.{id}.presense" }] }))).toEqual([
      ["filters[0].eventType", `"v2.usres.{id}.presense" is not a topic of the Genesys Cloud topic catalog; nearest: v2.users.{id}.presence, v2.users.{id}.activity, v2.audits.entitytype.{id}.entityid.{id} (${CATALOG_HINT})`],
    ]);
  });

  it("takes a concrete id where the topic has {id}", () => {
    expect(paths(definition({ filters: [{ eventType: "v2.users.6a1f.presence" }] }))).toEqual([]);
  });

  it("refuses a topic EventBridge does not receive, naming its transports", () => {
    expect(paths(definition({ filters: [{ eventType: "v2.users.{id}.conversations" }] }))).toEqual([
      ["filters[0].eventType", `v2.users.{id}.conversations is not delivered to EventBridge: its transports are Websocket, and EventBridge receives only topics whose transports include EventBridge or All (${CATALOG_HINT})`],
    ]);
  });

  it("compares transports case-insensitively and takes All", () => {
    expect([["eventbridge"], ["ALL"], ["Websocket"], []].map((transports) => isDeliverable({ id: "x", transports }))).toEqual([true, true, false, false]);
  });

  it("names the nearest existing path of a missing field, at each kind of property", () => {
    expect(paths(definition({
      filters: [{ eventType: START, conditions: [{ field: "mediaType", operator: "eq", value: "VOICE" }, { field: "mediaTyp", operator: "eq", value: "VOICE" }] }],
      transformations: [{ sourceField: "conversationID", targetField: "c", type: "direct" }, { sourceField: "journeyContext.customer", targetField: "i", type: "extract", path: "[].idd" }],
      attributeMappings: [{ source: "journeyContext.customer.idTyp", target: "t" }],
    }))).toEqual([
      ["filters[0].conditions[1].field", `"mediaTyp" is not a field of ${START} events; nearest: mediaType (${CATALOG_HINT})`],
      ["transformations[0].sourceField", `"conversationID" is not a field of ${START} events; nearest: conversationId (${CATALOG_HINT})`],
      ["transformations[1].path", `"journeyContext.customer.idd" is not a field of ${START} events; nearest: journeyContext.customer.id (${CATALOG_HINT})`],
      ["attributeMappings[0].source", `"journeyContext.customer.idTyp" is not a field of ${START} events; nearest: journeyContext.customer.idType (${CATALOG_HINT})`],
    ]);
  });

  it("refuses operators and values that do not fit the field's type", () => {
    expect(paths(definition({
      filters: [{
        eventType: START,
        conditions: [
          { field: "conversationId", operator: "gte", value: 30 },
          { field: "eventTime", operator: "eq", value: "soon" },
          { field: "mediaType", operator: "in", value: ["VOICE", 7] },
          { field: "mediaType", operator: "eq", value: "voice" },
          { field: "journeyContext", operator: "eq", value: "x" },
        ],
      }],
    })).map(([path]) => path)).toEqual([
      "filters[0].conditions[0].operator",
      "filters[0].conditions[1].value",
      "filters[0].conditions[2].value[1]",
      "filters[0].conditions[3].value",
      "filters[0].conditions[4].field",
    ]);
  });

  it("says what the enum allows", () => {
    const [issue] = checkAgainstCatalog(definition({ filters: [{ eventType: START, conditions: [{ field: "direction", operator: "eq", value: "IN" }] }] }), emulatorTopicCatalog);
    expect(issue.message).toBe(`"IN" is not a value of direction of ${START}; expected one of "UNKNOWN", "INBOUND", "OUTBOUND" (${CATALOG_HINT})`);
  });
});

describe("schema paths", () => {
  const cyclic = { type: "object", properties: { node: { $ref: "#/definitions/node" } }, definitions: { node: { type: "object", properties: { name: { type: "string" }, next: { $ref: "#/definitions/node" } } } } };

  it("follow $ref through a cycle without end", () => {
    expect(resolveSchemaPath(cyclic, ["node", "next", "next", "name"]).kind).toBe("found");
    expect(resolveSchemaPath(cyclic, ["node", "next", "nmae"])).toEqual({ kind: "missing", resolved: 2 });
    expect(schemaPaths(cyclic)).toEqual(["node", "node.name", "node.next"]);
  });

  it("follow a reference by a node's id, as Genesys's generated schemas make them", () => {
    const generated = {
      id: "urn:jsonschema:com:example:Conversation",
      type: "object",
      properties: {
        participants: { type: "array", items: { type: "object", id: "urn:jsonschema:com:example:Participant", properties: { purpose: { type: "string" }, peer: { type: "object", $ref: "urn:jsonschema:com:example:Participant" } } } },
        parent: { type: "object", $ref: "urn:jsonschema:com:example:Conversation" },
      },
    };
    expect(resolveSchemaPath(generated, ["parent", "participants", "peer", "purpose"]).kind).toBe("found");
    expect(resolveSchemaPath(generated, ["parent", "participants", "peer", "purpse"])).toEqual({ kind: "missing", resolved: 3 });
    // Each reference is followed once along a path: the cycle stops at its second turn.
    expect(schemaPaths(generated)).toEqual([
      "participants", "participants.purpose", "participants.peer", "participants.peer.purpose", "participants.peer.peer",
      "parent", "parent.participants", "parent.participants.purpose", "parent.participants.peer", "parent.participants.peer.purpose", "parent.participants.peer.peer", "parent.parent",
    ]);
  });

  it("stop at a self-reference", () => {
    expect(resolveSchemaPath({ $ref: "#" }, ["a"])).toEqual({ kind: "open" });
    expect(resolveSchemaPath({ definitions: { a: { $ref: "#/definitions/a" } }, properties: { x: { $ref: "#/definitions/a" } } }, ["x", "y"]).kind).toBe("open");
  });
});

describe("topic distance", () => {
  it("compares {id} as a placeholder and segments by their spelling", () => {
    expect(topicDistance("v2.users.{id}.presence", "v2.users.{id}.presence")).toBe(0);
    expect(topicDistance("v2.usres.{id}.presense", "v2.users.{id}.presence")).toBe(3);
    expect(topicDistance("v2.users.abc.presence", "v2.users.{id}.presence")).toBe(1);
    expect(nearestTopics("a.b", ["a.cc", "a.b.ccc", "x.y", "a.bb"], 2)).toEqual(["a.bb", "a.cc"]);
  });
});
