import { stageTargetOf } from "../../../src/definition/eventbridge/stage-targets";

describe("stageTargetOf", () => {
  it("reads each kind of target ARN into its integration and one action", () => {
    const arns = [
      "arn:aws:sqs:eu-west-1:123456789012:q",
      "arn:aws:sns:eu-west-1:123456789012:t",
      "arn:aws:events:eu-west-1:123456789012:event-bus/b",
      "arn:aws:firehose:eu-west-1:123456789012:deliverystream/f",
      "arn:aws:kinesis:eu-west-1:123456789012:stream/k",
      "arn:aws:lambda:eu-west-1:123456789012:function:fn",
    ];
    expect(arns.map((a) => { const t = stageTargetOf(a); return t._tag === "Right" ? [t.right.kind, t.right.resource, t.right.action] : t.left; })).toEqual([
      ["sqs", "arn:aws:states:::sqs:sendMessage", "sqs:SendMessage"],
      ["sns", "arn:aws:states:::sns:publish", "sns:Publish"],
      ["events", "arn:aws:states:::events:putEvents", "events:PutEvents"],
      ["firehose", "arn:aws:states:::aws-sdk:firehose:putRecord", "firehose:PutRecord"],
      ["kinesis", "arn:aws:states:::aws-sdk:kinesis:putRecord", "kinesis:PutRecord"],
      ["lambda", "arn:aws:states:::lambda:invoke", "lambda:InvokeFunction"],
    ]);
  });

  it("derives the queue URL from an SQS ARN, and keeps the topic as the PutEvents DetailType", () => {
    const queue = stageTargetOf("arn:aws:sqs:eu-west-1:123456789012:q");
    const bus = stageTargetOf("arn:aws:events:eu-west-1:123456789012:event-bus/b");
    expect([queue._tag === "Right" && queue.right.arguments("$e"), bus._tag === "Right" && bus.right.arguments("$e")]).toEqual([
      { QueueUrl: "https://sqs.eu-west-1.amazonaws.com/123456789012/q", MessageBody: "{% $e %}" },
      { Entries: [{ EventBusName: "arn:aws:events:eu-west-1:123456789012:event-bus/b", Source: "genesys-eventbridge", DetailType: "{% $states.context.Execution.Input.`detail-type` %}", Detail: "{% $e %}" }] },
    ]);
  });

  it("refuses an ARN the stage cannot send to, saying what it accepts", () => {
    expect(stageTargetOf("arn:aws:dynamodb:us-east-1:123456789012:table/t")).toEqual({
      _tag: "Left",
      left: 'expected an SQS queue, SNS topic, EventBridge bus, Firehose stream, Kinesis stream or Lambda function ARN, found "arn:aws:dynamodb:us-east-1:123456789012:table/t"',
    });
  });
});
