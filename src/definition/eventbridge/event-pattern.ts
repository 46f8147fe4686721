import type { Scalar } from "../condition";

/**
 * A numeric matcher of an EventBridge event pattern: comparison operators
 * and bounds, e.g. `{ "numeric": [">=", 30, "<=", 60] }`. Matches JSON
 * numbers only.
 */
export interface NumericMatcher {
  readonly numeric: ReadonlyArray<string | number>;
}

/**
 * An anything-but matcher: matches any present value except the given
 * string or number, or any value outside a list of only strings or only
 * numbers (the shapes the EventBridge user guide documents).
 */
export interface AnythingButMatcher {
  readonly "anything-but": string | number | ReadonlyArray<string> | ReadonlyArray<number>;
}

/**
 * A wildcard matcher: matches strings against a glob where `*` stands for
 * any run of characters. The compiler emits it without `*`, as an exact
 * text match for strings EventBridge would otherwise compare as IP
 * addresses.
 */
export interface WildcardMatcher {
  readonly wildcard: string;
}

/**
 * One element of a field's matcher array in an event pattern: an exact JSON
 * scalar (string, number, boolean or null), an anything-but, a numeric or a
 * wildcard matcher. The elements of one array are alternatives (OR).
 */
export type PatternMatcher = Scalar | AnythingButMatcher | NumericMatcher | WildcardMatcher;

/**
 * An EventBridge event pattern (or a nested part of one): each key is an
 * event field, holding either a matcher array (the field must be present and
 * match one element) or a nested pattern for an object field. The key `$or`
 * holds alternative patterns, one of which must match besides the other keys.
 * Keys are ANDed.
 */
export interface EventPattern {
  readonly [field: string]: ReadonlyArray<PatternMatcher> | EventPattern | ReadonlyArray<EventPattern>;
}

/** The key under which an event pattern lists alternative patterns. */
export const OR_KEY = "$or";
