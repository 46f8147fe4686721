import {
  applyInputTransformer,
  compileInputTransformer,
  projectSamples,
  SampleEvent,
  SourceDefinition,
} from "../../../src/definition";
import { envelope } from "./envelope";
import { createdSample as created, definition, summarySample as summary } from "../fixtures";

const samples: ReadonlyArray<[string, SampleEvent, string]> = [
  ["v2.detail.events.conversation.{id}.customer.start", created, "v2.detail.events.conversation.{id}.customer.start"],
  ["v2.detail.events.conversation.{id}.customer.end", summary, "v2.detail.events.conversation.{id}.customer.end"],
];

function projected(def: SourceDefinition, sample: SampleEvent): Record<string, unknown> {
  const r = projectSamples(def, [sample]);
  if (r._tag === "Left") throw new Error(JSON.stringify(r.left));
  return { ...r.right[0].projected };
}

/** The fixture definition with exactly these transformations and attribute mappings (none unless given). */
function withDirectives(transformations: ReadonlyArray<Record<string, unknown>>, attributeMappings: ReadonlyArray<Record<string, unknown>> = []): SourceDefinition {
  return definition((d) => {
    d.transformations = transformations;
    d.attributeMappings = attributeMappings;
  });
}

const QUOTED =
  'transform with string is delivered only for values without " or \\: EventBridge inserts a quoted value without escaping it, so such a string (or an object or array) makes the target input invalid JSON and the target does not receive the event';

describe("compileInputTransformer", () => {
  it("compiles the example's direct directive and attribute mapping, and reports the two it cannot express", () => {
    expect(compileInputTransformer(definition())).toEqual({
      inputPathsMap: {
        convId: "$.detail.eventBody.conversation.id",
        customTenant: "$.detail.eventBody.attributes.tenantId",
      },
      inputTemplate: '{"convId":<convId>,"custom":{"tenant":<customTenant>}}',
      unsupported: [
        {
          path: "transformations[1]",
          reason:
            "extract [].id maps over every element, which an input path cannot express reliably: the InputTransformer API asks for JSON dot notation and does not document what a path with several matches inserts; use [N] or reshape in the target",
        },
        { path: "transformations[2]", reason: "transform with iso8601 cannot be expressed: input transformers copy values into a template and cannot convert them" },
      ],
    });
  });

  it.each(samples)("gives what projectSamples projects, less the unsupported targets, on the %s sample as EventBridge delivers it", (_name, sample, detailType) => {
    const def = definition();
    const { agentIds: _agentIds, eventTime: _eventTime, ...expressible } = projected(def, sample);
    expect(applyInputTransformer(compileInputTransformer(def), envelope(sample, detailType))).toEqual({ _tag: "Right", right: expressible });
  });

  it("reads [N] elements by index and quotes the string format, matching projectSamples whole", () => {
    const def = withDirectives(
      [
        { sourceField: "conversation.id", targetField: "conversation.id", type: "direct" },
        { sourceField: "participants", targetField: "firstAgent", type: "extract", path: "[0].id" },
        { sourceField: "participants", targetField: "firstParticipant", type: "extract", path: "[0]" },
        { sourceField: "metadata.timestamp", targetField: "receivedAt", type: "transform", format: "string" },
      ],
      [{ source: "metadata", target: "custom.metadata" }],
    );
    const transformer = compileInputTransformer(def);
    expect(transformer).toEqual({
      inputPathsMap: {
        conversationId: "$.detail.eventBody.conversation.id",
        firstAgent: "$.detail.eventBody.participants[0].id",
        firstParticipant: "$.detail.eventBody.participants[0]",
        receivedAt: "$.detail.eventBody.metadata.timestamp",
        customMetadata: "$.detail.eventBody.metadata",
      },
      inputTemplate:
        '{"conversation":{"id":<conversationId>},"firstAgent":<firstAgent>,"firstParticipant":<firstParticipant>,"receivedAt":"<receivedAt>","custom":{"metadata":<customMetadata>}}',
      unsupported: [{ path: "transformations[3]", reason: QUOTED }],
    });
    expect(applyInputTransformer(transformer, envelope(created, "v2.detail.events.conversation.{id}.customer.start"))).toEqual({ _tag: "Right", right: projected(def, created) });
  });

  it("reports each directive it cannot express at the directive's path", () => {
    const def = withDirectives([
      { sourceField: "conversation.id", targetField: "convId", type: "direct" },
      { sourceField: "metadata.timestamp", targetField: "eventTime", type: "transform", format: "iso8601" },
      { sourceField: "metadata.source", targetField: "channel", type: "transform", format: "uppercase" },
      { sourceField: "metadata.routingStatus", targetField: "status", type: "transform", format: "lowercase" },
      { sourceField: "participants", targetField: "agentIds", type: "extract", path: "[].id" },
      { sourceField: "$ref", targetField: "ref", type: "direct" },
    ]);
    expect(compileInputTransformer(def)).toEqual({
      inputPathsMap: { convId: "$.detail.eventBody.conversation.id" },
      inputTemplate: '{"convId":<convId>}',
      unsupported: [
        { path: "transformations[1]", reason: "transform with iso8601 cannot be expressed: input transformers copy values into a template and cannot convert them" },
        { path: "transformations[2]", reason: "transform with uppercase cannot be expressed: input transformers copy values into a template and cannot convert them" },
        { path: "transformations[3]", reason: "transform with lowercase cannot be expressed: input transformers copy values into a template and cannot convert them" },
        {
          path: "transformations[4]",
          reason:
            "extract [].id maps over every element, which an input path cannot express reliably: the InputTransformer API asks for JSON dot notation and does not document what a path with several matches inserts; use [N] or reshape in the target",
        },
        { path: "transformations[5]", reason: 'field name "$ref" has characters EventBridge input paths do not support (letters, digits, _ and - only)' },
      ],
    });
  });

  it("derives letters-and-digits variable names from targets, deterministically and without clashes", () => {
    const targets = ["custom.tenant", "customTenant", "aws.region", "AWSAccount", "$", "a-b_c"];
    const def = withDirectives([], targets.map((target) => ({ source: "attributes.tenantId", target })));
    const path = "$.detail.eventBody.attributes.tenantId";
    expect(compileInputTransformer(def)).toEqual({
      inputPathsMap: { customTenant: path, customTenant2: path, vawsRegion: path, vAWSAccount: path, value: path, abc: path },
      inputTemplate: '{"custom":{"tenant":<customTenant>},"customTenant":<customTenant2>,"aws":{"region":<vawsRegion>},"AWSAccount":<vAWSAccount>,"$":<value>,"a-b_c":<abc>}',
      unsupported: [],
    });
  });

  it("reports an input path longer than 256 characters and leaves it out", () => {
    const long = Array.from({ length: 12 }, (_, i) => `segment${String(i).padStart(12, "0")}`).join(".");
    const def = withDirectives([], [
      { source: long, target: "deep" },
      { source: "attributes.tenantId", target: "tenant" },
    ]);
    const path = `$.detail.eventBody.${long}`;
    expect(compileInputTransformer(def)).toEqual({
      inputPathsMap: { tenant: "$.detail.eventBody.attributes.tenantId" },
      inputTemplate: '{"tenant":<tenant>}',
      unsupported: [{ path: "attributeMappings[0]", reason: `the input path is ${path.length} characters; EventBridge accepts at most 256` }],
    });
    expect(path.length).toBeGreaterThan(256);
  });

  it("stops at 100 variables and reports the rest", () => {
    const def = withDirectives([], Array.from({ length: 102 }, (_, i) => ({ source: "attributes.tenantId", target: `t${i}` })));
    const result = compileInputTransformer(def);
    expect([Object.keys(result.inputPathsMap).length, result.unsupported]).toEqual([
      100,
      [
        { path: "attributeMappings[100]", reason: "an input transformer holds at most 100 variables" },
        { path: "attributeMappings[101]", reason: "an input transformer holds at most 100 variables" },
      ],
    ]);
  });
});

describe("applyInputTransformer", () => {
  it("gives an empty string for an input path the event lacks, bare or quoted, as EventBridge does", () => {
    const transformer = { inputPathsMap: { v: "$.detail.eventBody.missing", w: "$.detail.eventBody.list[3]" }, inputTemplate: '{"bare":<v>,"quoted":"<w>","text":"id-<v>"}' };
    expect(applyInputTransformer(transformer, { detail: { eventBody: { list: [1] } } })).toEqual({ _tag: "Right", right: { bare: "", quoted: "", text: "id-" } });
  });

  it("still delivers the example's fields when the tenant attribute is missing", () => {
    const transformer = compileInputTransformer(definition());
    const bare = JSON.parse(JSON.stringify(created));
    delete bare.event.attributes;
    expect(applyInputTransformer(transformer, envelope(bare, "v2.detail.events.conversation.{id}.customer.start"))).toEqual({
      _tag: "Right",
      right: { convId: "c7d1a5f2-3b9e-4c1a-9f0e-2d6b8a4e1c35", custom: { tenant: "" } },
    });
  });

  it("inserts quoted values unescaped, as EventBridge does, so a quote inside breaks the JSON", () => {
    const transformer = { inputPathsMap: { v: "$.detail.eventBody.text" }, inputTemplate: '{"text":"<v>"}' };
    const event = { detail: { eventBody: { text: 'say "hi"' } } };
    expect(applyInputTransformer(transformer, event)).toEqual({
      _tag: "Left",
      left: `the filled template is not JSON (${jsonError('{"text":"say "hi""}')}): {"text":"say "hi""}`,
    });
  });
});

function jsonError(text: string): string {
  try {
    JSON.parse(text);
    return "";
  } catch (e) {
    return (e as Error).message;
  }
}
