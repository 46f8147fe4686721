/**
 * The emulator layer: a real HTTP server on loopback that speaks the Genesys
 * Cloud contracts this package uses (OAuth client credentials, the
 * event-streams API, the Integrations API, the caller's organization, the
 * notification topic catalog), with fault injection, a request journal and an admin API.
 */
export type { EmulatorOptions, RunningEmulator } from "./server";
export { startEmulator, defaultRouteModules } from "./server";
export { bindRefusal, isLoopback, bearerMatches } from "./bind";
export { MAX_REQUEST_BODY_BYTES } from "./http-io";
export type { StateOptions } from "./state";
export { EmulatorState, defaultCredentials, defaultOrganizationId } from "./state";
export type { Access, EmulatorRequest, Route, RouteModule, Match } from "./router";
export { Router } from "./router";
export type { Reply, ErrorDetailBody } from "./http-io";
export { genesysError } from "./http-io";
export type { StoredDocument, Preconditions, WriteResult } from "./collection";
export { VersionedCollection, etagOf, parseEtagList } from "./collection";
export type { ArmedFault } from "./faults";
export { FaultSpec, FaultAction, FaultTable, pathMatches } from "./faults";
export type { JournalEntry } from "./journal";
export { Journal } from "./journal";
export type { RateLimitSettings, RateVerdict } from "./rate-limit";
export { RateLimiter } from "./rate-limit";
export type { Standing, WindowVerdict } from "./rate-windows";
export { RateWindows, WindowLimit, WindowLimits, generousAllowance, standingHeaders } from "./rate-windows";
export { TokenIssuer } from "./tokens";
export { oauthRoutes } from "./routes/oauth";
export { eventStreamRoutes, EVENT_STREAMS } from "./routes/event-streams";
export { adminRoutes } from "./routes/admin";
export { integrationRoutes } from "./routes/integrations";
export { integrationAdminRoutes } from "./routes/integrations-admin";
export { organizationRoutes, emulatedOrganization, emulatorProducts } from "./routes/organizations";
export { integrationTypeRoutes, integrationTypesPath, eventBridgeSourceTypeDetails, eventBridgeSourceConfigSchemas } from "./routes/integration-types";
export { INTEGRATIONS, StoredConfig, StoredIntegration, asIntegration, eventBridgePropertyProblems } from "./routes/integration-records";
export type { LaggingRead } from "./routes/integration-lag";
export { IntegrationReadLag } from "./routes/integration-lag";
export { notificationRoutes, availableTopicsPath } from "./routes/notifications";
export type { TopicExpansion } from "./catalog/available-topic";
export { AvailableTopic, AvailableTopicEntityListing, topicExpansions, isTopicExpansion, presentTopic, isPreviewTopic, checkTopicListing } from "./catalog/available-topic";
export { emulatorTopicCatalog } from "./catalog/topics";
