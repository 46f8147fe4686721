import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { EventBridgeRoute, EventBridgeRouteArgs, partnerEventSourceNameOf, sendFromRulePolicy, sqsQueueTarget } from "../../src/aws";
import { loadSources } from "../../stacks/sources";
import { mockResources, Registered, value } from "../pulumi/mocks";

/** How a registered input reads, as JSON, when its value is not known yet (an output of a resource still to be created). */
const UNKNOWN = { __pulumiUnknown: true };

/** The example definition and samples, with the shape they have under the engine (a JSON round trip: another realm's arrays). */
function example(): Pick<EventBridgeRouteArgs, "definition" | "samples"> {
  return JSON.parse(JSON.stringify(loadSources([{ definition: "test/definition/fixtures/definition.json", samples: "test/definition/fixtures/samples" }], process.cwd())))[0];
}

/** The example's event pattern: both filters, conditions under detail.eventBody, no `source` (a partner bus has one). */
const PATTERN = JSON.stringify({
  $or: [
    {
      "detail-type": ["v2.detail.events.conversation.{id}.customer.start"],
      detail: { eventBody: { metadata: { routingStatus: ["queued", "contact"], source: ["web"] } } },
    },
    {
      "detail-type": ["v2.detail.events.conversation.{id}.customer.end"],
      detail: { eventBody: { metrics: { duration: [{ numeric: [">=", 30, "<=", 1e9] }] } } },
    },
  ],
});

const TRANSFORMER = {
  inputPaths: { convId: "$.detail.eventBody.conversation.id", customTenant: "$.detail.eventBody.attributes.tenantId" },
  inputTemplate: '{"convId":<convId>,"custom":{"tenant":<customTenant>}}',
};

const UNDELIVERED = [
  {
    part: "inputTransformer",
    path: "transformations[1]",
    reason:
      "extract [].id maps over every element, which an input path cannot express reliably: the InputTransformer API asks for JSON dot notation and does not document what a path with several matches inserts; use [N] or reshape in the target",
  },
  {
    part: "inputTransformer",
    path: "transformations[2]",
    reason: "transform with iso8601 cannot be expressed: input transformers copy values into a template and cannot convert them",
  },
];

/** Records the dependencies (URNs) each registration carries, by resource name. */
function recordDependencies(): Map<string, string[]> {
  const dependencies = new Map<string, string[]>();
  const monitor = pulumi.runtime.getMonitor() as unknown as { registerResource(req: any, callback: unknown): unknown };
  const register = monitor.registerResource.bind(monitor);
  monitor.registerResource = (req, callback) => {
    dependencies.set(req.getName(), req.getDependenciesList());
    return register(req, callback);
  };
  return dependencies;
}

/** A registered resource's inputs as plain JSON (the mock monitor hands back another realm's values). */
function inputsOf(registered: ReadonlyArray<Registered>, name: string): any {
  const found = registered.find((r) => r.name === name);
  if (found === undefined) throw new Error(`${name} was not registered; registered: ${registered.map((r) => r.name).join(", ")}`);
  return JSON.parse(JSON.stringify(found.inputs));
}

/** Waits until every resource of the route is registered. */
async function settled(route: EventBridgeRoute): Promise<void> {
  await Promise.all([route.urn, route.source.urn, route.bus.urn, ...route.rules.map((r) => r.urn), ...route.targets.map((t) => t.urn), ...route.grants.map((g) => g.urn)].map(value));
}

describe("EventBridgeRoute during preview of a first deployment", () => {
  let registered: Registered[];
  let dependencies: Map<string, string[]>;
  let warnings: string[];

  beforeAll(() => {
    // As in a real first preview, the providers return no outputs: the source's partner event source name,
    // the bus name and every ARN are unknown.
    registered = mockResources((args) => ({ id: `${args.name}-id`, state: { ...args.inputs } }), true);
    dependencies = recordDependencies();
    warnings = [];
    jest.spyOn(console, "warn").mockImplementation((message: string) => void warnings.push(message));
  });

  afterAll(() => jest.restoreAllMocks());

  it("without a transform stage, knows the rule's event pattern and the target's input transformer while the bus name is still unknown", async () => {
    const { definition, samples } = example();
    const queue = new aws.sqs.Queue("events", { region: "us-east-1" });
    const route = new EventBridgeRoute("genesys", { definition, samples, targets: [sqsQueueTarget("queue", queue)], transformStage: false });
    await settled(route);

    expect(pulumi.runtime.isDryRun()).toBe(true);
    expect(inputsOf(registered, "genesys-bus")).toEqual({ name: UNKNOWN, eventSourceName: UNKNOWN, region: "us-east-1" });
    expect(inputsOf(registered, "genesys-rule")).toEqual({
      eventBusName: UNKNOWN,
      eventPattern: PATTERN,
      description: "Genesys Cloud events of eventbridge-source-prod-01",
      region: "us-east-1",
    });
    expect(inputsOf(registered, "genesys-queue")).toEqual({
      rule: UNKNOWN,
      eventBusName: UNKNOWN,
      arn: UNKNOWN,
      inputTransformer: TRANSFORMER,
      region: "us-east-1",
    });
    expect([route.eventPattern, route.inputTransformer, route.transform, route.stage, route.undelivered]).toEqual([PATTERN, TRANSFORMER, null, undefined, UNDELIVERED]);
  });

  it("makes the bus depend on the source", async () => {
    expect(dependencies.get("genesys-bus")).toEqual(["urn:pulumi:unit::genesys-eventbridge::genesys-eventbridge:aws:EventBridgeRoute$pulumi-nodejs:dynamic/genesys:EventBridgeSource::genesys"]);
  });

  it("declares the source, bus, rule, target and queue policy under the route", () => {
    expect(registered.map((r) => `${r.type} ${r.name}`).sort()).toEqual([
      "aws:cloudwatch/eventBus:EventBus genesys-bus",
      "aws:cloudwatch/eventRule:EventRule genesys-rule",
      "aws:cloudwatch/eventTarget:EventTarget genesys-queue",
      "aws:sqs/queue:Queue events",
      "aws:sqs/queuePolicy:QueuePolicy genesys-queue-policy",
      "genesys-eventbridge:aws:EventBridgeRoute genesys",
      "pulumi-nodejs:dynamic/genesys:EventBridgeSource genesys",
    ]);
  });

  it("warns once per directive the targets do not receive", () => {
    expect(warnings).toEqual(UNDELIVERED.map((u) => `warning: [runtime] eventbridge-source-prod-01 (AWS route without a transform stage): ${u.path}: ${u.reason}`));
  });
});

describe("EventBridgeRoute on deployment", () => {
  const ORG = "3f1e2d4c-0000-4000-8000-000000000001";
  const PARTNER = `aws.partner/genesys.com/cloud/${ORG}/genesys-prod-01`;
  let registered: Registered[];
  let dependencies: Map<string, string[]>;

  beforeAll(() => {
    // Stand in for the providers: echo the inputs, give every resource a name, an ARN and a URL;
    // the source reports its partner event source as the Integrations API does.
    registered = mockResources((args) => {
      const name = (args.inputs.name as string | undefined) ?? `${args.name}-physical`;
      const reported = `aws.partner/genesys.com/cloud/org-from-facts/${args.name}`;
      const facts = args.type.endsWith(":EventBridgeSource") ? { facts: { partnerEventSourceName: reported }, partnerEventSourceName: reported } : {};
      return { id: `${args.name}-id`, state: { ...args.inputs, ...facts, name, arn: `arn:aws:mock:us-east-1:123456789012:${name}`, url: `https://sqs.mock/${name}` } };
    });
    dependencies = recordDependencies();
    jest.spyOn(console, "warn").mockImplementation(() => undefined);
  });

  afterAll(() => jest.restoreAllMocks());

  it("names the bus from a given partner event source name and still makes it depend on the source", async () => {
    const { definition } = example();
    const route = new EventBridgeRoute("given", {
      definition,
      partnerEventSourceName: partnerEventSourceNameOf(ORG, definition as { id: string; eventSourceSuffix?: string }),
      targets: [{ name: "stream", arn: "arn:aws:kinesis:us-east-1:123456789012:stream/genesys", roleArn: "arn:aws:iam::123456789012:role/to-kinesis" }],
      transformStage: false,
    });
    await settled(route);
    expect([await value(route.partnerEventSourceName), inputsOf(registered, "given-bus"), dependencies.get("given-bus")]).toEqual([
      PARTNER,
      { name: PARTNER, eventSourceName: PARTNER, region: "us-east-1" },
      ["urn:pulumi:unit::genesys-eventbridge::genesys-eventbridge:aws:EventBridgeRoute$pulumi-nodejs:dynamic/genesys:EventBridgeSource::given"],
    ]);
    expect(inputsOf(registered, "given-stream")).toEqual({
      rule: "given-rule-physical",
      eventBusName: PARTNER,
      arn: "arn:aws:kinesis:us-east-1:123456789012:stream/genesys",
      roleArn: "arn:aws:iam::123456789012:role/to-kinesis",
      inputTransformer: TRANSFORMER,
      region: "us-east-1",
    });
  });

  it("names the bus after the partner event source the source reports, and lets only the rule send to the queue", async () => {
    const { definition } = example();
    const queue = { arn: "arn:aws:sqs:us-east-1:123456789012:events", url: "https://sqs.mock/events" };
    const route = new EventBridgeRoute("reported", { definition, targets: [sqsQueueTarget("queue", queue)], transformStage: false });
    await settled(route);
    const reported = "aws.partner/genesys.com/cloud/org-from-facts/reported";
    expect([await value(route.bus.name), inputsOf(registered, "reported-queue-policy")]).toEqual([
      reported,
      { queueUrl: queue.url, policy: sendFromRulePolicy(queue.arn, `arn:aws:mock:us-east-1:123456789012:reported-rule-physical`), region: "us-east-1" },
    ]);
  });

  it("declares one rule per event pattern, each with every target, and lets every rule (only them) send to the queue", async () => {
    const { definition } = example();
    const def = definition as any;
    // A field named like a matcher would stand inside $or: one rule per event type instead.
    def.filters = [
      { eventType: "v2.detail.events.conversation.{id}.customer.start", conditions: [{ field: "prefix", operator: "eq", value: "sip" }] },
      { eventType: "analytics.conversations.summary", conditions: [{ field: "metrics.duration", operator: "gte", value: 30 }] },
    ];
    const queue = { arn: "arn:aws:sqs:us-east-1:123456789012:events", url: "https://sqs.mock/events" };
    const stream = { name: "stream", arn: "arn:aws:kinesis:us-east-1:123456789012:stream/genesys", roleArn: "arn:aws:iam::123456789012:role/to-kinesis" };
    const route = new EventBridgeRoute("multi", { definition: def, targets: [sqsQueueTarget("queue", queue), stream], transformStage: false });
    await settled(route);
    const patterns = [
      JSON.stringify({ "detail-type": ["analytics.conversations.summary"], detail: { eventBody: { metrics: { duration: [{ numeric: [">=", 30, "<=", 1e9] }] } } } }),
      JSON.stringify({ "detail-type": ["v2.detail.events.conversation.{id}.customer.start"], detail: { eventBody: { prefix: ["sip"] } } }),
    ];
    const mine = registered.filter((r) => r.name.startsWith("multi")).map((r) => `${r.type} ${r.name}`).sort();
    expect(mine).toEqual([
      "aws:cloudwatch/eventBus:EventBus multi-bus",
      "aws:cloudwatch/eventRule:EventRule multi-rule",
      "aws:cloudwatch/eventRule:EventRule multi-rule-2",
      "aws:cloudwatch/eventTarget:EventTarget multi-queue",
      "aws:cloudwatch/eventTarget:EventTarget multi-rule-2-queue",
      "aws:cloudwatch/eventTarget:EventTarget multi-rule-2-stream",
      "aws:cloudwatch/eventTarget:EventTarget multi-stream",
      "aws:sqs/queuePolicy:QueuePolicy multi-queue-policy",
      "genesys-eventbridge:aws:EventBridgeRoute multi",
      "pulumi-nodejs:dynamic/genesys:EventBridgeSource multi",
    ]);
    expect([route.eventPatterns, route.eventPattern, inputsOf(registered, "multi-rule").eventPattern, inputsOf(registered, "multi-rule-2").eventPattern]).toEqual([
      patterns,
      undefined,
      patterns[0],
      patterns[1],
    ]);
    expect([inputsOf(registered, "multi-queue").rule, inputsOf(registered, "multi-rule-2-queue").rule, inputsOf(registered, "multi-rule-2-stream")]).toEqual([
      "multi-rule-physical",
      "multi-rule-2-physical",
      { rule: "multi-rule-2-physical", eventBusName: "aws.partner/genesys.com/cloud/org-from-facts/multi", arn: stream.arn, roleArn: stream.roleArn, inputTransformer: TRANSFORMER, region: "us-east-1" },
    ]);
    const policy = JSON.parse(inputsOf(registered, "multi-queue-policy").policy);
    expect(policy.Statement[0].Condition).toEqual({
      ArnEquals: { "aws:SourceArn": ["arn:aws:mock:us-east-1:123456789012:multi-rule-physical", "arn:aws:mock:us-east-1:123456789012:multi-rule-2-physical"] },
    });
  });

  it("refuses a target name that would give two resources one name", () => {
    const { definition } = example();
    const def = definition as any;
    def.filters = [
      { eventType: "v2.detail.events.conversation.{id}.customer.start", conditions: [{ field: "prefix", operator: "eq", value: "sip" }] },
      { eventType: "v2.detail.events.conversation.{id}.user.end", conditions: [{ field: "status", operator: "eq", value: "open" }] },
    ];
    const arn = "arn:aws:sqs:us-east-1:123456789012:q";
    expect(() => new EventBridgeRoute("clash", { definition: def, targets: [{ name: "q", arn }, { name: "rule-2-q", arn }] })).toThrow(
      'clash: two resources of the route would be named "clash-rule-2-q"; rename the target',
    );
  });

  it("fails, naming the condition, when the event pattern cannot express it", () => {
    const { definition } = example();
    const def = definition as any;
    def.filters[1].conditions = [{ field: "metadata.timestamp", operator: "gte", value: "2024-01-01T00:00:00Z" }];
    expect(() => new EventBridgeRoute("timestamps", { definition: def, targets: [] })).toThrow(
      "timestamps: the event pattern cannot express the definition's filters, so the rule would deliver events the definition filters out:\n" +
        'filters[1].conditions[0]: gte with the timestamp "2024-01-01T00:00:00Z" cannot be expressed: EventBridge numeric matching compares JSON numbers only, and string matchers have no ordering',
    );
  });

  it("fails, naming the property, when the definition is invalid", () => {
    const { definition } = example();
    (definition as any).filters[0].conditions[0].operator = "like";
    expect(() => new EventBridgeRoute("invalid", { definition, targets: [] })).toThrow(
      'invalid: the definition is invalid:\nfilters[0].conditions[0].operator: expected one of eq, neq, in, gte, lte, found "like"',
    );
  });

  it("refuses two targets with one name", () => {
    const { definition } = example();
    const target = { name: "same", arn: "arn:aws:sqs:us-east-1:123456789012:q" };
    expect(() => new EventBridgeRoute("twice", { definition, targets: [target, target] })).toThrow(
      'twice: two targets are named "same"; target names must be unique',
    );
  });
});
