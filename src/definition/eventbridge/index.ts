/**
 * The AWS EventBridge side of a definition, compiled by pure functions: the
 * rule's event pattern (filters and conditions), the target's input
 * transformer (transformations and attribute mappings), the transform
 * stage (a JSONata expression and the Step Functions state machine around
 * it) where the input transformer does not suffice, the partner event
 * source name, and test doubles of the service's matcher and transformer.
 */
export { compileRoute, patternGaps, formatUndelivered } from "./route";
export type { CompiledRoute, RouteInputTransformer, RouteOptions, RoutePart, Undelivered } from "./route";
export { compileEventPattern, EVENT_PATTERN_MAX_CHARS, EVENT_BODY_PATH } from "./compile-pattern";
export type { EventPatternResult, EventPatternOptions } from "./compile-pattern";
export type { EventPattern, PatternMatcher, NumericMatcher, AnythingButMatcher, WildcardMatcher } from "./event-pattern";
export { OR_KEY } from "./event-pattern";
export { fieldMatchers, exactMatcher, NUMERIC_MATCH_LIMIT, NUMERIC_MATCH_DECIMALS } from "./field-matchers";
export type { FieldMatchers, PlacedCondition } from "./field-matchers";
export { OR_RESERVED_FIELD_NAMES } from "./reserved-names";
export { looksLikeIpAddress, ipAddressBytes } from "./ip-address";
export { compileInputTransformer, INPUT_PATHS_MAX, INPUT_TEMPLATE_MAX_CHARS, INPUT_PATH_MAX_CHARS } from "./input-transformer";
export type { InputTransformer, InputTransformerResult } from "./input-transformer";
export { variableNames, VARIABLE_NAME_MAX_CHARS } from "./input-variable-names";
export { partnerEventSourceNameOf, GENESYS_PARTNER_PREFIX } from "./partner-event-source";
export { matchesPattern } from "./match-pattern";
export { applyInputTransformer } from "./apply-input-transformer";
export { unexpressible, byPath } from "./unexpressible";
export type { Unexpressible } from "./unexpressible";
export { compileTransformStage } from "./transform-stage";
export type { JsonataTransform, RouteTransform } from "./transform-stage";
export { compileJsonataExpression } from "./jsonata-expression";
export { stageTargetOf, STAGE_TARGET_KINDS, STAGE_EVENT_SOURCE } from "./stage-targets";
export type { StageTarget, StageTargetKind } from "./stage-targets";
export { transformStateMachine, STAGE_SEND_ATTEMPTS } from "./state-machine";
export type { StateMachineInput } from "./state-machine";
