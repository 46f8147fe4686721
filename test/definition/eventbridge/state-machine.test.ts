import jsonata from "jsonata";
import { compileJsonataExpression, SourceDefinition } from "../../../src/definition";
import { stageTargetOf } from "../../../src/definition/eventbridge/stage-targets";
import type { StageTarget } from "../../../src/definition/eventbridge/stage-targets";
import { transformStateMachine } from "../../../src/definition/eventbridge/state-machine";
import { definition } from "../fixtures";

function targets(...arns: string[]): StageTarget[] {
  return arns.map((arn) => {
    const t = stageTargetOf(arn);
    if (t._tag === "Left") throw new Error(t.left);
    return t.right;
  });
}

/** Every `{% ... %}` string in a value, with its path. */
function expressions(value: unknown, at = ""): Array<[string, string]> {
  if (typeof value === "string") return value.startsWith("{%") && value.endsWith("%}") ? [[at, value.slice(2, -2)]] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => expressions(v, `${at}[${i}]`));
  if (typeof value === "object" && value !== null) return Object.entries(value).flatMap(([k, v]) => expressions(v, `${at}.${k}`));
  return [];
}

describe("transformStateMachine", () => {
  const def: SourceDefinition = definition();
  const asl = transformStateMachine({
    expression: compileJsonataExpression(def),
    targets: targets(
      "arn:aws:sqs:us-east-1:123456789012:q",
      "arn:aws:sns:us-east-1:123456789012:t",
      "arn:aws:events:us-east-1:123456789012:event-bus/b",
      "arn:aws:firehose:us-east-1:123456789012:deliverystream/f",
      "arn:aws:kinesis:us-east-1:123456789012:stream/k",
      "arn:aws:lambda:us-east-1:123456789012:function:fn",
    ),
    deadLetterQueueUrl: "https://sqs.us-east-1.amazonaws.com/123456789012/dlq",
  }) as any;

  it("sends to every target in parallel, retrying, and catches every failure into the dead-letter queue", () => {
    expect([
      asl.QueryLanguage,
      asl.StartAt,
      asl.States.Deliver.Type,
      asl.States.Deliver.Branches.map((b: any) => [b.StartAt, b.States[b.StartAt].Resource, b.States[b.StartAt].Retry[0].MaxAttempts, b.States[b.StartAt].End]),
      asl.States.Deliver.Catch.map((c: any) => [c.ErrorEquals, c.Next]),
      asl.States.DeadLetter.Arguments.QueueUrl,
    ]).toEqual([
      "JSONata",
      "Deliver",
      "Parallel",
      [
        ["Send0", "arn:aws:states:::sqs:sendMessage", 3, true],
        ["Send1", "arn:aws:states:::sns:publish", 3, true],
        ["Send2", "arn:aws:states:::events:putEvents", 3, true],
        ["Send3", "arn:aws:states:::aws-sdk:firehose:putRecord", 3, true],
        ["Send4", "arn:aws:states:::aws-sdk:kinesis:putRecord", 3, true],
        ["Send5", "arn:aws:states:::lambda:invoke", 3, true],
      ],
      [[["States.ALL"], "DeadLetter"]],
      "https://sqs.us-east-1.amazonaws.com/123456789012/dlq",
    ]);
  });

  it("holds only JSONata that parses", () => {
    const found = expressions(asl);
    const broken = found.flatMap(([at, e]) => {
      try {
        jsonata(e);
        return [];
      } catch (err) {
        return [`${at}: ${(err as Error).message}`];
      }
    });
    expect([found.length, broken]).toEqual([11, []]);
  });

  it("sends the dead-letter queue the error and the original event", async () => {
    const output = asl.States.Deliver.Catch[0].Output.slice(2, -2);
    const event = { "detail-type": "conversation.created", detail: { eventBody: {} } };
    const error = { Error: "SQS.AmazonSQSException", Cause: "denied" };
    expect(await jsonata(output).evaluate(null, { states: { errorOutput: error, context: { Execution: { Input: event } } } })).toEqual({ error, event });
  });
});
