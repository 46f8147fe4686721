import type { SourceDefinition } from "../source-definition";
import { compileEventPattern } from "./compile-pattern";
import { compileInputTransformer } from "./input-transformer";
import { compileTransformStage, RouteTransform } from "./transform-stage";
import type { Unexpressible } from "./unexpressible";

/** Which part of the AWS route an {@link Undelivered} entry is about. */
export type RoutePart = "eventPattern" | "inputTransformer";

/**
 * A part of a definition the AWS route does not carry out, at its property
 * path (`filters[1].conditions[0]`, `transformations[2]`; `""` for the
 * definition as a whole), with the reason in words. In the `eventPattern`
 * part it is a condition the rule leaves out, so the rule matches more than
 * the definition says; in the `inputTransformer` part a directive or
 * mapping the target does not receive (or receives only for some values, as
 * the reason says), which happens only without a transform stage.
 */
export interface Undelivered extends Unexpressible {
  readonly part: RoutePart;
}

/** An input transformer as `aws.cloudwatch.EventTarget`'s `inputTransformer` takes it. */
export interface RouteInputTransformer {
  /** Variables mapped to JSON paths into the event (the API's `InputPathsMap`). */
  readonly inputPaths: Readonly<Record<string, string>>;
  /** The template the variables are placed in. */
  readonly inputTemplate: string;
}

/** The AWS side of a definition: the rules' event patterns, the targets' input transformer, and what they do not carry out. */
export interface CompiledRoute {
  /**
   * The event patterns as compact JSON, one per rule (`aws.cloudwatch.EventRule`'s
   * `eventPattern`): usually one; several when one rule cannot hold the
   * filters (see `compileEventPattern`). No event matches two of them.
   */
  readonly eventPatterns: ReadonlyArray<string>;
  /** The event pattern, present only when there is exactly one rule. */
  readonly eventPattern?: string;
  readonly inputTransformer: RouteInputTransformer;
  /**
   * The transform stage between the rule and the targets: `null` when the
   * input transformer carries every directive and mapping, else the stage
   * that produces the projected event (the input transformer is then not used).
   */
  readonly transform: RouteTransform;
  /** Per condition, directive or mapping, what the route does not carry out, event pattern entries first. */
  readonly undelivered: ReadonlyArray<Undelivered>;
}

/** Options of {@link compileRoute}. */
export interface RouteOptions {
  /** The event pattern size limit, when the account's quota was raised above 2048 characters. */
  readonly maxPatternChars?: number;
  /** `false`: no transform stage; what the input transformer cannot carry stays in `undelivered`. Default `true`. */
  readonly transformStage?: boolean;
}

/**
 * Compiles the AWS side of a definition: the event patterns of the rules
 * on the partner event bus (the filters and their conditions, see
 * `compileEventPattern`; one rule unless EventBridge refuses it) and the
 * input transformer of their targets (the
 * transformations and attribute mappings, see `compileInputTransformer`),
 * with every part they do not carry out. When the input transformer cannot
 * carry every directive and mapping, `transform` is the stage that does
 * (see `compileTransformStage`) and those entries leave `undelivered`.
 *
 * `partnerEventSourceName` is optional: without it the pattern has no
 * `source` field, which changes nothing on a partner event bus (it receives
 * one partner event source only) and keeps the pattern independent of a
 * name Genesys reports only after it created the source, so a Pulumi
 * program computes the whole route at preview time. Give it when the rule
 * may sit on a bus that receives other sources. Pure; never throws.
 */
export function compileRoute(
  definition: Pick<SourceDefinition, "filters" | "transformations" | "attributeMappings">,
  partnerEventSourceName?: string,
  options: RouteOptions = {},
): CompiledRoute {
  const pattern = compileEventPattern(definition, partnerEventSourceName, { maxChars: options.maxPatternChars });
  const transformer = compileInputTransformer(definition);
  const transform = options.transformStage === false ? null : compileTransformStage(definition, transformer);
  return {
    eventPatterns: pattern.jsons,
    ...(pattern.jsons.length === 1 ? { eventPattern: pattern.jsons[0] } : {}),
    inputTransformer: { inputPaths: transformer.inputPathsMap, inputTemplate: transformer.inputTemplate },
    transform,
    undelivered: [
      ...pattern.unsupported.map((u) => ({ part: "eventPattern" as const, ...u })),
      ...(transform === null ? transformer.unsupported.map((u) => ({ part: "inputTransformer" as const, ...u })) : []),
    ],
  };
}

/** The entries of a route whose rule would match more than the definition says: each is a reason not to deploy it. */
export function patternGaps(route: Pick<CompiledRoute, "undelivered">): ReadonlyArray<Undelivered> {
  return route.undelivered.filter((u) => u.part === "eventPattern");
}

/** One line for an entry: `<path>: <reason>`, `(definition)` standing for the empty path. */
export function formatUndelivered(u: Unexpressible): string {
  return `${u.path === "" ? "(definition)" : u.path}: ${u.reason}`;
}
