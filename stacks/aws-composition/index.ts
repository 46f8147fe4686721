/**
 * An example stack that composes a Genesys Cloud EventBridge source with the
 * AWS resources that receive it (see `composeAws`). Run it as a project
 * whose `main` is `dist/stacks/aws-composition/index.js`.
 *
 * Config (project namespace):
 * - `definition`, `samples`: file paths relative to the project folder
 *   (default: the example definition and its samples under `stacks/examples/`);
 * - `partnerEventSourceName`, or `genesysOrgId` to derive it from the
 *   definition's event source suffix; without either, the source's output
 *   `facts.partnerEventSourceName` (Integrations API) names the bus.
 */
import * as pulumi from "@pulumi/pulumi";
import { loadSources } from "../sources";
import { composeAws, partnerEventSourceNameOf } from "./compose";

const config = new pulumi.Config();
const [{ definition, samples }] = loadSources(
  [{ definition: config.get("definition") ?? "stacks/examples/definition.json", samples: config.get("samples") ?? "stacks/examples/samples" }],
  pulumi.runtime.getRootDirectory(),
);
const orgId = config.get("genesysOrgId");
const partnerEventSourceName =
  config.get("partnerEventSourceName") ??
  (orgId === undefined ? undefined : partnerEventSourceNameOf(orgId, definition as { id: string; eventSourceSuffix?: string }));

const composed = composeAws(definition, { partnerEventSourceName, samples });

/** The partner event bus. */
export const busName = composed.bus.name;
/** The rule's event pattern as deployed. */
export const eventPattern = composed.rule.eventPattern;
/** Where the reshaped events arrive. */
export const queueUrl = composed.queue.url;
/** Transformations and mappings the queue does not receive, with the reason. */
export const notDelivered = composed.notDelivered;
