/**
 * The source definition layer: codecs, validation, payload building,
 * canonical JSON and hashing, sample projection and diffs, the delivery
 * impact of a change on recorded events, and the AWS
 * EventBridge route compiled from a definition (`./eventbridge`). Pure: no I/O.
 */
export { SourceDefinition, DefinitionId, EventSourceSuffix, EventStreamType } from "./source-definition";
export type { SourceDefinitionInput } from "./source-definition";
export { Configuration, AwsAccountId, AwsRegion, RoleArn } from "./configuration";
export { Filter } from "./filter";
export { Condition, ConditionValue, Operator, OPERATORS, isScalar } from "./condition";
export type { Scalar } from "./condition";
export { Transformation, DirectiveType, DIRECTIVE_TYPES, Format, FORMATS } from "./transformation";
export { AttributeMapping } from "./attribute-mapping";
export { SampleEvent, SampleEvents, EventBody, decodeSamples } from "./sample-event";
export { struct, list, withDefault, oneOf, leaf, text, StructType, ListType, DefaultedType } from "./codec-kit";
export type { InputOf, Finding, Shape, StructOf } from "./codec-kit";
export { EventType, eventTypeMatches, ID_PLACEHOLDER } from "./event-type";
export { FieldPath, parseFieldPath, FIELD_PATH_MAX_DEPTH, FIELD_SEGMENT, FORBIDDEN_SEGMENTS } from "./field-path";
export { ExtractPath, parseExtractPath } from "./extract-path";
export type { ExtractStep } from "./extract-path";
export { AWS_REGIONS, partitionOfRegion } from "./aws-regions";
export type { AwsPartition } from "./aws-regions";
export { parseRoleArn } from "./role-arn";
export type { RoleArnParts } from "./role-arn";
export { definitionIssue, formatIssue, WHOLE_DEFINITION } from "./issue";
export type { DefinitionIssue } from "./issue";
export { validateDefinition } from "./validate";
export { buildPayload } from "./payload";
export type { EventStreamPayload } from "./payload";
export { canonicalJson, payloadHash, payloadBytes, MAX_PAYLOAD_BYTES } from "./canonical-json";
export { eventSourceSuffixOf, EVENT_SOURCE_SUFFIX_MAX_LENGTH } from "./event-source-suffix";
export { projectSamples, projectEvent } from "./projection";
export type { Projection } from "./projection";
export { evaluateCondition, NUMBER_COMPARISON_LIMIT } from "./evaluate-condition";
export type { ConditionOutcome } from "./evaluate-condition";
export { applyFormat } from "./formats";
export { parseIsoTimestamp, timestampOf } from "./timestamp";
export { diffDefinitions } from "./diff";
export { evaluateFilter } from "./evaluate-filter";
export { selectEvent, filtersFor } from "./select-event";
export type { Selection } from "./select-event";
export type { FilterOutcome } from "./evaluate-filter";
export { eventFieldValues } from "./event-fields";
export type { FieldValue, ArrayMembership } from "./event-fields";
export { compileRoute, patternGaps, formatUndelivered } from "./eventbridge/route";
export { compileEventPattern, EVENT_PATTERN_MAX_CHARS, EVENT_BODY_PATH } from "./eventbridge/compile-pattern";
export { compileInputTransformer, INPUT_PATHS_MAX, INPUT_TEMPLATE_MAX_CHARS, INPUT_PATH_MAX_CHARS } from "./eventbridge/input-transformer";
export { partnerEventSourceNameOf } from "./eventbridge/partner-event-source";
export { matchesPattern } from "./eventbridge/match-pattern";
export { applyInputTransformer } from "./eventbridge/apply-input-transformer";
export { compileTransformStage } from "./eventbridge/transform-stage";
export { compileJsonataExpression } from "./eventbridge/jsonata-expression";
export type { CompiledRoute, RouteInputTransformer, RouteOptions, RoutePart, Undelivered } from "./eventbridge/route";
export type { EventPatternResult, EventPatternOptions } from "./eventbridge/compile-pattern";
export type { EventPattern, PatternMatcher, NumericMatcher, AnythingButMatcher, WildcardMatcher } from "./eventbridge/event-pattern";
export type { InputTransformer, InputTransformerResult } from "./eventbridge/input-transformer";
export type { Unexpressible } from "./eventbridge/unexpressible";
export type { JsonataTransform, RouteTransform } from "./eventbridge/transform-stage";
export { changedPaths } from "./changed-paths";
export { parseStrictJson, describeJsonProblem, JSON_MAX_DEPTH, TOP_LEVEL } from "./strict-json";
export type { JsonProblem, TextPosition } from "./strict-json";
export { firstLoneSurrogate, valueHygieneIssues, loneSurrogateMessage } from "./well-formed";
export { deliveryImpact } from "./impact/impact";
export type { DeliveryImpact, EventImpact, EventChange, ImpactExample, ImpactTotals, ImpactOptions } from "./impact/impact";
export { corpusEventOf, decodeCorpus, envelopeOf } from "./impact/corpus-event";
export type { CorpusEvent } from "./impact/corpus-event";
export { impactLine, exampleLines } from "./impact/summary";
