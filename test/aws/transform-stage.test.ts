import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { EventBridgeRoute, EventBridgeRouteArgs, sendFromRulePolicy, sqsQueueTarget } from "../../src/aws";
import { compileRoute, validateDefinition } from "../../src/definition";
import { loadSources } from "../../stacks/sources";
import { mockResources, Registered, value } from "../pulumi/mocks";

const UNKNOWN = { __pulumiUnknown: true };

function example(): Pick<EventBridgeRouteArgs, "definition" | "samples"> {
  return JSON.parse(JSON.stringify(loadSources([{ definition: "stacks/examples/definition.json", samples: "stacks/examples/samples" }], process.cwd())))[0];
}

/** The transform stage's expression compiled from the example, independently of the component. */
function expectedExpression(): string {
  const decoded = validateDefinition(example().definition);
  if (decoded._tag === "Left") throw new Error("the example does not validate");
  const transform = compileRoute(decoded.right).transform;
  if (transform === null) throw new Error("the example needs no stage");
  return transform.expression;
}

function inputsOf(registered: ReadonlyArray<Registered>, name: string): any {
  const found = registered.find((r) => r.name === name);
  if (found === undefined) throw new Error(`${name} was not registered; registered: ${registered.map((r) => r.name).join(", ")}`);
  return JSON.parse(JSON.stringify(found.inputs));
}

async function settled(route: EventBridgeRoute): Promise<void> {
  const stage = route.stage === undefined ? [] : [route.stage.stateMachine.urn, route.stage.role.urn, route.stage.ruleRole.urn];
  await Promise.all([route.urn, route.source.urn, route.bus.urn, route.rule.urn, ...route.targets.map((t) => t.urn), ...route.grants.map((g) => g.urn), ...stage].map(value));
}

describe("EventBridgeRoute with a transform stage, during preview", () => {
  let registered: Registered[];

  beforeAll(() => {
    registered = mockResources((args) => ({ id: `${args.name}-id`, state: { ...args.inputs } }), true);
    jest.spyOn(console, "warn").mockImplementation(() => undefined);
  });
  afterAll(() => jest.restoreAllMocks());

  it("knows the stage's expression and delivers everything, while every ARN is unknown", async () => {
    const { definition, samples } = example();
    const queue = new aws.sqs.Queue("events", { region: "us-east-1" });
    const route = new EventBridgeRoute("genesys", { definition, samples, targets: [sqsQueueTarget("queue", queue)] });
    await settled(route);
    expect([route.transform, route.undelivered]).toEqual([{ kind: "jsonata", expression: expectedExpression() }, []]);
    expect(inputsOf(registered, "genesys-stage")).toEqual({
      rule: UNKNOWN,
      eventBusName: UNKNOWN,
      arn: UNKNOWN,
      roleArn: UNKNOWN,
      deadLetterConfig: { arn: UNKNOWN },
      region: "us-east-1",
    });
    expect(registered.map((r) => `${r.type} ${r.name}`).sort()).toEqual([
      "aws:cloudwatch/eventBus:EventBus genesys-bus",
      "aws:cloudwatch/eventRule:EventRule genesys-rule",
      "aws:cloudwatch/eventTarget:EventTarget genesys-stage",
      "aws:iam/role:Role genesys-stage-role",
      "aws:iam/role:Role genesys-stage-start",
      "aws:iam/rolePolicy:RolePolicy genesys-stage-send-policy",
      "aws:iam/rolePolicy:RolePolicy genesys-stage-start-policy",
      "aws:sfn/stateMachine:StateMachine genesys-stage-machine",
      "aws:sqs/queue:Queue events",
      "aws:sqs/queue:Queue genesys-stage-dlq",
      "aws:sqs/queuePolicy:QueuePolicy genesys-stage-dlq-policy",
      "genesys-eventbridge:aws:EventBridgeRoute genesys",
      "pulumi-nodejs:dynamic/genesys:EventBridgeSource genesys",
    ]);
  });

  it("shows the state machine's whole definition in the preview when the targets and the dead-letter queue are given by ARN", async () => {
    const { definition } = example();
    const dlq = { arn: "arn:aws:sqs:us-east-1:123456789012:dlq", url: "https://sqs.us-east-1.amazonaws.com/123456789012/dlq" };
    const route = new EventBridgeRoute("known", { definition, targets: [{ name: "queue", arn: "arn:aws:sqs:us-east-1:123456789012:events" }], deadLetterQueue: dlq });
    await settled(route);
    const asl = JSON.parse(inputsOf(registered, "known-stage-machine").definition);
    expect([asl.States.Deliver.Arguments.event, asl.States.DeadLetter.Arguments.QueueUrl]).toEqual([`{% ${expectedExpression()} %}`, dlq.url]);
  });
});

describe("EventBridgeRoute with a transform stage, on deployment", () => {
  let registered: Registered[];
  const QUEUE = "arn:aws:sqs:us-east-1:123456789012:events";
  const TOPIC = "arn:aws:sns:us-east-1:123456789012:events";
  const FUNCTION = "arn:aws:lambda:us-east-1:123456789012:function:consume";

  beforeAll(() => {
    registered = mockResources((args) => {
      const name = (args.inputs.name as string | undefined) ?? `${args.name}-physical`;
      const reported = `aws.partner/genesys.com/cloud/org/${args.name}`;
      const facts = args.type.endsWith(":EventBridgeSource") ? { facts: { partnerEventSourceName: reported }, partnerEventSourceName: reported } : {};
      return { id: `${args.name}-id`, state: { ...args.inputs, ...facts, name, arn: `arn:aws:mock:us-east-1:123456789012:${name}`, url: `https://sqs.mock/${name}` } };
    });
    jest.spyOn(console, "warn").mockImplementation(() => undefined);
  });
  afterAll(() => jest.restoreAllMocks());

  it("makes the rule start the state machine, which sends the expression's result to each target and failures to the dead-letter queue", async () => {
    const { definition } = example();
    const route = new EventBridgeRoute("staged", {
      definition,
      targets: [
        { name: "queue", arn: QUEUE },
        { name: "topic", arn: TOPIC },
        { name: "fn", arn: FUNCTION },
      ],
    });
    await settled(route);
    const machine = inputsOf(registered, "staged-stage-machine");
    const dlqArn = "arn:aws:mock:us-east-1:123456789012:staged-stage-dlq-physical";
    expect(inputsOf(registered, "staged-stage")).toEqual({
      rule: "staged-rule-physical",
      eventBusName: "aws.partner/genesys.com/cloud/org/staged",
      arn: "arn:aws:mock:us-east-1:123456789012:staged-stage-machine-physical",
      roleArn: "arn:aws:mock:us-east-1:123456789012:staged-stage-start-physical",
      deadLetterConfig: { arn: dlqArn },
      region: "us-east-1",
    });
    expect([machine.type, machine.roleArn]).toEqual(["EXPRESS", "arn:aws:mock:us-east-1:123456789012:staged-stage-role-physical"]);
    const asl = JSON.parse(machine.definition);
    const sends = asl.States.Deliver.Branches.map((b: any) => b.States[b.StartAt]);
    expect([asl.QueryLanguage, asl.States.Deliver.Arguments, sends.map((t: any) => [t.Resource, t.Arguments])]).toEqual([
      "JSONata",
      { event: `{% ${expectedExpression()} %}` },
      [
        ["arn:aws:states:::sqs:sendMessage", { QueueUrl: "https://sqs.us-east-1.amazonaws.com/123456789012/events", MessageBody: "{% $states.input.event %}" }],
        ["arn:aws:states:::sns:publish", { TopicArn: TOPIC, Message: "{% $states.input.event %}" }],
        ["arn:aws:states:::lambda:invoke", { FunctionName: FUNCTION, Payload: "{% $states.input.event %}" }],
      ],
    ]);
    expect([asl.States.Deliver.Catch[0].Next, asl.States.DeadLetter.Arguments.QueueUrl]).toEqual(["DeadLetter", "https://sqs.mock/staged-stage-dlq-physical"]);
  });

  it("allows the stage exactly the targets' send actions on their ARNs, and the rule only to start the state machine", () => {
    const send = JSON.parse(inputsOf(registered, "staged-stage-send-policy").policy);
    const start = JSON.parse(inputsOf(registered, "staged-stage-start-policy").policy);
    expect([send.Statement.map((s: any) => [s.Action, s.Resource]), start.Statement]).toEqual([
      [
        ["sqs:SendMessage", QUEUE],
        ["sns:Publish", TOPIC],
        ["lambda:InvokeFunction", FUNCTION],
        ["sqs:SendMessage", "arn:aws:mock:us-east-1:123456789012:staged-stage-dlq-physical"],
      ],
      [{ Effect: "Allow", Action: "states:StartExecution", Resource: "arn:aws:mock:us-east-1:123456789012:staged-stage-machine-physical" }],
    ]);
    expect(JSON.parse(inputsOf(registered, "staged-stage-role").assumeRolePolicy).Statement[0].Principal).toEqual({ Service: "states.amazonaws.com" });
  });

  it("makes every rule target the one stage when the filters need several rules, and lets each send to the dead-letter queue", async () => {
    const { definition } = example();
    const def = definition as any;
    // A field named like a matcher would stand inside $or: one rule per event type instead.
    def.filters = [
      { eventType: "v2.detail.events.conversation.{id}.customer.start", conditions: [{ field: "prefix", operator: "eq", value: "sip" }] },
      { eventType: "analytics.conversations.summary", conditions: [{ field: "metrics.duration", operator: "gte", value: 30 }] },
    ];
    const route = new EventBridgeRoute("many", { definition: def, targets: [{ name: "queue", arn: QUEUE }] });
    await settled(route);
    const machine = "arn:aws:mock:us-east-1:123456789012:many-stage-machine-physical";
    const dlq = "arn:aws:mock:us-east-1:123456789012:many-stage-dlq-physical";
    expect([
      route.rules.length,
      ["many-stage", "many-rule-2-stage"].map((n) => [inputsOf(registered, n).rule, inputsOf(registered, n).arn]),
      registered.filter((r) => r.name.startsWith("many") && r.type === "aws:sfn/stateMachine:StateMachine").length,
      inputsOf(registered, "many-stage-dlq-policy").policy,
    ]).toEqual([
      2,
      [
        ["many-rule-physical", machine],
        ["many-rule-2-physical", machine],
      ],
      1,
      sendFromRulePolicy(dlq, ["arn:aws:mock:us-east-1:123456789012:many-rule-physical", "arn:aws:mock:us-east-1:123456789012:many-rule-2-physical"]),
    ]);
  });

  it("uses a dead-letter queue given, letting only the rule send to it, and creates none", async () => {
    const { definition } = example();
    const dlq = { arn: "arn:aws:sqs:us-east-1:123456789012:mine", url: "https://sqs.us-east-1.amazonaws.com/123456789012/mine" };
    const route = new EventBridgeRoute("given", { definition, targets: [{ name: "queue", arn: QUEUE }], deadLetterQueue: dlq });
    await settled(route);
    expect([
      registered.some((r) => r.name === "given-stage-dlq"),
      inputsOf(registered, "given-stage").deadLetterConfig,
      inputsOf(registered, "given-stage-dlq-policy").policy,
    ]).toEqual([false, { arn: dlq.arn }, sendFromRulePolicy(dlq.arn, "arn:aws:mock:us-east-1:123456789012:given-rule-physical")]);
  });
});
