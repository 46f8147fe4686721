import { Condition, isScalar, Scalar } from "../condition";
import { MIN_NORMAL_NUMBER, NUMBER_COMPARISON_LIMIT } from "../evaluate-condition";
import { preview } from "../preview";
import { NumericMatcher, PatternMatcher } from "./event-pattern";
import { looksLikeIpAddress } from "./ip-address";
import { unexpressible, Unexpressible } from "./unexpressible";

/**
 * The bound of EventBridge numeric matching: values between -1.0e9 and
 * +1.0e9 inclusive (Amazon EventBridge User Guide, "Content filtering in
 * Amazon EventBridge event patterns", Numeric matching). Every numeric
 * matcher the compiler emits carries both bounds, so a number outside this
 * range never matches, as the definition says (`NUMBER_COMPARISON_LIMIT`).
 */
export const NUMERIC_MATCH_LIMIT = NUMBER_COMPARISON_LIMIT;

/** The most digits right of the decimal point a numeric matcher bound may have. */
export const NUMERIC_MATCH_DECIMALS = 6;

/** A filter condition with its property path, e.g. `filters[0].conditions[1]`. */
export interface PlacedCondition {
  readonly condition: Condition;
  readonly path: string;
}

/**
 * The matcher array for one event field: `matchers` is what the pattern
 * puts under the field (`undefined`: nothing, the field is unconstrained),
 * `unsupported` the conditions it cannot express (each left out).
 */
export interface FieldMatchers {
  readonly matchers: ReadonlyArray<PatternMatcher> | undefined;
  readonly unsupported: ReadonlyArray<Unexpressible>;
}

interface Bound {
  readonly value: number;
  readonly path: string;
}

/**
 * Translates the conditions one filter places on one field into a single
 * matcher array. The conditions of a filter all must hold for one value of
 * the field, but the elements of a matcher array are alternatives, so the
 * conditions are combined first: `eq`/`in` narrow a finite set of exact
 * values (which `neq` and numeric bounds then filter), `gte`/`lte` with
 * numbers become one numeric range, always closed by
 * {@link NUMERIC_MATCH_LIMIT} on both sides (a range whose bounds meet is
 * that exact number), and `neq` alone becomes one
 * anything-but. An exact string shaped like an IP address becomes a
 * wildcard matcher without `*`, which compares text: EventBridge compares
 * an exact IP-shaped string as an address (`"10.0.0.1"` would match
 * `"010.0.0.1"`).
 *
 * Reported at the condition's path and left out: `gte`/`lte` with an ISO
 * 8601 timestamp (numeric matching needs JSON numbers), bounds with more
 * than {@link NUMERIC_MATCH_DECIMALS} decimals, exact numbers a double
 * cannot stand for unambiguously (beyond 2^53 - 1 in magnitude, where an
 * event's integer may differ from the double it reads as, and which
 * EventBridge then compares as text; or subnormal), `neq` with a boolean or
 * null, `neq` on a number inside a numeric range, and conditions no value
 * can meet (each condition on the field is then reported). Pure; never
 * throws.
 */
export function fieldMatchers(field: string, conditions: ReadonlyArray<PlacedCondition>): FieldMatchers {
  const unsupported: Unexpressible[] = [];
  const used: string[] = [];
  let allowed: Scalar[] | undefined;
  const excluded: Array<{ readonly value: Scalar; readonly path: string }> = [];
  let lower: Bound | undefined;
  let upper: Bound | undefined;

  for (const { condition, path } of conditions) {
    const { operator, value } = condition;
    const problem = operator === "gte" || operator === "lte" ? numericBoundProblem(operator, value) : exactValueProblem(operator, value);
    if (problem !== undefined) {
      unsupported.push(unexpressible(path, problem));
      continue;
    }
    used.push(path);
    if (operator === "eq") allowed = intersect(allowed, [value as Scalar]);
    else if (operator === "in") allowed = intersect(allowed, value as ReadonlyArray<Scalar>);
    else if (operator === "neq") excluded.push({ value: value as Scalar, path });
    else if (operator === "gte") lower = lower === undefined || (value as number) > lower.value ? { value: value as number, path } : lower;
    else upper = upper === undefined || (value as number) < upper.value ? { value: value as number, path } : upper;
  }

  const never = (): FieldMatchers => ({
    matchers: undefined,
    unsupported: [
      ...unsupported,
      ...used.map((path) =>
        unexpressible(path, `no value of ${field} meets every condition on it in this filter, so the filter can never match; an event pattern cannot match nothing`),
      ),
    ],
  });
  const ranged = lower !== undefined || upper !== undefined;
  const low = Math.max(lower?.value ?? -NUMERIC_MATCH_LIMIT, -NUMERIC_MATCH_LIMIT);
  const high = Math.min(upper?.value ?? NUMERIC_MATCH_LIMIT, NUMERIC_MATCH_LIMIT);
  const inRange = (v: Scalar): boolean => !ranged || (typeof v === "number" && v >= low && v <= high);

  // EventBridge refuses a numeric range whose bounds meet: it is the one number itself.
  if (ranged && low === high) allowed = intersect(allowed, [low]);
  if (allowed !== undefined) {
    const kept = allowed.filter((v) => inRange(v) && !excluded.some((e) => e.value === v));
    return kept.length === 0 ? never() : { matchers: kept.map(exactMatcher), unsupported };
  }
  if (ranged) {
    if (low > high) return never();
    for (const e of excluded) {
      if (typeof e.value === "number" && inRange(e.value)) {
        unsupported.push(unexpressible(e.path, `EventBridge cannot combine anything-but ${e.value} with a numeric range on ${field} in one matcher array (its elements are alternatives)`));
      }
    }
    const range: NumericMatcher = { numeric: [">=", low, "<=", high] };
    return { matchers: [range], unsupported };
  }
  if (excluded.length > 0) return anythingBut(excluded, unsupported);
  return { matchers: undefined, unsupported };
}

/**
 * The matcher for one exact value: the value itself, or for a string shaped
 * like an IP address a `wildcard` without `*` (such strings hold no `*` or
 * `\`), which EventBridge compares as text rather than as an address
 * (Amazon EventBridge User Guide, "Content filtering in Amazon EventBridge
 * event patterns", Wildcard matching).
 */
export function exactMatcher(value: Scalar): PatternMatcher {
  return typeof value === "string" && looksLikeIpAddress(value) ? { wildcard: value } : value;
}

function intersect(current: Scalar[] | undefined, values: ReadonlyArray<Scalar>): Scalar[] {
  const unique = values.filter((v, i) => values.indexOf(v) === i);
  return current === undefined ? unique : current.filter((v) => unique.includes(v));
}

function exactValueProblem(operator: "eq" | "neq" | "in", value: unknown): string | undefined {
  if (operator === "in") {
    if (!Array.isArray(value) || !value.every(isScalar)) return `in needs an array of scalars, found ${preview(value)}`;
    const bad = value.find((v) => typeof v === "number" && exactNumberProblem(v) !== undefined) as number | undefined;
    return bad === undefined ? undefined : `in ${exactNumberProblem(bad)}`;
  }
  if (!isScalar(value)) return `${operator} needs a scalar value, found ${preview(value)}`;
  if (typeof value === "number") {
    const problem = exactNumberProblem(value);
    if (problem !== undefined) return `${operator} ${problem}`;
  }
  if (operator === "neq" && (typeof value === "boolean" || value === null)) {
    return `neq ${JSON.stringify(value)} cannot be expressed: EventBridge anything-but matching takes strings and numbers only`;
  }
  return undefined;
}

function exactNumberProblem(value: number): string | undefined {
  if (Math.abs(value) > Number.MAX_SAFE_INTEGER) {
    return `${value} cannot be matched exactly: beyond 2^53 - 1 a double does not hold every integer, so an event's integer can differ from the double it reads as, and EventBridge then compares the number's text`;
  }
  if (value !== 0 && Math.abs(value) < MIN_NORMAL_NUMBER) return `${value} is too close to zero for EventBridge to compare (a subnormal double)`;
  return undefined;
}

function numericBoundProblem(operator: "gte" | "lte", value: unknown): string | undefined {
  if (typeof value === "string") {
    return `${operator} with the timestamp ${JSON.stringify(value)} cannot be expressed: EventBridge numeric matching compares JSON numbers only, and string matchers have no ordering`;
  }
  if (typeof value !== "number" || !Number.isFinite(value)) return `${operator} needs a number, found ${preview(value)}`;
  if (decimals(value) > NUMERIC_MATCH_DECIMALS) {
    return `${operator} ${value} has more than ${NUMERIC_MATCH_DECIMALS} digits right of the decimal point, beyond EventBridge numeric matching precision`;
  }
  return undefined;
}

function decimals(value: number): number {
  const text = String(value);
  if (text.includes("e-")) return Number.POSITIVE_INFINITY;
  const dot = text.indexOf(".");
  return dot === -1 ? 0 : text.length - dot - 1;
}

function anythingBut(
  excluded: ReadonlyArray<{ readonly value: Scalar; readonly path: string }>,
  unsupported: Unexpressible[],
): FieldMatchers {
  const strings: string[] = [];
  const numbers: number[] = [];
  for (const e of excluded) {
    if (typeof e.value === "string") strings.push(e.value);
    else numbers.push(e.value as number);
  }
  if (strings.length > 0 && numbers.length > 0) {
    for (const e of excluded) {
      if (typeof e.value === "number") {
        unsupported.push(unexpressible(e.path, `neq ${e.value} cannot join the string exclusions: an anything-but list holds only strings or only numbers`));
      }
    }
  }
  const chosen: ReadonlyArray<string | number> = strings.length > 0 ? unique(strings) : unique(numbers);
  const value = chosen.length === 1 ? chosen[0] : (chosen as ReadonlyArray<string> | ReadonlyArray<number>);
  return { matchers: [{ "anything-but": value }], unsupported };
}

function unique<T>(values: ReadonlyArray<T>): T[] {
  return values.filter((v, i) => values.indexOf(v) === i);
}
