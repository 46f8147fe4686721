/**
 * `genesys-eventbridge/aws`: the AWS side of a Genesys Cloud EventBridge
 * source as a Pulumi component (`EventBridgeRoute`: the source, the partner
 * event bus, the rule with the compiled event pattern and the targets with
 * the compiled input transformer, or the transform stage). Needs `@pulumi/aws` (a peer dependency).
 */
export { EventBridgeRoute, EventBridgeRouteArgs, EVENTBRIDGE_ROUTE_TYPE } from "./route";
export type { RouteTarget, GrantContext } from "./targets";
export { sqsQueueTarget, sendFromRulePolicy } from "./sqs-queue-target";
export { declareTransformStage, sendPolicy, startPolicy, assumedBy } from "./transform-stage";
export type { TransformStage, TransformStageArgs } from "./transform-stage";
export type { SqsQueueRef } from "./sqs-queue-target";
export { reportedPartnerEventSourceName } from "./partner-event-source";
export { compileRoute, partnerEventSourceNameOf } from "../definition";
export type { CompiledRoute, RouteInputTransformer, RouteTransform, Undelivered } from "../definition";
