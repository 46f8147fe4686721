import * as pulumi from "@pulumi/pulumi";
import type { ConflictPolicy } from "../genesys/port";
import { ownerMarker } from "../genesys/ownership";
import type { SourceMetrics } from "./outputs";
import { eventBridgeSourceProvider } from "./provider";

/** The arguments of an {@link EventBridgeSource}: the definition, plus what steers the provider. */
export interface EventBridgeSourceArgs {
  /** Stable identifier: letters, digits, `.`, `_`, `-`. Changing it replaces the source. */
  id: pulumi.Input<string>;
  /** Defaults to `aws-eventbridge`, the only stream type. */
  eventStreamType?: pulumi.Input<string>;
  /** The receiving AWS account, region and role. */
  configuration: pulumi.Input<{
    awsAccountId: pulumi.Input<string>;
    region: pulumi.Input<string>;
    roleArn: pulumi.Input<string>;
  }>;
  /** Which events leave Genesys, with their conditions. */
  filters: pulumi.Input<pulumi.Input<Record<string, unknown>>[]>;
  /** How events are reshaped. */
  transformations?: pulumi.Input<pulumi.Input<Record<string, unknown>>[]>;
  /** Which attributes are copied where. */
  attributeMappings?: pulumi.Input<pulumi.Input<Record<string, unknown>>[]>;
  /** Integrations API: the partner event source suffix; derived from `id` when absent. */
  eventSourceSuffix?: pulumi.Input<string>;
  /** Sample events (`{ eventType, event }`) projected through the definition before any write. */
  samples?: pulumi.Input<pulumi.Input<Record<string, unknown>>[]>;
  /** On a concurrent remote change: `overwrite` (default) re-applies, `fail` stops and shows what changed. */
  conflictPolicy?: pulumi.Input<ConflictPolicy>;
  /** Take over an existing remote source with the same id instead of failing on create. */
  adoptExisting?: pulumi.Input<boolean>;
  /** Integrations API: `ENABLED` (default) or `DISABLED`. */
  intendedState?: pulumi.Input<"ENABLED" | "DISABLED">;
}

/** The type token's module and name: `pulumi-nodejs:dynamic/genesys:EventBridgeSource`. */
export const EVENTBRIDGE_SOURCE_MODULE = "genesys";
export const EVENTBRIDGE_SOURCE_TYPE = "EventBridgeSource";

/**
 * A Genesys Cloud event source for AWS EventBridge, managed by a dynamic
 * provider: validated and projected at `check`, written with an
 * optimistic-concurrency token, audited, and reported as outputs.
 */
export class EventBridgeSource extends pulumi.dynamic.Resource {
  /** The definition id. */
  declare readonly sourceId: pulumi.Output<string>;
  /** The id the Genesys API knows the source by. */
  declare readonly remoteId: pulumi.Output<string>;
  /** The API contract it was written through (`event-streams` or `integrations`). */
  declare readonly api: pulumi.Output<string>;
  /** The concurrency token the server returned (ETag or config version). */
  declare readonly etag: pulumi.Output<string>;
  /** SHA-256 hex of the canonical payload: the audit hash. */
  declare readonly payloadHash: pulumi.Output<string>;
  /** Bytes of the canonical payload (limit 262,144). */
  declare readonly payloadBytes: pulumi.Output<number>;
  /** The audit entry of the last create or update. */
  declare readonly auditId: pulumi.Output<string>;
  /** That entry's hash: anchor the audit log with it (`genesys-eventbridge audit verify --head <hash>`). */
  declare readonly auditHead: pulumi.Output<string>;
  /** Paths where the remote source differs from the declaration (after a refresh). */
  declare readonly drift: pulumi.Output<string[]>;
  /** Adapter facts such as `partnerEventSourceName`. */
  declare readonly facts: pulumi.Output<Record<string, string>>;
  /** Latency, validation rate, status, retries and conflicts of the last write. */
  declare readonly metrics: pulumi.Output<SourceMetrics>;

  constructor(name: string, args: EventBridgeSourceArgs, opts?: pulumi.CustomResourceOptions) {
    const outputs = {
      remoteId: undefined,
      api: undefined,
      etag: undefined,
      payloadHash: undefined,
      payloadBytes: undefined,
      auditId: undefined,
      auditHead: undefined,
      drift: undefined,
      facts: undefined,
      metrics: undefined,
    };
    // Pulumi reserves `id` for the resource id: the definition's id travels as `sourceId`.
    const { id, ...definition } = args;
    super(
      eventBridgeSourceProvider,
      name,
      // `owner` marks what this resource creates remotely, so that an interrupted create is completed, not duplicated.
      { ...definition, sourceId: id, owner: ownerMarker(pulumi.getProject(), pulumi.getStack(), name), ...outputs },
      opts,
      EVENTBRIDGE_SOURCE_MODULE,
      EVENTBRIDGE_SOURCE_TYPE,
    );
  }
}
