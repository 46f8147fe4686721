import * as pulumi from "@pulumi/pulumi";
import { composeAws, partnerEventSourceNameOf, sendFromRulePolicy } from "../../stacks/aws-composition/compose";
import { loadSources } from "../../stacks/sources";
import { mockResources, value } from "./mocks";

const registered = mockResources((args) => {
  // Stand in for the providers: echo the inputs, give every resource a name, an ARN and a URL.
  const name = (args.inputs.name as string | undefined) ?? `${args.name}-physical`;
  // The EventBridgeSource reports its partner event source as the Integrations API would.
  const facts = args.type.endsWith(":EventBridgeSource") ? { facts: { partnerEventSourceName: `aws.partner/genesys.com/cloud/org-from-facts/${args.name}` } } : {};
  return {
    id: `${args.name}-id`,
    state: { ...args.inputs, ...facts, name, arn: `arn:aws:mock:us-east-1:123456789012:${args.type}/${name}`, url: `https://sqs.mock/${name}` },
  };
});

/** The example definition and samples, with the shape they have under the engine (a JSON round trip: another realm's arrays). */
function example(): ReturnType<typeof loadSources>[number] {
  return JSON.parse(JSON.stringify(loadSources(
    [{ definition: "stacks/examples/definition.json", samples: "stacks/examples/samples" }],
    process.cwd(),
  )))[0];
}

const ORG = "3f1e2d4c-0000-4000-8000-000000000001";
const PARTNER = `aws.partner/genesys.com/cloud/${ORG}/genesys-prod-01`;

describe("composeAws under mocks", () => {
  it("declares the source, the partner bus, a rule with the compiled pattern, and a queue target with the input transformer", async () => {
    const { definition, samples } = example();
    const composed = composeAws(definition, { partnerEventSourceName: partnerEventSourceNameOf(ORG, definition as { id: string }), samples });
    const [busName, ruleArn, queueArn] = await Promise.all([value(composed.bus.name), value(composed.rule.arn), value(composed.queue.arn)]);
    await value(composed.target.urn);
    await value(composed.queuePolicy.urn);

    const byType = new Map(registered.map((r) => [r.type, JSON.parse(JSON.stringify(r.inputs))]));
    expect([...byType.keys()].sort()).toEqual([
      "aws:cloudwatch/eventBus:EventBus",
      "aws:cloudwatch/eventRule:EventRule",
      "aws:cloudwatch/eventTarget:EventTarget",
      "aws:sqs/queue:Queue",
      "aws:sqs/queuePolicy:QueuePolicy",
      "pulumi-nodejs:dynamic/genesys:EventBridgeSource",
    ]);
    expect(busName).toBe(PARTNER);
    expect(byType.get("aws:cloudwatch/eventBus:EventBus")).toEqual({ name: PARTNER, eventSourceName: PARTNER, region: "us-east-1" });

    const rule = byType.get("aws:cloudwatch/eventRule:EventRule");
    const pattern = {
      source: [PARTNER],
      $or: [
        {
          "detail-type": ["conversation.created"],
          detail: { eventBody: { metadata: { routingStatus: ["queued", "contact"], source: ["web"] } } },
        },
        {
          "detail-type": ["analytics.conversations.summary"],
          detail: { eventBody: { metrics: { duration: [{ numeric: [">=", 30] }] } } },
        },
      ],
    };
    expect(rule).toEqual({
      eventBusName: PARTNER,
      eventPattern: JSON.stringify(pattern),
      description: "Genesys Cloud events of eventbridge-source-prod-01",
      region: "us-east-1",
    });

    expect(byType.get("aws:cloudwatch/eventTarget:EventTarget")).toEqual({
      rule: "eventbridge-source-prod-01-rule-physical",
      eventBusName: PARTNER,
      arn: queueArn,
      inputTransformer: {
        inputPaths: { convId: "$.detail.eventBody.conversation.id", customTenant: "$.detail.eventBody.attributes.tenantId" },
        inputTemplate: '{"convId":<convId>,"custom":{"tenant":<customTenant>}}',
      },
      region: "us-east-1",
    });
    expect(byType.get("aws:sqs/queuePolicy:QueuePolicy")).toEqual({
      queueUrl: "https://sqs.mock/eventbridge-source-prod-01-events-physical",
      policy: sendFromRulePolicy(queueArn, ruleArn),
      region: "us-east-1",
    });
    expect(composed.notDelivered).toEqual([
      {
        path: "transformations[1]",
        reason:
          "extract [].id maps over every element, which an input path cannot express reliably: the InputTransformer API asks for JSON dot notation and does not document what a path with several matches inserts; use [N] or reshape in the target",
      },
      { path: "transformations[2]", reason: "transform with iso8601 cannot be expressed: input transformers copy values into a template and cannot convert them" },
    ]);
  });

  it("names the bus after the source's reported partner event source when none is given", async () => {
    const { definition } = example();
    (definition as any).id = "from-facts";
    const composed = composeAws(definition, {});
    expect(await value(composed.bus.name)).toBe("aws.partner/genesys.com/cloud/org-from-facts/from-facts");
    const pattern = JSON.parse(await value(composed.rule.eventPattern as pulumi.Output<string>));
    expect(pattern.source).toEqual(["aws.partner/genesys.com/cloud/org-from-facts/from-facts"]);
  });

  it("refuses a definition whose conditions the event pattern cannot express", () => {
    const { definition } = example();
    const def = definition as any;
    def.id = "timestamp-filter";
    def.filters[1].conditions = [{ field: "metadata.timestamp", operator: "gte", value: "2024-01-01T00:00:00Z" }];
    expect(() => composeAws(def, { partnerEventSourceName: PARTNER })).toThrow(
      "the event pattern cannot express the definition's filters:\n" +
        'filters[1].conditions[0]: gte with the timestamp "2024-01-01T00:00:00Z" cannot be expressed: EventBridge numeric matching compares JSON numbers only, and string matchers have no ordering',
    );
  });
});
