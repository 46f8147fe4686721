import { Condition } from "./condition";
import { parseFieldPath } from "./field-path";
import { preview } from "./preview";
import { resolveField } from "./resolve";
import { timestampOf } from "./timestamp";

/** The result of one condition on one event: whether it held, and why (in words). */
export interface ConditionOutcome {
  /** The condition's property path, e.g. `filters[0].conditions[1]`. */
  readonly path: string;
  readonly matched: boolean;
  readonly reason: string;
}

/**
 * Evaluates a condition against an event body. A field that does not
 * resolve makes the condition fail (also for `neq`). `eq`/`neq`/`in` compare
 * scalars strictly; `gte`/`lte` compare numbers, or instants when the value
 * is an ISO 8601 timestamp (the field may then be a timestamp string or
 * epoch milliseconds).
 */
export function evaluateCondition(condition: Condition, event: unknown, path: string): ConditionOutcome {
  const segments = parseFieldPath(condition.field);
  if (segments._tag === "Left") return { path, matched: false, reason: segments.left };
  const resolved = resolveField(event, segments.right);
  if (resolved._tag === "Left") return { path, matched: false, reason: resolved.left };
  const actual = resolved.right;
  const shown = `${condition.field} is ${preview(actual)}`;
  const { operator, value } = condition;
  switch (operator) {
    case "eq":
      return { path, matched: actual === value, reason: shown };
    case "neq":
      return { path, matched: actual !== value, reason: shown };
    case "in":
      return { path, matched: Array.isArray(value) && value.includes(actual as never), reason: shown };
    case "gte":
    case "lte": {
      const pair = comparable(value, actual);
      if (pair === undefined) return { path, matched: false, reason: `${shown}, which cannot be compared with ${preview(value)}` };
      const [want, got] = pair;
      return { path, matched: operator === "gte" ? got >= want : got <= want, reason: shown };
    }
  }
}

function comparable(value: unknown, actual: unknown): [number, number] | undefined {
  if (typeof value === "number") return typeof actual === "number" ? [value, actual] : undefined;
  const want = timestampOf(value);
  const got = timestampOf(actual);
  return want === undefined || got === undefined ? undefined : [want, got];
}
