import type { ConflictPolicy } from "../genesys/port";

/**
 * The resource's input properties as the provider receives them (plain values,
 * no Outputs). The definition's `id` travels as `sourceId`: Pulumi reserves
 * `id` for the resource id and drops an input of that name.
 */
export interface SourceInputs {
  readonly sourceId: string;
  readonly eventStreamType?: string;
  readonly configuration: unknown;
  readonly filters: unknown;
  readonly transformations?: unknown;
  readonly attributeMappings?: unknown;
  readonly eventSourceSuffix?: string;
  /** Sample events projected through the definition before any write. */
  readonly samples?: unknown;
  /** What to do when the remote source changed since the last deployment. */
  readonly conflictPolicy?: ConflictPolicy;
  /** Take over a remote source with the same id instead of failing on create. */
  readonly adoptExisting?: boolean;
  /** Integrations API only: whether the integration is enabled. */
  readonly intendedState?: "ENABLED" | "DISABLED";
}

/** The input keys that make up the definition itself besides its id (the rest steer the provider). */
export const DEFINITION_KEYS = [
  "eventStreamType",
  "configuration",
  "filters",
  "transformations",
  "attributeMappings",
  "eventSourceSuffix",
] as const;

/** The definition part of a property bag (`sourceId` back as `id`), keys absent when undefined. */
export function definitionOf(props: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (props.sourceId !== undefined) out.id = props.sourceId;
  for (const key of DEFINITION_KEYS) {
    if (props[key] !== undefined) out[key] = props[key];
  }
  return out;
}

/** The input property a definition path belongs to: the definition's `id` is the `sourceId` input. */
export function inputPathOf(definitionPath: string): string {
  return definitionPath === "id" ? "sourceId" : definitionPath;
}
