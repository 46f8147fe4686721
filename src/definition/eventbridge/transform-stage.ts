import type { SourceDefinition } from "../source-definition";
import { compileInputTransformer, InputTransformerResult } from "./input-transformer";
import { compileJsonataExpression } from "./jsonata-expression";

/**
 * The transform stage between the rule and the targets: a JSONata
 * expression that an AWS Step Functions Express state machine evaluates on
 * each event the rule selects, sending the result to the targets.
 */
export interface JsonataTransform {
  readonly kind: "jsonata";
  /** Evaluated with `$states.input` bound to the EventBridge event (`detail-type`, `detail.eventBody`); gives the projected event. */
  readonly expression: string;
}

/** What a route deploys between its rule and its targets: nothing (`null`) when the input transformer carries everything. */
export type RouteTransform = JsonataTransform | null;

/**
 * Decides the route's transform stage: `null` when the targets' input
 * transformer delivers every directive and mapping exactly, else a JSONata
 * stage that produces the whole projected event (the input transformer then
 * is not used). A `string` transform counts as not carried: an input
 * transformer inserts its value unescaped, which breaks for some values.
 * `transformer` is the definition's compiled input transformer when the
 * caller has it already. Pure; never throws.
 */
export function compileTransformStage(
  def: Pick<SourceDefinition, "transformations" | "attributeMappings">,
  transformer: Pick<InputTransformerResult, "unsupported"> = compileInputTransformer(def),
): RouteTransform {
  if (transformer.unsupported.length === 0) return null;
  return { kind: "jsonata", expression: compileJsonataExpression(def) };
}
