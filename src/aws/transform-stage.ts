import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { stageTargetOf } from "../definition/eventbridge/stage-targets";
import type { StageTarget } from "../definition/eventbridge/stage-targets";
import { transformStateMachine } from "../definition/eventbridge/state-machine";
import type { SqsQueueRef } from "./sqs-queue-target";

/** What {@link declareTransformStage} deploys. */
export interface TransformStageArgs {
  /** The JSONata expression of the projected event (the route's `transform.expression`). */
  readonly expression: string;
  /** The targets' ARNs, in order; each must be a kind `stageTargetOf` reads. */
  readonly targetArns: ReadonlyArray<pulumi.Input<string>>;
  /** A queue for what the stage cannot deliver; one is created when absent. */
  readonly deadLetterQueue?: SqsQueueRef;
  readonly region: string;
  readonly parent: pulumi.Resource;
}

/** The resources of a transform stage. */
export interface TransformStage {
  readonly stateMachine: aws.sfn.StateMachine;
  /** The role the state machine runs as: it may send to exactly the targets given, and to the dead-letter queue. */
  readonly role: aws.iam.Role;
  /** The role EventBridge assumes to start executions of the state machine, and nothing else. */
  readonly ruleRole: aws.iam.Role;
  readonly deadLetterQueue: SqsQueueRef;
  /** The resources declared besides (role policies, the dead-letter queue when created). */
  readonly resources: ReadonlyArray<pulumi.Resource>;
}

/**
 * Declares the transform stage between a route's rules and its targets: an
 * AWS Step Functions Express state machine (`transformStateMachine`) that
 * evaluates the expression on each event and sends the result to the
 * targets, the role it runs as (allowed each target's one send action on
 * exactly that target's ARN, and `sqs:SendMessage` on the dead-letter
 * queue), the role the rules' targets assume (allowed
 * `states:StartExecution` on this state machine only), and a dead-letter
 * queue (created unless one is given). Step Functions Express was chosen
 * over a function: there is no code to ship, the expression is a plain
 * value `pulumi preview` shows, and JSONata's reference implementation runs
 * it locally as the oracle of the conformance tests.
 *
 * A target ARN of a kind the stage cannot send to fails the deployment,
 * naming the target, once the ARN is known.
 */
export function declareTransformStage(name: string, args: TransformStageArgs): TransformStage {
  const { region, parent } = args;
  const resources: pulumi.Resource[] = [];
  let deadLetterQueue = args.deadLetterQueue;
  if (deadLetterQueue === undefined) {
    const queue = new aws.sqs.Queue(`${name}-dlq`, { messageRetentionSeconds: 1_209_600, region }, { parent });
    resources.push(queue);
    deadLetterQueue = { arn: queue.arn, url: queue.url };
  }
  const targets = pulumi.all(args.targetArns.map((a) => pulumi.output(a))).apply((arns) => arns.map((arn, i) => targetOrFail(name, i, arn)));

  const role = new aws.iam.Role(`${name}-role`, { assumeRolePolicy: assumedBy("states.amazonaws.com") }, { parent });
  resources.push(
    new aws.iam.RolePolicy(
      `${name}-send-policy`,
      { role: role.id, policy: pulumi.all([targets, deadLetterQueue.arn]).apply(([ts, dlq]) => sendPolicy(ts, dlq)) },
      { parent },
    ),
  );
  const stateMachine = new aws.sfn.StateMachine(
    `${name}-machine`,
    {
      type: "EXPRESS",
      roleArn: role.arn,
      definition: pulumi
        .all([targets, deadLetterQueue.url])
        .apply(([ts, url]) => JSON.stringify(transformStateMachine({ expression: args.expression, targets: ts, deadLetterQueueUrl: url }))),
      region,
    },
    { parent },
  );
  const ruleRole = new aws.iam.Role(`${name}-start`, { assumeRolePolicy: assumedBy("events.amazonaws.com") }, { parent });
  resources.push(new aws.iam.RolePolicy(`${name}-start-policy`, { role: ruleRole.id, policy: stateMachine.arn.apply(startPolicy) }, { parent }));
  return { stateMachine, role, ruleRole, deadLetterQueue, resources };
}

function targetOrFail(name: string, index: number, arn: string): StageTarget {
  const target = stageTargetOf(arn);
  if (target._tag === "Left") throw new Error(`${name}: targets[${index}].arn: the transform stage cannot send to it: ${target.left}`);
  return target.right;
}

/** A trust policy that lets one AWS service assume the role, as JSON. */
export function assumedBy(service: string): string {
  return JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: service }, Action: "sts:AssumeRole" }] });
}

/** The stage role's policy: each target's send action on exactly its ARN, and sending to the dead-letter queue, as JSON. */
export function sendPolicy(targets: ReadonlyArray<Pick<StageTarget, "action" | "arn">>, deadLetterQueueArn: string): string {
  const statements = [...targets.map((t) => ({ action: t.action, arn: t.arn })), { action: "sqs:SendMessage", arn: deadLetterQueueArn }];
  return JSON.stringify({
    Version: "2012-10-17",
    Statement: statements.map((s, i) => ({ Sid: `Send${i}`, Effect: "Allow", Action: s.action, Resource: s.arn })),
  });
}

/** The rule role's policy: starting executions of one state machine, as JSON. */
export function startPolicy(stateMachineArn: string): string {
  return JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "states:StartExecution", Resource: stateMachineArn }] });
}
