import type { SourceDefinition } from "./source-definition";

/** The longest event source suffix, in characters. */
export const EVENT_SOURCE_SUFFIX_MAX_LENGTH = 64;

/**
 * The event source suffix of a definition: the declared `eventSourceSuffix`,
 * or one derived from `id` (characters outside `[A-Za-z0-9._-]` replaced by
 * `-`, cut to 64 characters). Pure.
 */
export function eventSourceSuffixOf(def: Pick<SourceDefinition, "id" | "eventSourceSuffix">): string {
  if (def.eventSourceSuffix !== undefined) return def.eventSourceSuffix;
  return def.id.replace(/[^A-Za-z0-9._-]/g, "-").slice(0, EVENT_SOURCE_SUFFIX_MAX_LENGTH);
}
