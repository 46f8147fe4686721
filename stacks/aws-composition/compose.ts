import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import {
  compileEventPattern,
  compileInputTransformer,
  eventSourceSuffixOf,
  formatIssue,
  SourceDefinition,
  validateDefinition,
} from "../../src/definition";
import type { Unexpressible } from "../../src/definition";
import { EventBridgeSource } from "../../src/pulumi/resource";

/** What {@link composeAws} needs besides the definition. */
export interface AwsCompositionOptions {
  /**
   * The partner event source Genesys creates for the integration,
   * `aws.partner/genesys.com/cloud/<orgId>/<eventSourceSuffix>`. When absent,
   * the source's output `facts.partnerEventSourceName` is used (the
   * Integrations API reports it after the write).
   */
  readonly partnerEventSourceName?: string;
  /** Sample events the source projects at `check`. */
  readonly samples?: ReadonlyArray<unknown>;
  /** The event pattern size limit, when the account's quota was raised above 2048 characters. */
  readonly maxPatternChars?: number;
}

/** The resources {@link composeAws} declares, and what the rule's target cannot receive. */
export interface AwsComposition {
  readonly source: EventBridgeSource;
  readonly bus: aws.cloudwatch.EventBus;
  readonly rule: aws.cloudwatch.EventRule;
  readonly queue: aws.sqs.Queue;
  readonly queuePolicy: aws.sqs.QueuePolicy;
  readonly target: aws.cloudwatch.EventTarget;
  /** Transformations and mappings the input transformer cannot express (left out of what the queue receives). */
  readonly notDelivered: ReadonlyArray<Unexpressible>;
}

/**
 * The partner event source name Genesys Cloud creates for a definition in an
 * organization: `aws.partner/genesys.com/cloud/<orgId>/<eventSourceSuffix>`.
 */
export function partnerEventSourceNameOf(orgId: string, def: Pick<SourceDefinition, "id" | "eventSourceSuffix">): string {
  return `aws.partner/genesys.com/cloud/${orgId}/${eventSourceSuffixOf(def)}`;
}

/**
 * Declares a Genesys Cloud EventBridge source and the AWS side that
 * receives it: the partner event bus (named after the partner event source),
 * a rule on it whose event pattern carries the definition's filters and
 * conditions, an SQS queue as the rule's target with an input transformer
 * that reshapes events as the definition's transformations and attribute
 * mappings say, and the queue policy that lets the rule send.
 *
 * The AWS resources live in the definition's `configuration.region`, where
 * Genesys creates the partner event source; the bus depends on the source.
 * Throws (at the program's edge) when the definition is invalid or when the
 * event pattern cannot express a condition: a rule that matched more than
 * the definition says would deliver events the definition filters out. What
 * the input transformer cannot express is returned in `notDelivered`
 * instead, since leaving a field out delivers less, not more.
 */
export function composeAws(definition: Readonly<Record<string, unknown>>, options: AwsCompositionOptions): AwsComposition {
  const decoded = validateDefinition(definition);
  if (decoded._tag === "Left") throw new Error(`the definition is invalid:\n${decoded.left.map(formatIssue).join("\n")}`);
  const def = decoded.right;
  // What the pattern cannot express does not depend on the source name: check it before declaring anything.
  const pattern = compileEventPattern(def, options.partnerEventSourceName ?? "aws.partner/genesys.com/cloud/org/suffix", {
    maxChars: options.maxPatternChars,
  });
  if (pattern.unsupported.length > 0) {
    const lines = pattern.unsupported.map((u) => `${u.path === "" ? "(definition)" : u.path}: ${u.reason}`);
    throw new Error(`the event pattern cannot express the definition's filters:\n${lines.join("\n")}`);
  }
  const transformer = compileInputTransformer(def);
  const region = def.configuration.region;

  const source = new EventBridgeSource(def.id, {
    ...(definition as unknown as ConstructorParameters<typeof EventBridgeSource>[1]),
    ...(options.samples === undefined ? {} : { samples: options.samples as Record<string, unknown>[] }),
  });
  const name: pulumi.Input<string> = options.partnerEventSourceName ?? source.facts.apply((facts) => {
    if (!facts.partnerEventSourceName) {
      throw new Error(`${def.id}: no partnerEventSourceName in the source's facts; use genesys:api integrations or pass partnerEventSourceName`);
    }
    return facts.partnerEventSourceName;
  });
  const bus = new aws.cloudwatch.EventBus(`${def.id}-bus`, { name, eventSourceName: name, region }, { dependsOn: [source] });
  const rule = new aws.cloudwatch.EventRule(`${def.id}-rule`, {
    eventBusName: bus.name,
    eventPattern: pulumi.output(name).apply((n) => compileEventPattern(def, n, { maxChars: options.maxPatternChars }).json),
    description: `Genesys Cloud events of ${def.id}`,
    region,
  });
  const queue = new aws.sqs.Queue(`${def.id}-events`, { region });
  const queuePolicy = new aws.sqs.QueuePolicy(`${def.id}-events-policy`, {
    queueUrl: queue.url,
    policy: pulumi.all([queue.arn, rule.arn]).apply(([queueArn, ruleArn]) => sendFromRulePolicy(queueArn, ruleArn)),
    region,
  });
  const target = new aws.cloudwatch.EventTarget(`${def.id}-target`, {
    rule: rule.name,
    eventBusName: bus.name,
    arn: queue.arn,
    inputTransformer: { inputPaths: { ...transformer.inputPathsMap }, inputTemplate: transformer.inputTemplate },
    region,
  });
  return { source, bus, rule, queue, queuePolicy, target, notDelivered: transformer.unsupported };
}

/** The SQS queue policy that lets one EventBridge rule send messages, as JSON. */
export function sendFromRulePolicy(queueArn: string, ruleArn: string): string {
  return JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "AllowEventBridgeRule",
        Effect: "Allow",
        Principal: { Service: "events.amazonaws.com" },
        Action: "sqs:SendMessage",
        Resource: queueArn,
        Condition: { ArnEquals: { "aws:SourceArn": ruleArn } },
      },
    ],
  });
}
