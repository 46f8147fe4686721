import * as pulumi from "@pulumi/pulumi";
import { ownerMarker } from "../genesys/ownership";
import type { RouteInputTransformer, RouteTransform, SourceDefinitionInput, Undelivered } from "../definition";
import type { InputProps } from "./inputs";
import type { SourceMetrics } from "./outputs";
import { eventBridgeSourceProvider } from "./provider";
import type { SteeringInputsInput } from "./steering";
import { importRefused } from "./import-refusal";

/**
 * The arguments of an {@link EventBridgeSource}: the source definition as a
 * definition file holds it (`id`, `configuration`, `filters`,
 * `transformations`, `attributeMappings`, `eventStreamType`,
 * `eventSourceSuffix`), plus what steers the provider (`samples`,
 * `conflictPolicy`, `adoptExisting`, `intendedState`). Derived from the
 * definition codecs, so a misspelt property or an unknown operator does not
 * compile; every value, at any depth, may be a `pulumi.Input`. The canonical
 * payload is at most 262,144 bytes.
 *
 * @example
 * new EventBridgeSource("conversations", {
 *   id: "eventbridge-source-prod-01",
 *   configuration: { awsAccountId: "123456789012", region: "us-east-1", roleArn: "arn:aws:iam::123456789012:role/genesys-eb-role" },
 *   filters: [{ eventType: "v2.detail.events.conversation.{id}.customer.start", conditions: [{ field: "mediaType", operator: "eq", value: "VOICE" }] }],
 * });
 */
export interface EventBridgeSourceArgs extends InputProps<SourceDefinitionInput & Omit<SteeringInputsInput, "owner">> {}

/** The type token's module and name: `pulumi-nodejs:dynamic/genesys:EventBridgeSource`. */
export const EVENTBRIDGE_SOURCE_MODULE = "genesys";
export const EVENTBRIDGE_SOURCE_TYPE = "EventBridgeSource";
/** The full type token the engine knows the resource by. */
export const EVENTBRIDGE_SOURCE_TOKEN = `pulumi-nodejs:dynamic/${EVENTBRIDGE_SOURCE_MODULE}:${EVENTBRIDGE_SOURCE_TYPE}`;

/**
 * A Genesys Cloud event source for AWS EventBridge, managed by a dynamic
 * provider: validated, projected and compiled at `check` (which warns on the
 * resource about what the AWS route does not carry out), written with an
 * optimistic-concurrency token, audited, and reported as outputs.
 *
 * The `import` resource option is refused with an error on the resource
 * (dynamic providers cannot import): `adoptExisting: true` takes over an
 * existing remote source instead.
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
  /** When that entry was written (ISO 8601): the newest of several sources' heads anchors the most. */
  declare readonly auditTime: pulumi.Output<string>;
  /** Paths where the remote source differs from the declaration (after a refresh). */
  declare readonly drift: pulumi.Output<string[]>;
  /** Adapter facts such as `partnerEventSourceName`. */
  declare readonly facts: pulumi.Output<Record<string, string>>;
  /**
   * The partner event source Genesys created in the AWS account
   * (`aws.partner/genesys.com/cloud/<orgId>/<suffix>`; Integrations API), for
   * `aws.cloudwatch.EventBus`'s `eventSourceName`; `""` when the API reports none.
   */
  declare readonly partnerEventSourceName: pulumi.Output<string>;
  /**
   * The filters' conditions as EventBridge event patterns (JSON), one per
   * rule, each for an `aws.cloudwatch.EventRule`'s `eventPattern`: usually
   * one; several when one rule cannot hold the filters. No event matches two.
   */
  declare readonly eventPatterns: pulumi.Output<string[]>;
  /** The event pattern (JSON) when there is exactly one rule; undefined when there are several (see {@link eventPatterns}). */
  declare readonly eventPattern: pulumi.Output<string | undefined>;
  /** The transformations and attribute mappings as an input transformer, for `aws.cloudwatch.EventTarget`'s `inputTransformer`. */
  declare readonly inputTransformer: pulumi.Output<RouteInputTransformer>;
  /** The transform stage between rule and targets, `{ kind: "jsonata", expression }`, or `null` when the input transformer carries everything. */
  declare readonly transform: pulumi.Output<RouteTransform>;
  /** Conditions, directives and mappings neither the event pattern, the input transformer nor the transform stage carries out, with the reason. */
  declare readonly undelivered: pulumi.Output<Undelivered[]>;
  /** Latency, validation rate, status, retries and conflicts of the last write. */
  declare readonly metrics: pulumi.Output<SourceMetrics>;

  constructor(name: string, args: EventBridgeSourceArgs, opts?: pulumi.CustomResourceOptions) {
    if (opts?.import !== undefined) throw importRefused(name, EVENTBRIDGE_SOURCE_TOKEN, opts);
    const outputs = {
      remoteId: undefined,
      api: undefined,
      etag: undefined,
      payloadHash: undefined,
      payloadBytes: undefined,
      auditId: undefined,
      auditHead: undefined,
      auditTime: undefined,
      drift: undefined,
      facts: undefined,
      metrics: undefined,
      partnerEventSourceName: undefined,
      eventPatterns: undefined,
      eventPattern: undefined,
      inputTransformer: undefined,
      transform: undefined,
      undelivered: undefined,
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

