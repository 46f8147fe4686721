/**
 * The Pulumi-facing layer: the `EventBridgeSource` resource, its provider, the
 * webhook resource hook and the provider settings.
 */
export { EventBridgeSource, EventBridgeSourceArgs, EVENTBRIDGE_SOURCE_MODULE, EVENTBRIDGE_SOURCE_TYPE } from "./resource";
export { eventBridgeSourceProvider } from "./provider";
export { webhookHook, WebhookHookOptions } from "./webhook-hook";
export { readSettings, ProviderSettings } from "./settings";
export { ApiKind, API_KINDS } from "../definition/vocabulary/api-kind";
export type { SourceOutputs, SourceMetrics } from "./outputs";
export type { SourceInputs, Inputs, InputProps } from "./inputs";
export { SteeringInputs, decodeSteering } from "./steering";
export { ConflictPolicy, CONFLICT_POLICIES } from "../definition/vocabulary/conflict-policy";
export { IntendedState, INTENDED_STATES } from "../definition/vocabulary/intended-state";
export type { SteeringInputsInput } from "./steering";
