/**
 * genesys-eventbridge: Genesys Cloud EventBridge sources as Pulumi resources.
 *
 * The resource, its provider and the webhook hook come from `./pulumi`, with
 * the types of a definition; the pure definition tools (validation,
 * projection, hashing, the route compiler) from `./definition`, also
 * `genesys-eventbridge/definition`. The other entry points:
 * `genesys-eventbridge/aws` (the AWS side as a component),
 * `genesys-eventbridge/webhook` (signature verification and a receiver, for
 * the warehouse side), `genesys-eventbridge/emulator` (the Genesys emulator,
 * for pipeline tests).
 */
export { EventBridgeSource, EVENTBRIDGE_SOURCE_MODULE, EVENTBRIDGE_SOURCE_TYPE } from "./pulumi/resource";
export type { EventBridgeSourceArgs } from "./pulumi/resource";
export { eventBridgeSourceProvider } from "./pulumi/provider";
export { webhookHook } from "./pulumi/webhook-hook";
export type { WebhookHookOptions } from "./pulumi/webhook-hook";
export { readSettings } from "./pulumi/settings";
export type { ProviderSettings } from "./pulumi/settings";
export { ApiKind, API_KINDS } from "./definition/vocabulary/api-kind";
export type { SourceOutputs, SourceMetrics } from "./pulumi/outputs";
export type { SourceInputs, Inputs, InputProps } from "./pulumi/inputs";
export { SteeringInputs, decodeSteering } from "./pulumi/steering";
export type { SteeringInputsInput } from "./pulumi/steering";
export { ConflictPolicy, CONFLICT_POLICIES } from "./definition/vocabulary/conflict-policy";
export { IntendedState, INTENDED_STATES } from "./definition/vocabulary/intended-state";
export * as definition from "./definition";
export type {
  SourceDefinition,
  SourceDefinitionInput,
  Configuration,
  Filter,
  Condition,
  ConditionValue,
  Operator,
  Transformation,
  DirectiveType,
  Format,
  AttributeMapping,
  SampleEvent,
  InputOf,
} from "./definition";
