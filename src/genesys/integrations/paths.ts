/** The integration type id of the Amazon EventBridge source integration. */
export const EVENTBRIDGE_INTEGRATION_TYPE = "amazon-eventbridge-source";

/** The collection path of the Integrations API. */
export const integrationsPath = "/api/v2/integrations";

/** The path of one integration; ids are percent-encoded. */
export function integrationPath(id: string): string {
  return `${integrationsPath}/${encodeURIComponent(id)}`;
}

/** The path of one integration's current configuration. */
export function configPath(id: string): string {
  return `${integrationPath(id)}/config/current`;
}

/** The path of one page of EventBridge source integrations, with their current configuration expanded. */
export function listingPath(pageNumber: number, pageSize: number): string {
  const query = new URLSearchParams({
    integrationType: EVENTBRIDGE_INTEGRATION_TYPE,
    expand: "config.current",
    pageSize: String(pageSize),
    pageNumber: String(pageNumber),
  });
  return `${integrationsPath}?${query.toString()}`;
}

/** The path of the caller's organization. */
export const organizationPath = "/api/v2/organizations/me";

/** The path of the platform's notification topic catalog. */
export const availableTopicsPath = "/api/v2/notifications/availabletopics";

/** The path of one page of the topic catalog with each topic's description, event schema and transports. */
export function topicCatalogPath(pageNumber: number): string {
  const query = new URLSearchParams({ expand: "description,schema,transports" });
  if (pageNumber > 1) query.set("pageNumber", String(pageNumber));
  return `${availableTopicsPath}?${query.toString()}`;
}
