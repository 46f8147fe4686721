import { eventSourceSuffixOf } from "../event-source-suffix";
import type { SourceDefinition } from "../source-definition";

/** The start of every partner event source name Genesys Cloud creates. */
export const GENESYS_PARTNER_PREFIX = "aws.partner/genesys.com/cloud/";

/**
 * The partner event source name Genesys Cloud creates for a definition in an
 * organization: `aws.partner/genesys.com/cloud/<orgId>/<eventSourceSuffix>`
 * (the suffix is derived from the id when the definition sets none). Events
 * from it carry this name in `source`, and the partner event bus must have
 * it as its name. Pure.
 */
export function partnerEventSourceNameOf(orgId: string, def: Pick<SourceDefinition, "id" | "eventSourceSuffix">): string {
  return `${GENESYS_PARTNER_PREFIX}${orgId}/${eventSourceSuffixOf(def)}`;
}
