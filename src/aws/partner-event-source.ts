import * as pulumi from "@pulumi/pulumi";
import type { EventBridgeSource } from "../pulumi/resource";

/**
 * The partner event source name a source reports after Genesys created it
 * (`aws.partner/genesys.com/cloud/<orgId>/<suffix>`; the Integrations API
 * reports it, the event-streams contract does not). Unknown during a
 * preview that creates the source. Fails, at apply time, with what to do
 * when the source reports none.
 */
export function reportedPartnerEventSourceName(source: EventBridgeSource): pulumi.Output<string> {
  return source.partnerEventSourceName.apply((name) => {
    if (typeof name !== "string" || name === "") {
      throw new Error(
        "the source reports no partnerEventSourceName: select the Integrations API (genesys:api integrations), or pass partnerEventSourceName",
      );
    }
    return name;
  });
}
