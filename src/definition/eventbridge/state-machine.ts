import type { StageTarget } from "./stage-targets";

/** What {@link transformStateMachine} builds a state machine from. */
export interface StateMachineInput {
  /** The JSONata expression of the projected event (see `compileJsonataExpression`). */
  readonly expression: string;
  readonly targets: ReadonlyArray<StageTarget>;
  /** The URL of the dead-letter queue that receives the events the stage could not deliver. */
  readonly deadLetterQueueUrl: string;
}

/** How often a send is retried before the event goes to the dead-letter queue. */
export const STAGE_SEND_ATTEMPTS = 3;

/**
 * The Amazon States Language definition of the transform stage, as data:
 * an Express state machine in JSONata whose `Deliver` state evaluates the
 * expression on the EventBridge event (`$states.input`) and sends the
 * result to every target in parallel, each send retried
 * {@link STAGE_SEND_ATTEMPTS} times with backoff. Any failure (of the
 * expression or of a send) is caught and sends `{ error, event }` (the
 * error and the original EventBridge event) to the dead-letter queue, so no
 * event is lost silently. Pure.
 */
export function transformStateMachine(input: StateMachineInput): Record<string, unknown> {
  const branches = input.targets.map((t, i) => ({
    StartAt: `Send${i}`,
    States: {
      [`Send${i}`]: {
        Type: "Task",
        Comment: `${t.kind}: ${t.arn}`,
        Resource: t.resource,
        Arguments: t.arguments("$states.input.event"),
        Retry: [{ ErrorEquals: ["States.ALL"], IntervalSeconds: 1, MaxAttempts: STAGE_SEND_ATTEMPTS, BackoffRate: 2 }],
        End: true,
      },
    },
  }));
  return {
    Comment: "Genesys Cloud events reshaped by the definition's transformations and attribute mappings",
    QueryLanguage: "JSONata",
    StartAt: "Deliver",
    States: {
      Deliver: {
        Type: "Parallel",
        Arguments: { event: `{% ${input.expression} %}` },
        Branches: branches,
        Catch: [{ ErrorEquals: ["States.ALL"], Output: "{% {'error': $states.errorOutput, 'event': $states.context.Execution.Input} %}", Next: "DeadLetter" }],
        End: true,
      },
      DeadLetter: {
        Type: "Task",
        Resource: "arn:aws:states:::sqs:sendMessage",
        Arguments: { QueueUrl: input.deadLetterQueueUrl, MessageBody: "{% $states.input %}" },
        End: true,
      },
    },
  };
}
