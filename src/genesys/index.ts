/**
 * The Genesys layer: HTTP, OAuth and Genesys Cloud API adapters behind the
 * `SourceApi` port. Knows HTTP and Genesys, never Pulumi.
 */
export type {
  SourceApi,
  WriteOutcome,
  WriteFailure,
  WriteError,
  WriteRecord,
  WriteAudit,
  WriteStatus,
  AuditUnavailable,
  CreateRequest,
  UpdateRequest,
  DeleteRequest,
  OperationRequest,
} from "./port";
export type { AuditMark } from "../definition/vocabulary/audit-entry";
export type { SourcePrimitives, Created, Written, RemoteSource, WriteOptions, WriteTarget } from "./primitives";
export type { ProtocolOptions } from "./write-protocol";
export { sourceApi, createSource, updateSource, deleteSource, readSource } from "./write-protocol";
export { conditionalWrite } from "./conditional-write";
export { pollUntil } from "./poll";
export type { PollOptions } from "./poll";
export { inOperation, currentOperation, reportProgress } from "./operation-scope";
export type { OperationScope } from "./operation-scope";
export { RequestGate, gateFor } from "./limiter";
export { ownerMarker, ownerNote, ownerFromNote } from "./ownership";
export type {
  GenesysError,
  GenesysErrorTag,
  ErrorContext,
  FieldProblem,
  Unauthorized,
  Forbidden,
  NotFound,
  Conflict,
  PreconditionFailed,
  BadRequest,
  RateLimited,
  ServerError,
  Network,
  Decode,
} from "./errors";
export {
  unauthorized,
  forbidden,
  notFound,
  conflict,
  preconditionFailed,
  badRequest,
  rateLimited,
  serverError,
  network,
  decodeError,
  contextOf,
} from "./errors";
export { describeError, describeWriteError, toError } from "./describe";
export { redact, REDACTED } from "../http";
export type { Hosts, HostSettings, UnknownRegion } from "./regions";
export { regionDomains, resolveHosts, domainOf, describeUnknownRegion } from "./regions";
export type { RetryPolicy, AttemptResult, RetryDecision, TransportFailure } from "../http";
export {
  defaultRetryPolicy,
  retryPolicy,
  shouldRetry,
  delayMs,
  decide,
  parseRetryAfter,
  isRetryableStatus,
  isRetryableFailure,
  failureKind,
} from "../http";
export type { Clock } from "./clock";
export { systemClock } from "./clock";
export type { Transport, TransportOptions, HttpRequest, HttpAnswer, Logger } from "./http";
export { createTransport } from "./http";
export type { CachedToken } from "./token-cache";
export { TokenCache, sharedTokenCache } from "./token-cache";
export type { TokenSource, OAuthClient, Granted } from "./oauth";
export { clientCredentials, isTokenThrottling, refreshMarginMs, TokenResponse } from "./oauth";
export type { ClientSettings, GenesysClient, ApiRequest } from "./client";
export { createGenesysClient } from "./client";
export { ErrorBody, ErrorDetail, OAuthErrorBody } from "./error-body";
export { changedPaths } from "../definition/changed-paths";
export type { EventStreamsOptions } from "./event-streams";
export { EventStreamsApi } from "./event-streams";
export type { IntegrationsOptions, IntegrationSource, IntegrationState, EventBridgeProperties, ExportedDefinition } from "./integrations";
export {
  IntegrationsApi,
  EVENTBRIDGE_INTEGRATION_TYPE,
  desiredIntegrationState,
  remoteIntegrationState,
  normaliseEventFilter,
  partnerEventSourceName,
  isVersionConflict,
  definitionOfIntegration,
  roleArnPlaceholder,
  topicCatalogOf,
} from "./integrations";
export type { SourceApiSettings, SettingsError } from "./factory";
export { createSourceApi, sourceApiFor, describeSettingsError } from "./factory";
