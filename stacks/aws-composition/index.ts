/**
 * An example stack: a Genesys Cloud EventBridge source routed into an SQS
 * queue with the `EventBridgeRoute` component (`genesys-eventbridge/aws`):
 * the partner event bus, a rule whose event pattern carries the
 * definition's filters, and a queue target whose input transformer carries
 * its transformations and attribute mappings, or, when it cannot, a
 * transform stage (Step Functions Express) between the rule and the queue.
 * Run it as a project whose `main` is `dist/stacks/aws-composition/index.js`.
 *
 * Config (project namespace):
 * - `definition`, `samples`: file paths relative to the project folder
 *   (default: the example definition and its samples under `stacks/examples/`);
 * - `partnerEventSourceName`, or `genesysOrgId` to derive it from the
 *   definition's event source suffix; without either, the source's reported
 *   partner event source name (Integrations API) names the bus.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { EventBridgeRoute, EventBridgeRouteArgs, partnerEventSourceNameOf, sqsQueueTarget } from "../../src/aws";
import { loadSources } from "../sources";

const config = new pulumi.Config();
const [{ definition, samples }] = loadSources(
  [{ definition: config.get("definition") ?? "stacks/examples/definition.json", samples: config.get("samples") ?? "stacks/examples/samples" }],
  pulumi.runtime.getRootDirectory(),
);
const orgId = config.get("genesysOrgId");
const region = (definition.configuration as { region: string }).region;

const queue = new aws.sqs.Queue("genesys-events", { region });
const route = new EventBridgeRoute("genesys", {
  // Files as read: the component validates them and names every problem by its path.
  definition: definition as unknown as EventBridgeRouteArgs["definition"],
  samples: samples as EventBridgeRouteArgs["samples"],
  partnerEventSourceName:
    config.get("partnerEventSourceName") ??
    (orgId === undefined ? undefined : partnerEventSourceNameOf(orgId, definition as { id: string; eventSourceSuffix?: string })),
  targets: [sqsQueueTarget("queue", queue)],
});

/** The partner event bus. */
export const busName = route.bus.name;
/** The rules' event patterns, one per rule (known at preview). */
export const eventPatterns = route.eventPatterns;
/** The rule's event pattern when there is one rule (known at preview). */
export const eventPattern = route.eventPattern;
/** The queue target's input transformer (known at preview). */
export const inputTransformer = route.inputTransformer;
/** The transform stage's JSONata expression (known at preview), or null when the input transformer carries everything. */
export const transform = route.transform;
/** The dead-letter queue of the transform stage, when there is one. */
export const deadLetterQueueUrl = route.stage === undefined ? undefined : pulumi.output(route.stage.deadLetterQueue.url);
/** Where the reshaped events arrive. */
export const queueUrl = queue.url;
/** Transformations and mappings the queue does not receive, with the reason. */
export const undelivered = route.undelivered;
