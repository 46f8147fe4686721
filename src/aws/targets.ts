import type * as pulumi from "@pulumi/pulumi";

/** What a target's {@link RouteTarget.grant} receives: the rules that send to it, and where to declare resources. */
export interface GrantContext {
  /** A name prefix for the resources the grant declares (the route's name and the target's). */
  readonly name: string;
  /**
   * The ARNs of every rule that sends to the target, in order: one, or
   * several when the definition's filters need more than one rule. A grant
   * must let each of them send.
   */
  readonly ruleArns: pulumi.Output<string[]>;
  /** The AWS region of the rule (the definition's `configuration.region`). */
  readonly region: string;
  /** The parent for the resources the grant declares (the route). */
  readonly parent: pulumi.Resource;
}

/**
 * A target of the route's rules: any ARN EventBridge can send to. Each target
 * receives the events the definition's filters let through, reshaped by the
 * compiled input transformer.
 */
export interface RouteTarget {
  /** Names the target within the route: the `aws.cloudwatch.EventTarget` is `<route>-<name>`. */
  readonly name: string;
  /** The target's ARN (a queue, a function, a stream, another bus, ...). */
  readonly arn: pulumi.Input<string>;
  /** The IAM role EventBridge assumes to send, for targets that need one (Kinesis, Step Functions, another bus, ...). */
  readonly roleArn?: pulumi.Input<string>;
  /**
   * Declares what lets the rules send to the target when a resource policy is
   * needed (an SQS queue policy, a Lambda permission), once the rules exist.
   * Called once per target, with every rule's ARN.
   */
  readonly grant?: (context: GrantContext) => ReadonlyArray<pulumi.Resource>;
}
