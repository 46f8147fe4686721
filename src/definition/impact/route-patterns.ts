import { compileEventPattern } from "../eventbridge/compile-pattern";
import type { EventPattern } from "../eventbridge/event-pattern";
import { patternMatcher } from "../eventbridge/match-pattern";
import type { SourceDefinition } from "../source-definition";

/**
 * The event patterns of a definition's rules, as the AWS route compiles
 * them (`compileEventPattern`, without `source`: a partner event bus
 * receives one partner event source only), one per rule. The one place
 * impact reads the compiled route's patterns from. Pure.
 */
export function routePatterns(def: Pick<SourceDefinition, "filters">): ReadonlyArray<EventPattern> {
  return compileEventPattern(def).patterns;
}

/** Whether a route selects an event envelope. */
export type RouteSelector = (envelope: unknown) => boolean;

/** Whether any of the route's patterns selects an envelope, as EventBridge judges it (see `matchesPattern`); each pattern is prepared once. Pure. */
export function routeSelector(patterns: ReadonlyArray<EventPattern>): RouteSelector {
  const matchers = patterns.map(patternMatcher);
  return (envelope) => matchers.some((m) => m(envelope));
}
