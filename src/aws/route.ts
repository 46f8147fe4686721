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
import { sendFromRulePolicy, SqsQueueRef } from "./sqs-queue-target";
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
  /** How the source resource writes (conflict policy, adopting an existing remote source, intended state) and the recorded events a preview replays (`impactEvents`). */
  readonly source?: Pick<EventBridgeSourceArgs, "conflictPolicy" | "adoptExisting" | "intendedState" | "impactEvents">;
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
   * rules' failed starts and the stage's failed sends); created when absent.
   * Its queue policy is replaced by one that lets the route's rules send.
   */
  readonly deadLetterQueue?: SqsQueueRef;
}

/**
 * A Genesys Cloud EventBridge source and the AWS side that carries out the
 * rest of its definition: the Genesys source (`EventBridgeSource`, which
 * carries the topics, account, region, suffix and state), the partner event
 * bus named after the partner event source (it depends on the source), the
 * rules on the bus whose event patterns are the definition's filters and
 * conditions (one rule, `<name>-rule`, unless EventBridge cannot hold the
 * filters in one pattern; then `<name>-rule-2`, ... follow, and no event
 * matches two of them), and per rule one `EventTarget` per target with the
 * input transformer compiled from the transformations and attribute
 * mappings (`<name>-<target>` for the first rule, `<name>-rule-<k>-<target>`
 * for rule k).
 *
 * The AWS resources are declared in the definition's `configuration.region`,
 * where Genesys creates the partner event source. The pattern and the
 * transformer are compiled in the program (`compileRoute`, without `source`
 * in the pattern: a partner bus receives one source only), so they are
 * known values at preview.
 *
 * When the input transformer cannot carry every directive and mapping
 * (`transform` is not null), every rule targets a transform stage instead
 * (see `declareTransformStage`; `<name>-stage` for the first rule,
 * `<name>-rule-<k>-stage` for rule k): a Step Functions Express state
 * machine that sends exactly the event `projectEvent` previews to each
 * target, with a dead-letter queue for what it cannot deliver. A target's
 * `grant` is then not used: the stage's role, not the rules, sends to the
 * targets.
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
  /** The rules on the partner event bus, one per event pattern, in order. */
  readonly rules: ReadonlyArray<aws.cloudwatch.EventRule>;
  /** The first rule (the only one unless the filters need several). */
  readonly rule: aws.cloudwatch.EventRule;
  /** Per rule, one per target given, in order (the first rule's targets first), or the transform stage, once per rule. */
  readonly targets: ReadonlyArray<aws.cloudwatch.EventTarget>;
  /** Resources the targets' grants declared (queue policies, permissions). */
  readonly grants: ReadonlyArray<pulumi.Resource>;
  /** The partner event source name, which is also the bus name. */
  readonly partnerEventSourceName: pulumi.Output<string>;
  /** The rules' event patterns, as JSON, one per rule: known values. */
  readonly eventPatterns: ReadonlyArray<string>;
  /** The event pattern, as JSON, when there is exactly one rule. */
  readonly eventPattern: string | undefined;
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
    const resourceNames = route.eventPatterns.flatMap((_, k) => [ruleResourceName(name, k), ...names.map((t) => targetResourceName(name, k, t))]);
    const clash = resourceNames.find((n, i) => resourceNames.indexOf(n) !== i);
    if (clash !== undefined) throw new Error(`${name}: two resources of the route would be named ${JSON.stringify(clash)}; rename the target`);
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
    this.eventPatterns = route.eventPatterns;
    this.eventPattern = route.eventPattern;
    this.inputTransformer = route.inputTransformer;
    this.transform = route.transform;
    const wired = this.wireRules(name, args, def.id, region);
    this.rules = wired.rules;
    this.stage = wired.stage;
    this.rule = wired.rules[0];
    this.targets = wired.targets;
    this.grants = wired.grants;
    this.registerOutputs({
      partnerEventSourceName: this.partnerEventSourceName,
      eventPatterns: this.eventPatterns,
      eventPattern: this.eventPattern,
      inputTransformer: this.inputTransformer,
      transform: this.transform,
      undelivered: this.undelivered,
    });
  }

  /**
   * The one place that declares the rules and decides what each sends to:
   * one rule per event pattern; with a transform stage (declared once) each
   * rule's one `EventTarget` is the stage, with the dead-letter queue;
   * otherwise each rule has an `EventTarget` per target, and each target's
   * grant is declared once, naming every rule.
   */
  private wireRules(
    name: string,
    args: EventBridgeRouteArgs,
    id: string,
    region: string,
  ): { rules: aws.cloudwatch.EventRule[]; stage: TransformStage | undefined; targets: aws.cloudwatch.EventTarget[]; grants: pulumi.Resource[] } {
    const ruleName = (k: number): string => ruleResourceName(name, k);
    const targetName = (k: number, target: string): string => targetResourceName(name, k, target);
    const description = args.description ?? `Genesys Cloud events of ${id}`;
    const rules = this.eventPatterns.map(
      (eventPattern, k) => new aws.cloudwatch.EventRule(ruleName(k), { eventBusName: this.bus.name, eventPattern, description, region }, { parent: this }),
    );
    const ruleArns = pulumi.all(rules.map((r) => r.arn));
    if (this.transform !== null && args.targets.length > 0) {
      const stage = declareTransformStage(`${name}-stage`, {
        expression: this.transform.expression,
        targetArns: args.targets.map((t) => t.arn),
        deadLetterQueue: args.deadLetterQueue,
        region,
        parent: this,
      });
      const dlq = stage.deadLetterQueue;
      const dlqPolicy = new aws.sqs.QueuePolicy(
        `${name}-stage-dlq-policy`,
        { queueUrl: dlq.url, policy: pulumi.all([dlq.arn, ruleArns]).apply(([q, arns]) => sendFromRulePolicy(q, arns)), region },
        { parent: this },
      );
      const targets = rules.map(
        (rule, k) =>
          new aws.cloudwatch.EventTarget(
            targetName(k, "stage"),
            { rule: rule.name, eventBusName: this.bus.name, arn: stage.stateMachine.arn, roleArn: stage.ruleRole.arn, deadLetterConfig: { arn: dlq.arn }, region },
            { parent: this },
          ),
      );
      return { rules, stage, targets, grants: [...stage.resources, dlqPolicy] };
    }
    const targets = rules.flatMap((rule, k) =>
      args.targets.map(
        (target) =>
          new aws.cloudwatch.EventTarget(
            targetName(k, target.name),
            {
              rule: rule.name,
              eventBusName: this.bus.name,
              arn: target.arn,
              ...(target.roleArn === undefined ? {} : { roleArn: target.roleArn }),
              inputTransformer: { inputPaths: { ...this.inputTransformer.inputPaths }, inputTemplate: this.inputTransformer.inputTemplate },
              region,
            },
            { parent: this },
          ),
      ),
    );
    const grants = args.targets.flatMap((target) => target.grant?.({ name: targetName(0, target.name), ruleArns, region, parent: this }) ?? []);
    return { rules, stage: undefined, targets, grants };
  }
}

/** The resource name of the route's rule k (from 0): `<route>-rule`, then `<route>-rule-2`, ... */
function ruleResourceName(route: string, k: number): string {
  return k === 0 ? `${route}-rule` : `${route}-rule-${k + 1}`;
}

/** The resource name of a target of rule k (from 0): `<route>-<target>`, then `<route>-rule-2-<target>`, ... */
function targetResourceName(route: string, k: number, target: string): string {
  return k === 0 ? `${route}-${target}` : `${route}-rule-${k + 1}-${target}`;
}
