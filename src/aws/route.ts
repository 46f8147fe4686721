import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import {
  compileRoute,
  CompiledRoute,
  formatIssue,
  formatUndelivered,
  patternGaps,
  RouteInputTransformer,
  RouteTransform,
  SourceDefinitionInput,
  Undelivered,
  validateDefinition,
} from "../definition";
import { EventBridgeSource, EventBridgeSourceArgs } from "../pulumi/resource";
import type { SteeringInputsInput } from "../pulumi/steering";
import { reportedPartnerEventSourceName } from "./partner-event-source";
import { sendFromRulesPolicy, SqsQueueRef } from "./sqs-queue-target";
import type { RouteTarget } from "./targets";
import { declareTransformStage, TransformStage } from "./transform-stage";

/** The type token of {@link EventBridgeRoute}. */
export const EVENTBRIDGE_ROUTE_TYPE = "genesys-eventbridge:aws:EventBridgeRoute";

/** The arguments of an {@link EventBridgeRoute}. */
export interface EventBridgeRouteArgs {
  /**
   * The source definition, as in a definition file (`id`, `configuration`,
   * `filters`, `transformations`, `attributeMappings`, ...). A plain value,
   * not an `Input`: the rule's event pattern and the targets' input
   * transformer are compiled from it in the program, so `pulumi preview`
   * shows them. Validated here; an invalid definition fails the program.
   */
  readonly definition: SourceDefinitionInput;
  /** Sample events (`{ eventType, event }`) the source projects through the definition at check time. */
  readonly samples?: SteeringInputsInput["samples"];
  /** Where the rule sends the events: any ARN (see {@link RouteTarget}), or `sqsQueueTarget` for a queue with its policy. */
  readonly targets: ReadonlyArray<RouteTarget>;
  /**
   * The partner event source name (`aws.partner/genesys.com/cloud/<orgId>/<suffix>`,
   * see `partnerEventSourceNameOf`) when it is known ahead; the bus is then
   * named from it. When absent, the name the source reports after Genesys
   * created it is used (Integrations API).
   */
  readonly partnerEventSourceName?: pulumi.Input<string>;
  /** The event pattern size limit, when the account's quota was raised above 2048 characters. */
  readonly maxPatternChars?: number;
  /** How the source resource writes: conflict policy, adopting an existing remote source, intended state. */
  readonly source?: Pick<EventBridgeSourceArgs, "conflictPolicy" | "adoptExisting" | "intendedState">;
  /** Options of the source resource, such as the webhook hook (`hooks`) or `aliases` when it was declared outside a route before. */
  readonly sourceOptions?: pulumi.CustomResourceOptions;
  /** The rule's description; `Genesys Cloud events of <id>` by default. */
  readonly description?: pulumi.Input<string>;
  /**
   * `false`: no transform stage, the targets get the input transformer only,
   * and what it cannot carry is listed in `undelivered` (and warned about).
   * By default the route deploys the stage whenever the definition needs it.
   */
  readonly transformStage?: boolean;
  /**
   * The SQS queue that receives what the transform stage cannot deliver (the
   * rule's failed starts and the stage's failed sends); created when absent.
   * Its queue policy is replaced by one that lets the route's rules send.
   */
  readonly deadLetterQueue?: SqsQueueRef;
}

/**
 * A Genesys Cloud EventBridge source and the AWS side that carries out the
 * rest of its definition: the Genesys source (`EventBridgeSource`, which
 * carries the topics, account, region, suffix and state), the partner event
 * bus named after the partner event source (it depends on the source), one
 * rule on the bus whose event pattern is the definition's filters and
 * conditions, and one `EventTarget` per target with the input transformer
 * compiled from the transformations and attribute mappings.
 *
 * The AWS resources are declared in the definition's `configuration.region`,
 * where Genesys creates the partner event source. The pattern and the
 * transformer are compiled in the program (`compileRoute`, without `source`
 * in the pattern: a partner bus receives one source only), so they are
 * known values at preview.
 *
 * When the input transformer cannot carry every directive and mapping
 * (`transform` is not null), the rule targets a transform stage instead
 * (see `declareTransformStage`): a Step Functions Express state machine
 * that sends exactly the event `projectEvent` previews to each target, with
 * a dead-letter queue for what it cannot deliver. A target's `grant` is then
 * not used: the stage's role, not the rule, sends to the targets.
 *
 * Construction fails, naming each condition's path, when the event pattern
 * cannot express a condition: such a rule would match more than the
 * definition says and deliver events the definition filters out. What
 * neither the input transformer nor the stage carries is listed in
 * {@link undelivered} and is a warning.
 */
export class EventBridgeRoute extends pulumi.ComponentResource {
  /** The Genesys Cloud EventBridge source. */
  readonly source: EventBridgeSource;
  /** The partner event bus. */
  readonly bus: aws.cloudwatch.EventBus;
  /** The rule on the partner event bus. */
  readonly rule: aws.cloudwatch.EventRule;
  /** The rule's targets: one per target given, in order, or the transform stage's one. */
  readonly targets: ReadonlyArray<aws.cloudwatch.EventTarget>;
  /** Resources the targets' grants declared (queue policies, permissions). */
  readonly grants: ReadonlyArray<pulumi.Resource>;
  /** The partner event source name, which is also the bus name. */
  readonly partnerEventSourceName: pulumi.Output<string>;
  /** The rule's event pattern, as JSON: a known value. */
  readonly eventPattern: string;
  /** The targets' input transformer: a known value. */
  readonly inputTransformer: RouteInputTransformer;
  /** The transform stage's expression, `null` when the input transformer carries everything: a known value. */
  readonly transform: RouteTransform;
  /** The transform stage deployed, when the route has one. */
  readonly stage: TransformStage | undefined;
  /** The transformations and attribute mappings the targets do not receive (or receive only for some values), with the reason. */
  readonly undelivered: ReadonlyArray<Undelivered>;

  constructor(name: string, args: EventBridgeRouteArgs, opts?: pulumi.ComponentResourceOptions) {
    super(EVENTBRIDGE_ROUTE_TYPE, name, {}, opts);
    const decoded = validateDefinition(args.definition);
    if (decoded._tag === "Left") throw new Error(`${name}: the definition is invalid:\n${decoded.left.map(formatIssue).join("\n")}`);
    const def = decoded.right;
    const route: CompiledRoute = compileRoute(def, undefined, { maxPatternChars: args.maxPatternChars, transformStage: args.transformStage !== false });
    const gaps = patternGaps(route);
    if (gaps.length > 0) {
      throw new Error(
        `${name}: the event pattern cannot express the definition's filters, so the rule would deliver events the definition filters out:\n${gaps.map(formatUndelivered).join("\n")}`,
      );
    }
    const names = args.targets.map((t) => t.name);
    const repeated = names.find((n, i) => names.indexOf(n) !== i);
    if (repeated !== undefined) throw new Error(`${name}: two targets are named ${JSON.stringify(repeated)}; target names must be unique`);
    const region = def.configuration.region;

    this.source = new EventBridgeSource(
      name,
      {
        ...args.definition,
        ...(args.samples === undefined ? {} : { samples: args.samples }),
        ...args.source,
      },
      { ...args.sourceOptions, parent: this },
    );
    // The source warns, on its own resource, about what the route does not deliver with a stage;
    // without one, the route warns about the rest.
    this.undelivered = route.undelivered.filter((u) => u.part === "inputTransformer");
    if (args.transformStage === false) {
      for (const u of this.undelivered) void pulumi.log.warn(`${def.id} (AWS route without a transform stage): ${formatUndelivered(u)}`, this);
    }

    this.partnerEventSourceName = pulumi.output(args.partnerEventSourceName ?? reportedPartnerEventSourceName(this.source));
    this.bus = new aws.cloudwatch.EventBus(
      `${name}-bus`,
      { name: this.partnerEventSourceName, eventSourceName: this.partnerEventSourceName, region },
      { parent: this, dependsOn: [this.source] },
    );
    this.eventPattern = route.eventPattern;
    this.inputTransformer = route.inputTransformer;
    this.rule = new aws.cloudwatch.EventRule(
      `${name}-rule`,
      { eventBusName: this.bus.name, eventPattern: this.eventPattern, description: args.description ?? `Genesys Cloud events of ${def.id}`, region },
      { parent: this },
    );
    this.transform = route.transform;
    const wired = connectRules(name, [this.rule], { ...args, bus: this.bus, inputTransformer: this.inputTransformer, transform: this.transform, region, parent: this });
    this.stage = wired.stage;
    this.targets = wired.targets;
    this.grants = wired.grants;
    this.registerOutputs({
      partnerEventSourceName: this.partnerEventSourceName,
      eventPattern: this.eventPattern,
      inputTransformer: this.inputTransformer,
      transform: this.transform,
      undelivered: this.undelivered,
    });
  }
}

interface Wiring extends Pick<EventBridgeRouteArgs, "targets" | "deadLetterQueue"> {
  readonly bus: aws.cloudwatch.EventBus;
  readonly inputTransformer: RouteInputTransformer;
  readonly transform: RouteTransform;
  readonly region: string;
  readonly parent: pulumi.Resource;
}

/**
 * Connects every rule of a route to what receives its events: the transform
 * stage (declared once, each rule targeting it) when the route has one and
 * targets, else each target with the input transformer and its grant. The
 * first rule's resources keep the names `<route>-<target>` and
 * `<route>-stage`; a later rule's get `-<index>` after them.
 */
function connectRules(
  name: string,
  rules: ReadonlyArray<aws.cloudwatch.EventRule>,
  w: Wiring,
): { stage: TransformStage | undefined; targets: aws.cloudwatch.EventTarget[]; grants: pulumi.Resource[] } {
  const { region, parent } = w;
  const suffix = (i: number): string => (i === 0 ? "" : `-${i}`);
  const grants: pulumi.Resource[] = [];
  if (w.transform !== null && w.targets.length > 0) {
    const stage = declareTransformStage(`${name}-stage`, {
      expression: w.transform.expression,
      targetArns: w.targets.map((t) => t.arn),
      deadLetterQueue: w.deadLetterQueue,
      region,
      parent,
    });
    const ruleArns = pulumi.all(rules.map((r) => r.arn));
    grants.push(
      ...stage.resources,
      new aws.sqs.QueuePolicy(
        `${name}-stage-dlq-policy`,
        { queueUrl: stage.deadLetterQueue.url, policy: pulumi.all([stage.deadLetterQueue.arn, ruleArns]).apply(([q, arns]) => sendFromRulesPolicy(q, arns)), region },
        { parent },
      ),
    );
    const targets = rules.map(
      (rule, i) =>
        new aws.cloudwatch.EventTarget(
          `${name}-stage${suffix(i)}`,
          { rule: rule.name, eventBusName: w.bus.name, arn: stage.stateMachine.arn, roleArn: stage.ruleRole.arn, deadLetterConfig: { arn: stage.deadLetterQueue.arn }, region },
          { parent },
        ),
    );
    return { stage, targets, grants };
  }
  const targets = rules.flatMap((rule, i) =>
    w.targets.map((target) => {
      const resourceName = `${name}-${target.name}${suffix(i)}`;
      const eventTarget = new aws.cloudwatch.EventTarget(
        resourceName,
        {
          rule: rule.name,
          eventBusName: w.bus.name,
          arn: target.arn,
          ...(target.roleArn === undefined ? {} : { roleArn: target.roleArn }),
          inputTransformer: { inputPaths: { ...w.inputTransformer.inputPaths }, inputTemplate: w.inputTransformer.inputTemplate },
          region,
        },
        { parent },
      );
      grants.push(...(target.grant?.({ name: resourceName, ruleArn: rule.arn, region, parent }) ?? []));
      return eventTarget;
    }),
  );
  return { stage: undefined, targets, grants };
}
