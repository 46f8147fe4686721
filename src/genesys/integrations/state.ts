import { SourceDefinition, eventSourceSuffixOf } from "../../definition";
import { DEFAULT_INTENDED_STATE } from "../../definition/vocabulary/intended-state";
import type { WriteOptions } from "../primitives";
import type { Integration, IntegrationConfiguration } from "./codec";

/**
 * The config `properties` of an `amazon-eventbridge-source` integration as
 * this adapter writes them. Names as in the Genesys Terraform example for the
 * integration type (`awsAccountId`, `awsAccountRegion`, `eventSourceSuffix`,
 * `eventFilter`).
 */
export interface EventBridgeProperties {
  readonly awsAccountId: string;
  readonly awsAccountRegion: string;
  readonly eventSourceSuffix: string;
  /** Notification topics, sorted (see {@link normaliseEventFilter}). */
  readonly eventFilter: ReadonlyArray<string>;
}

/**
 * An EventBridge source integration as the integrations adapter compares it:
 * the integration's `name` (the definition id), its `intendedState`, and its
 * config `properties`. Notes, credentials and server fields are left out.
 */
export interface IntegrationState {
  readonly name: string;
  readonly intendedState: string;
  readonly properties: Readonly<Record<string, unknown>>;
}

/** The property keys this adapter writes; other keys a server or a console user adds are not compared. */
export const PROPERTY_KEYS: ReadonlyArray<keyof EventBridgeProperties> = ["awsAccountId", "awsAccountRegion", "eventSourceSuffix", "eventFilter"];


/**
 * The topic list in the one order both sides use: sorted by code unit, no
 * duplicates. Genesys treats `eventFilter` as a set of topics, so declaring
 * the filters in another order is no change, and a list reordered remotely
 * is no drift. A value that is not a list of strings is kept as it is, so
 * that it shows up as drift.
 */
export function normaliseEventFilter(value: unknown): unknown {
  if (!Array.isArray(value) || !value.every((v): v is string => typeof v === "string")) return value;
  return [...new Set(value)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The config properties for a definition: the AWS account and region, the suffix and the filters' event types. */
export function propertiesOf(definition: SourceDefinition): EventBridgeProperties {
  return {
    awsAccountId: definition.configuration.awsAccountId,
    awsAccountRegion: definition.configuration.region,
    eventSourceSuffix: eventSourceSuffixOf(definition),
    eventFilter: normaliseEventFilter(definition.filters.map((f) => f.eventType)) as ReadonlyArray<string>,
  };
}

/** The state a definition asks for: name = definition id, intended state (default `ENABLED`), properties. */
export function desiredIntegrationState(definition: SourceDefinition, options: WriteOptions = {}): IntegrationState {
  return {
    name: definition.id,
    intendedState: options.intendedState ?? DEFAULT_INTENDED_STATE,
    properties: { ...propertiesOf(definition) },
  };
}

/**
 * The state a server holds, normalised like {@link desiredIntegrationState}:
 * only the keys this adapter writes, `eventFilter` sorted. A key the server
 * lacks stays absent, so that it shows up as a differing path.
 */
export function remoteIntegrationState(integration: Integration, config: IntegrationConfiguration): IntegrationState {
  const given = config.properties ?? {};
  const properties: Record<string, unknown> = {};
  for (const key of PROPERTY_KEYS) {
    if (!(key in given)) continue;
    properties[key] = key === "eventFilter" ? normaliseEventFilter(given[key]) : given[key];
  }
  return {
    name: integration.name ?? config.name ?? "",
    intendedState: integration.intendedState ?? "",
    properties,
  };
}

/**
 * The name of the partner event source Genesys creates in the AWS account:
 * `aws.partner/genesys.com/cloud/<orgId>/<eventSourceSuffix>`.
 */
export function partnerEventSourceName(organizationId: string, eventSourceSuffix: string): string {
  return `aws.partner/genesys.com/cloud/${organizationId}/${eventSourceSuffix}`;
}

/** Where each path of {@link IntegrationState} comes from in a definition (and its resource inputs). */
const definitionPaths: ReadonlyArray<readonly [RegExp, string]> = [
  [/^name$/, "id"],
  [/^intendedState$/, "intendedState"],
  [/^properties\.awsAccountId$/, "configuration.awsAccountId"],
  [/^properties\.awsAccountRegion$/, "configuration.region"],
  [/^properties\.eventSourceSuffix$/, "eventSourceSuffix"],
  // Topics are the filters' event types, sorted: an index here is not a filter's index.
  [/^properties\.eventFilter(\[\d+\])?$/, "filters[].eventType"],
];

/**
 * The definition path a path of the integration's state comes from, so that
 * drift and conflicts are reported in the names the user wrote
 * (`configuration.region`, not `properties.awsAccountRegion`). A path with
 * no counterpart is returned as it is.
 */
export function definitionPathOf(statePath: string): string {
  for (const [pattern, path] of definitionPaths) if (pattern.test(statePath)) return path;
  return statePath;
}
