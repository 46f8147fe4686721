import { Either, left, right } from "fp-ts/Either";
import { preview } from "../preview";

/** The kinds of target the transform stage sends to, named after the service. */
export const STAGE_TARGET_KINDS = ["sqs", "sns", "events", "firehose", "kinesis", "lambda"] as const;

/** A kind of target the transform stage sends to. */
export type StageTargetKind = (typeof STAGE_TARGET_KINDS)[number];

/**
 * One target as the transform stage's state machine sends to it: the Step
 * Functions integration (`resource`), the task's arguments around the
 * projected event, and the one IAM action the stage needs on `arn`.
 */
export interface StageTarget {
  readonly kind: StageTargetKind;
  readonly arn: string;
  /** The Step Functions integration ARN, e.g. `arn:aws:states:::sqs:sendMessage`. */
  readonly resource: string;
  /** The IAM action the stage's role is allowed on exactly {@link arn}. */
  readonly action: string;
  /** The task's `Arguments`, where `event` is the JSONata expression of the projected event. */
  arguments(event: string): Record<string, unknown>;
}

const ARN = /^arn:(aws[a-z-]*):([a-z0-9-]+):([a-z0-9-]*):(\d{12}):(.+)$/;

/** The source the stage's PutEvents entries carry (a name EventBridge accepts: not starting with `aws.`). */
export const STAGE_EVENT_SOURCE = "genesys-eventbridge";

/**
 * Reads a target ARN into how the stage sends to it: an SQS queue
 * (`SendMessage`, the queue URL derived from the ARN), an SNS topic
 * (`Publish`), an EventBridge bus (`PutEvents`, with the topic as
 * `DetailType`), a Firehose or Kinesis stream (`PutRecord`, the event as
 * JSON text; Kinesis partitions by execution name) or a Lambda function (`Invoke`, the event as payload). The consumer receives
 * the projected event itself, with no wrapper. Left names what was found
 * and the kinds accepted. Pure.
 */
export function stageTargetOf(arn: string): Either<string, StageTarget> {
  const m = ARN.exec(arn);
  const kinds = "an SQS queue, SNS topic, EventBridge bus, Firehose stream, Kinesis stream or Lambda function ARN";
  if (m === null) return left(`expected ${kinds}, found ${preview(arn)}`);
  const [, partition, service, region, account, rest] = m;
  const event = (e: string): string => `{% ${e} %}`;
  switch (service) {
    case "sqs": {
      const domain = partition === "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com";
      const url = `https://sqs.${region}.${domain}/${account}/${rest}`;
      return right({ kind: "sqs", arn, resource: "arn:aws:states:::sqs:sendMessage", action: "sqs:SendMessage", arguments: (e) => ({ QueueUrl: url, MessageBody: event(e) }) });
    }
    case "sns":
      return right({ kind: "sns", arn, resource: "arn:aws:states:::sns:publish", action: "sns:Publish", arguments: (e) => ({ TopicArn: arn, Message: event(e) }) });
    case "events":
      if (!rest.startsWith("event-bus/")) break;
      return right({
        kind: "events",
        arn,
        resource: "arn:aws:states:::events:putEvents",
        action: "events:PutEvents",
        arguments: (e) => ({
          Entries: [{ EventBusName: arn, Source: STAGE_EVENT_SOURCE, DetailType: "{% $states.context.Execution.Input.`detail-type` %}", Detail: event(e) }],
        }),
      });
    case "firehose":
      if (!rest.startsWith("deliverystream/")) break;
      return right({
        kind: "firehose",
        arn,
        resource: "arn:aws:states:::aws-sdk:firehose:putRecord",
        action: "firehose:PutRecord",
        arguments: (e) => ({ DeliveryStreamName: rest.slice("deliverystream/".length), Record: { Data: event(`$string(${e})`) } }),
      });
    case "kinesis":
      if (!rest.startsWith("stream/")) break;
      return right({
        kind: "kinesis",
        arn,
        resource: "arn:aws:states:::aws-sdk:kinesis:putRecord",
        action: "kinesis:PutRecord",
        arguments: (e) => ({ StreamARN: arn, Data: event(`$string(${e})`), PartitionKey: "{% $states.context.Execution.Name %}" }),
      });
    case "lambda":
      if (!rest.startsWith("function:")) break;
      return right({ kind: "lambda", arn, resource: "arn:aws:states:::lambda:invoke", action: "lambda:InvokeFunction", arguments: (e) => ({ FunctionName: arn, Payload: event(e) }) });
  }
  return left(`expected ${kinds}, found ${preview(arn)}`);
}
