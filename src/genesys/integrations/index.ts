/** The integrations adapter: the real Genesys Cloud contract for EventBridge sources (`amazon-eventbridge-source`). */
export type { IntegrationsOptions, IntegrationSource } from "./adapter";
export { IntegrationsApi } from "./adapter";
export { Integration, IntegrationConfiguration, IntegrationListing, IntegrationStatusInfo, IntegrationTypeRef, Organization } from "./codec";
export { EVENTBRIDGE_INTEGRATION_TYPE, configPath, integrationPath, integrationsPath, listingPath, organizationPath, availableTopicsPath, topicCatalogPath } from "./paths";
export type { EventBridgeProperties, IntegrationState } from "./state";
export {
  PROPERTY_KEYS,
  desiredIntegrationState,
  normaliseEventFilter,
  partnerEventSourceName,
  propertiesOf,
  remoteIntegrationState,
} from "./state";
export { organizationIdOf } from "./organization";
export { topicCatalogOf } from "./topic-catalog";
export { isVersionConflict } from "./version-conflict";
export type { ExportedDefinition } from "./definition-of";
export { definitionOfIntegration, roleArnPlaceholder } from "./definition-of";
