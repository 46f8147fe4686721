import { Condition, Scalar } from "./condition";
import { eventFieldValues, FieldValue } from "./event-fields";
import { parseFieldPath } from "./field-path";
import { preview } from "./preview";
import { resolveField } from "./resolve";
import { timestampOf } from "./timestamp";

/**
 * The largest magnitude a number may have for `gte`/`lte` with a number to
 * compare it: 1.0e9, the range Amazon EventBridge documents for numeric
 * matching ("Content filtering in Amazon EventBridge event patterns",
 * Numeric matching). A number outside it meets no numeric bound, so a
 * condition means the same in a definition and in the compiled rule.
 */
export const NUMBER_COMPARISON_LIMIT = 1e9;

/**
 * The smallest positive normal double. Numbers closer to zero (subnormal
 * doubles, such as 5e-324) are not compared by EventBridge's engine, so
 * they meet no numeric bound either.
 */
export const MIN_NORMAL_NUMBER = 2.2250738585072014e-308;

/** The result of one condition on one event: whether it held, and why (in words). */
export interface ConditionOutcome {
  /** The condition's property path, e.g. `filters[0].conditions[1]`. */
  readonly path: string;
  readonly matched: boolean;
  readonly reason: string;
}

/**
 * Evaluates a condition against an event body. The field's values are read
 * as EventBridge reads events (see `eventFieldValues`): a dotted key is a
 * path, an array stands for each of its elements (arrays in arrays
 * flattened), and only scalars are values. The condition holds when one
 * value meets it; a field with no value (missing, an object, an empty
 * array) fails every condition, `neq` included.
 *
 * `eq`/`neq`/`in` compare scalars strictly (`neq` holds for a value of
 * another type, null included). `gte`/`lte` with a number compare numbers
 * within {@link NUMBER_COMPARISON_LIMIT}; with an ISO 8601 timestamp they
 * compare instants (the field may be a timestamp string or epoch
 * milliseconds). Subnormal numbers (closer to zero than
 * {@link MIN_NORMAL_NUMBER}) meet no numeric bound. How several conditions of one filter combine is
 * `evaluateFilter`'s concern.
 */
export function evaluateCondition(condition: Condition, event: unknown, path: string): ConditionOutcome {
  const segments = parseFieldPath(condition.field);
  if (segments._tag === "Left") return { path, matched: false, reason: segments.left };
  const values = conditionValues(condition, event);
  const resolved = resolveField(event, segments.right);
  if (values.length === 0) {
    return { path, matched: false, reason: resolved._tag === "Left" ? resolved.left : `${condition.field} is ${preview(resolved.right)}, which holds no value` };
  }
  const actual = resolved._tag === "Right" ? resolved.right : values.length === 1 ? values[0].value : values.map((v) => v.value);
  const shown = `${condition.field} is ${preview(actual)}`;
  const matched = values.some((v) => conditionHolds(condition, v.value));
  if (!matched && (condition.operator === "gte" || condition.operator === "lte") && !values.some((v) => comparable(condition.value, v.value))) {
    return { path, matched, reason: `${shown}, which cannot be compared with ${preview(condition.value)}` };
  }
  return { path, matched, reason: shown };
}

/** The values of a condition's field in an event body (see `eventFieldValues`). */
export function conditionValues(condition: Condition, event: unknown): ReadonlyArray<FieldValue> {
  return eventFieldValues(event, [condition.field]).get(condition.field) ?? [];
}

/** Whether one scalar value of the condition's field meets the condition. */
export function conditionHolds(condition: Condition, actual: Scalar): boolean {
  const { operator, value } = condition;
  switch (operator) {
    case "eq":
      return actual === value;
    case "neq":
      return actual !== value;
    case "in":
      return Array.isArray(value) && value.includes(actual);
    case "gte":
    case "lte": {
      const pair = comparable(value, actual);
      if (pair === undefined) return false;
      const [want, got] = pair;
      return operator === "gte" ? got >= want : got <= want;
    }
  }
}

/** Whether a number can meet a numeric bound: within {@link NUMBER_COMPARISON_LIMIT}, and zero or a normal double. */
export function numericallyComparable(n: number): boolean {
  const magnitude = Math.abs(n);
  return magnitude <= NUMBER_COMPARISON_LIMIT && (magnitude === 0 || magnitude >= MIN_NORMAL_NUMBER);
}

function comparable(value: unknown, actual: unknown): [number, number] | undefined {
  if (typeof value === "number") {
    return typeof actual === "number" && numericallyComparable(actual) ? [value, actual] : undefined;
  }
  const want = timestampOf(value);
  const got = timestampOf(actual);
  return want === undefined || got === undefined ? undefined : [want, got];
}
