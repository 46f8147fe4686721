import * as t from "io-ts";
import { Finding, leaf, oneOf, struct } from "./codec-kit";
import { FieldPath } from "./field-path";
import { expected, preview } from "./preview";
import { parseIsoTimestamp } from "./timestamp";

/** The comparison operators a filter condition may use. */
export const OPERATORS = ["eq", "neq", "in", "gte", "lte"] as const;

/** Codec of a condition operator: one of {@link OPERATORS}. */
export const Operator = oneOf("Operator", OPERATORS);
/** A condition operator: one of {@link OPERATORS}. */
export type Operator = t.TypeOf<typeof Operator>;

/** A JSON scalar: string, number, boolean or null. */
export type Scalar = string | number | boolean | null;

/** True for a JSON scalar (finite numbers only). */
export function isScalar(u: unknown): u is Scalar {
  return u === null || typeof u === "string" || typeof u === "boolean" || (typeof u === "number" && Number.isFinite(u));
}

const SCALAR = "a scalar (string, number, boolean or null)";

/**
 * Codec of a condition value: a scalar or an array of scalars. Which shape an
 * operator needs is checked by {@link Condition}; an array item that is not
 * a scalar is reported at its own index (`value[2]`).
 */
export const ConditionValue = new t.Type<Scalar | ReadonlyArray<Scalar>, Scalar | ReadonlyArray<Scalar>, unknown>(
  "ConditionValue",
  (u): u is Scalar | ReadonlyArray<Scalar> => isScalar(u) || (Array.isArray(u) && u.every(isScalar)),
  (u, c) => {
    if (isScalar(u)) return t.success(u);
    if (!Array.isArray(u)) return t.failure(u, c, expected(`${SCALAR} or an array of scalars`, u));
    const bad = u.flatMap((item, i) =>
      isScalar(item) ? [] : [{ value: item, context: [...c, { key: `[${i}]`, type: t.unknown, actual: item }], message: expected(SCALAR, item) }],
    );
    return bad.length > 0 ? t.failures(bad) : t.success(u as ReadonlyArray<Scalar>);
  },
  t.identity,
);
/** A condition value: a scalar or an array of scalars. */
export type ConditionValue = t.TypeOf<typeof ConditionValue>;

/** Why `value` does not fit `operator`, or `undefined` when it does. */
export function operatorValueProblem(operator: Operator, value: ConditionValue): string | undefined {
  switch (operator) {
    case "eq":
    case "neq":
      return Array.isArray(value) ? `operator ${operator} expects ${SCALAR}, found ${preview(value)}` : undefined;
    case "in":
      return Array.isArray(value) && value.length > 0
        ? undefined
        : `operator in expects a non-empty array of scalars, found ${preview(value)}`;
    case "gte":
    case "lte":
      return typeof value === "number" || (typeof value === "string" && parseIsoTimestamp(value) !== undefined)
        ? undefined
        : `operator ${operator} expects a number or an ISO 8601 timestamp string, found ${preview(value)}`;
  }
}

/**
 * Codec of one filter condition: the event field it reads, the operator, and
 * the value to compare with. `eq`/`neq` take a scalar, `in` a non-empty array
 * of scalars, `gte`/`lte` a number or an ISO 8601 timestamp.
 */
export const Condition = struct(
  "Condition",
  {
    /**
     * The event field the condition reads: a dotted path of 1..16 segments,
     * each a letter, `_` or `$` then letters, digits, `_`, `$` or `-`.
     * @example "mediaType"
     */
    field: FieldPath,
    /**
     * The comparison: `eq`, `neq`, `in`, `gte` or `lte`.
     * @example "eq"
     */
    operator: Operator,
    /**
     * What the field is compared with: a scalar for `eq`/`neq`, a non-empty
     * array of scalars for `in`, a number or an ISO 8601 timestamp for `gte`/`lte`.
     * @example "web"
     */
    value: ConditionValue,
  },
  {},
  (c): ReadonlyArray<Finding> => {
    const problem = operatorValueProblem(c.operator, c.value);
    return problem === undefined ? [] : [{ at: ".value", message: problem }];
  },
);
/** One filter condition. */
export type Condition = t.TypeOf<typeof Condition>;
