import { compileJsonataExpression, compileRoute, partnerEventSourceNameOf } from "../../../src/definition";
import { definition } from "../fixtures";

describe("compileRoute", () => {
  const pattern = JSON.stringify({
    $or: [
      { "detail-type": ["v2.detail.events.conversation.{id}.customer.start"], detail: { eventBody: { metadata: { routingStatus: ["queued", "contact"], source: ["web"] } } } },
      { "detail-type": ["v2.detail.events.conversation.{id}.customer.end"], detail: { eventBody: { metrics: { duration: [{ numeric: [">=", 30, "<=", 1e9] }] } } } },
    ],
  });
  const transformer = {
    inputPaths: { convId: "$.detail.eventBody.conversation.id", customTenant: "$.detail.eventBody.attributes.tenantId" },
    inputTemplate: '{"convId":<convId>,"custom":{"tenant":<customTenant>}}',
  };

  it("compiles the example into a pattern without source, the transformer, and a transform stage that carries every directive", () => {
    const def = definition();
    expect(compileRoute(def)).toEqual({
      eventPatterns: [pattern],
      eventPattern: pattern,
      inputTransformer: transformer,
      transform: { kind: "jsonata", expression: compileJsonataExpression(def) },
      undelivered: [],
    });
  });

  it("has no stage when the input transformer carries everything", () => {
    const def = definition((d) => {
      d.transformations = [{ sourceField: "conversation.id", targetField: "convId", type: "direct" }];
    });
    expect([compileRoute(def).transform, compileRoute(def).undelivered]).toEqual([null, []]);
  });

  it("without the stage (transformStage: false), lists the directives the target does not receive", () => {
    expect(compileRoute(definition(), undefined, { transformStage: false })).toEqual({
      eventPatterns: [pattern],
      eventPattern: pattern,
      inputTransformer: transformer,
      transform: null,
      undelivered: [
        {
          part: "inputTransformer",
          path: "transformations[1]",
          reason:
            "extract [].id maps over every element, which an input path cannot express reliably: the InputTransformer API asks for JSON dot notation and does not document what a path with several matches inserts; use [N] or reshape in the target",
        },
        { part: "inputTransformer", path: "transformations[2]", reason: "transform with iso8601 cannot be expressed: input transformers copy values into a template and cannot convert them" },
      ],
    });
  });

  it("puts the partner event source into the pattern when given, and lists pattern entries first", () => {
    const def = definition((d) => d.filters[1].conditions.push({ field: "metadata.timestamp", operator: "gte", value: "2024-01-15T00:00:00Z" }));
    const route = compileRoute(def, partnerEventSourceNameOf("org-1", def), { transformStage: false });
    expect([JSON.parse(route.eventPatterns[0]).source, route.undelivered.map((u) => `${u.part} ${u.path}`)]).toEqual([
      ["aws.partner/genesys.com/cloud/org-1/genesys-prod-01"],
      ["eventPattern filters[1].conditions[1]", "inputTransformer transformations[1]", "inputTransformer transformations[2]"],
    ]);
  });

  it("reports a pattern over the size limit, which a raised quota accepts", () => {
    const def = definition((d) => {
      d.filters = Array.from({ length: 20 }, (_, i) => ({ eventType: `v2.detail.events.conversation.{id}.step${i}`, conditions: [{ field: "metadata.source", operator: "eq", value: `channel-${i}` }] }));
    });
    const size = compileRoute(def).eventPatterns[0].length;
    expect([compileRoute(def).undelivered[0], compileRoute(def, undefined, { maxPatternChars: 4096 }).undelivered.filter((u) => u.part === "eventPattern")]).toEqual([
      { part: "eventPattern", path: "", reason: `the event pattern is ${size} characters; EventBridge accepts at most 2048 (2048 by default, up to 4096 with a quota increase)` },
      [],
    ]);
  });
});

describe("compileRoute with several rules", () => {
  it("lists one pattern per rule and leaves eventPattern out", () => {
    const def = definition((d) => {
      d.filters = [
        { eventType: "v2.detail.events.conversation.{id}.customer.start", conditions: [{ field: "prefix", operator: "eq", value: "x" }] },
        { eventType: "v2.detail.events.conversation.{id}.user.end", conditions: [{ field: "status", operator: "eq", value: "open" }] },
      ];
    });
    const route = compileRoute(def);
    expect([route.eventPatterns.map((p) => JSON.parse(p)["detail-type"]), "eventPattern" in route, route.undelivered.filter((u) => u.part === "eventPattern")]).toEqual([
      [["v2.detail.events.conversation.{id}.customer.start"], ["v2.detail.events.conversation.{id}.user.end"]],
      false,
      [],
    ]);
  });
});

describe("partnerEventSourceNameOf", () => {
  it("joins the organization and the event source suffix, derived from the id when absent", () => {
    expect([
      partnerEventSourceNameOf("org-1", { id: "a b", eventSourceSuffix: "suffix-1" }),
      partnerEventSourceNameOf("org-1", { id: "a b" }),
    ]).toEqual(["aws.partner/genesys.com/cloud/org-1/suffix-1", "aws.partner/genesys.com/cloud/org-1/a-b"]);
  });
});
