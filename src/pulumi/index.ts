/**
 * The Pulumi-facing layer: the `EventBridgeSource` resource, its provider, the
 * webhook resource hook and the provider settings.
 */
export { EventBridgeSource, EventBridgeSourceArgs, EVENTBRIDGE_SOURCE_MODULE, EVENTBRIDGE_SOURCE_TYPE } from "./resource";
export { eventBridgeSourceProvider } from "./provider";
export { webhookHook, WebhookHookOptions } from "./webhook-hook";
export { readSettings, ProviderSettings, ApiKind } from "./settings";
export type { SourceOutputs, SourceMetrics } from "./outputs";
export type { SourceInputs, Inputs, InputProps } from "./inputs";
export { SteeringInputs, ConflictPolicy, IntendedState, CONFLICT_POLICIES, INTENDED_STATES, decodeSteering } from "./steering";
export type { SteeringInputsInput } from "./steering";
