import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { RouteTarget } from "./targets";

/** The queue a {@link sqsQueueTarget} sends to: an `aws.sqs.Queue` fits, or its ARN and URL. */
export interface SqsQueueRef {
  readonly arn: pulumi.Input<string>;
  readonly url: pulumi.Input<string>;
}

/**
 * A route target for an SQS queue, with the queue policy that lets the
 * route's rules (and only them) send messages. The policy replaces any policy
 * the queue has: use it for a queue that serves this route, or pass the
 * queue's ARN as a plain {@link RouteTarget} and write the policy yourself.
 */
export function sqsQueueTarget(name: string, queue: SqsQueueRef): RouteTarget {
  return {
    name,
    arn: queue.arn,
    grant: ({ name: prefix, ruleArns, region, parent }) => [
      new aws.sqs.QueuePolicy(
        `${prefix}-policy`,
        { queueUrl: queue.url, policy: pulumi.all([queue.arn, ruleArns]).apply(([queueArn, arns]) => sendFromRulePolicy(queueArn, arns)), region },
        { parent },
      ),
    ],
  };
}

/**
 * The SQS queue policy that lets EventBridge rules send messages, as JSON:
 * one rule's ARN, or several (any of them may send).
 */
export function sendFromRulePolicy(queueArn: string, ruleArns: string | ReadonlyArray<string>): string {
  const arns = typeof ruleArns === "string" ? [ruleArns] : ruleArns;
  return JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "AllowEventBridgeRule",
        Effect: "Allow",
        Principal: { Service: "events.amazonaws.com" },
        Action: "sqs:SendMessage",
        Resource: queueArn,
        Condition: { ArnEquals: { "aws:SourceArn": arns.length === 1 ? arns[0] : [...arns] } },
      },
    ],
  });
}
