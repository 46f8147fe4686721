import { Condition, isScalar, Scalar } from "./condition";
import { NumericMatcher, PatternMatcher } from "./event-pattern";
import { preview } from "./preview";
import { unexpressible, Unexpressible } from "./unexpressible";

/**
 * The bound of EventBridge numeric matching: values between -1.0e9 and
 * +1.0e9 inclusive, with 15 digits of precision or six digits right of the
 * decimal point (Amazon EventBridge User Guide, "Content filtering in Amazon
 * EventBridge event patterns", Numeric matching).
 */
export const NUMERIC_MATCH_LIMIT = 1e9;

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
 * `unsupported` the conditions it cannot express.
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
 * matcher array. The conditions of a filter all must hold, but the elements
 * of a matcher array are alternatives, so the conditions are combined first:
 * `eq`/`in` narrow a finite set of exact values (which `neq` and numeric
 * bounds then filter), `gte`/`lte` with numbers become one numeric range, and
 * `neq` alone becomes one anything-but. What cannot be combined or has no
 * EventBridge form is reported at the condition's path: `gte`/`lte` with an
 * ISO 8601 timestamp (numeric matching needs JSON numbers), bounds outside
 * {@link NUMERIC_MATCH_LIMIT}, `neq` with a boolean or null, `neq` on a
 * number inside a numeric range, and conditions that no value can meet.
 * Pure; never throws.
 */
export function fieldMatchers(field: string, conditions: ReadonlyArray<PlacedCondition>): FieldMatchers {
  const unsupported: Unexpressible[] = [];
  let allowed: Scalar[] | undefined;
  const excluded: Array<{ readonly value: Scalar; readonly path: string }> = [];
  let lower: Bound | undefined;
  let upper: Bound | undefined;

  for (const { condition, path } of conditions) {
    const { operator, value } = condition;
    if (operator === "eq" || operator === "neq") {
      if (!isScalar(value)) {
        unsupported.push(unexpressible(path, `${operator} needs a scalar value, found ${preview(value)}`));
      } else if (operator === "eq") {
        allowed = intersect(allowed, [value]);
      } else {
        excluded.push({ value, path });
      }
    } else if (operator === "in") {
      if (Array.isArray(value)) allowed = intersect(allowed, value.filter(isScalar));
      else unsupported.push(unexpressible(path, `in needs an array of scalars, found ${preview(value)}`));
    } else {
      const problem = numericBoundProblem(operator, value);
      if (problem !== undefined) {
        unsupported.push(unexpressible(path, problem));
      } else if (operator === "gte") {
        lower = lower === undefined || (value as number) > lower.value ? { value: value as number, path } : lower;
      } else {
        upper = upper === undefined || (value as number) < upper.value ? { value: value as number, path } : upper;
      }
    }
  }

  const lastPath = conditions.length > 0 ? conditions[conditions.length - 1].path : "";
  const never = (): FieldMatchers => ({
    matchers: undefined,
    unsupported: [
      ...unsupported,
      unexpressible(lastPath, `no value of ${field} meets every condition on it in this filter, so the filter can never match; an event pattern cannot match nothing`),
    ],
  });
  const inRange = (v: Scalar): boolean =>
    (lower === undefined && upper === undefined) ||
    (typeof v === "number" && (lower === undefined || v >= lower.value) && (upper === undefined || v <= upper.value));

  if (allowed !== undefined) {
    const kept = allowed.filter((v) => inRange(v) && !excluded.some((e) => e.value === v));
    return kept.length === 0 ? never() : { matchers: kept, unsupported };
  }
  if (lower !== undefined || upper !== undefined) {
    if (lower !== undefined && upper !== undefined && lower.value > upper.value) return never();
    for (const e of excluded) {
      if (typeof e.value === "number" && inRange(e.value)) {
        unsupported.push(unexpressible(e.path, `EventBridge cannot combine anything-but ${e.value} with a numeric range on ${field} in one matcher array (its elements are alternatives)`));
      }
    }
    return { matchers: [numericRange(lower, upper)], unsupported };
  }
  if (excluded.length > 0) return anythingBut(excluded, unsupported);
  return { matchers: undefined, unsupported };
}

function intersect(current: Scalar[] | undefined, values: ReadonlyArray<Scalar>): Scalar[] {
  const unique = values.filter((v, i) => values.indexOf(v) === i);
  return current === undefined ? unique : current.filter((v) => unique.includes(v));
}

function numericBoundProblem(operator: "gte" | "lte", value: unknown): string | undefined {
  if (typeof value === "string") {
    return `${operator} with the timestamp ${JSON.stringify(value)} cannot be expressed: EventBridge numeric matching compares JSON numbers only, and string matchers have no ordering`;
  }
  if (typeof value !== "number" || !Number.isFinite(value)) return `${operator} needs a number, found ${preview(value)}`;
  if (Math.abs(value) > NUMERIC_MATCH_LIMIT) {
    return `${operator} ${value} is outside the range EventBridge numeric matching supports (-1.0e9 to +1.0e9 inclusive)`;
  }
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

function numericRange(lower: Bound | undefined, upper: Bound | undefined): NumericMatcher {
  return {
    numeric: [...(lower === undefined ? [] : [">=", lower.value]), ...(upper === undefined ? [] : ["<=", upper.value])],
  };
}

function anythingBut(
  excluded: ReadonlyArray<{ readonly value: Scalar; readonly path: string }>,
  unsupported: Unexpressible[],
): FieldMatchers {
  const strings: string[] = [];
  const numbers: number[] = [];
  for (const e of excluded) {
    if (typeof e.value === "string") strings.push(e.value);
    else if (typeof e.value === "number") numbers.push(e.value);
    else unsupported.push(unexpressible(e.path, `neq ${JSON.stringify(e.value)} cannot be expressed: EventBridge anything-but matching takes strings and numbers only`));
  }
  if (strings.length > 0 && numbers.length > 0) {
    for (const e of excluded) {
      if (typeof e.value === "number") {
        unsupported.push(unexpressible(e.path, `neq ${e.value} cannot join the string exclusions: an anything-but list holds only strings or only numbers`));
      }
    }
  }
  const chosen: ReadonlyArray<string | number> = strings.length > 0 ? unique(strings) : unique(numbers);
  if (chosen.length === 0) return { matchers: undefined, unsupported };
  const value = chosen.length === 1 ? chosen[0] : (chosen as ReadonlyArray<string> | ReadonlyArray<number>);
  return { matchers: [{ "anything-but": value }], unsupported };
}

function unique<T>(values: ReadonlyArray<T>): T[] {
  return values.filter((v, i) => values.indexOf(v) === i);
}
