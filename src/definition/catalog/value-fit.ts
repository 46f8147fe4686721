import type { Condition, Scalar } from "../condition";
import { preview } from "../preview";
import { parseIsoTimestamp } from "../timestamp";
import { SchemaNode, enumOf, typesOf } from "./schema-node";

/** A misfit of a condition to its field's schema: where (`operator`, `value`, `value[2]`) and why. */
export interface Misfit {
  /** Relative to the condition: `.operator`, `.value` or `.value[i]`. */
  readonly at: string;
  readonly message: string;
}

/** The most enum values a message lists. */
const SHOWN_ENUM_VALUES = 12;

/** The types several schema nodes allow together; empty when any of them does not say (then nothing is checked). */
function allowedTypes(nodes: ReadonlyArray<SchemaNode>): ReadonlySet<string> {
  const out = new Set<string>();
  for (const node of nodes) {
    const types = typesOf(node);
    if (types.size === 0) return new Set();
    types.forEach((t) => out.add(t));
  }
  return out;
}

/** The JSON type of a scalar, as JSON Schema names it. */
function typeOfScalar(value: Scalar): string {
  if (value === null) return "null";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

/** Whether a scalar is of one of `types` (an integer is a number; `null` fits any field: it tests absence of a value). */
function fits(value: Scalar, types: ReadonlySet<string>): boolean {
  if (value === null) return true;
  const type = typeOfScalar(value);
  return types.has(type) || (type === "integer" && types.has("number"));
}

function words(types: ReadonlySet<string>): string {
  return [...types].sort().join(" or ");
}

/** The enum values no node allows `value` outside of; `undefined` when some node has no enum. */
function enumValues(nodes: ReadonlyArray<SchemaNode>): ReadonlyArray<unknown> | undefined {
  const out: unknown[] = [];
  for (const node of nodes) {
    const values = enumOf(node);
    if (values === undefined) return undefined;
    out.push(...values);
  }
  return out;
}

function listed(values: ReadonlyArray<unknown>): string {
  const shown = values.slice(0, SHOWN_ENUM_VALUES).map((v) => JSON.stringify(v)).join(", ");
  return values.length > SHOWN_ENUM_VALUES ? `${shown}, … (${values.length} in all)` : shown;
}

/**
 * Whether a condition fits the schema of the field it reads (`nodes`, as
 * {@link resolveSchemaPath} found them): `gte`/`lte` need a number field (or
 * a timestamp string compared with a timestamp), `eq`/`neq`/`in` values of the
 * field's type (an integer field takes no fraction) and, where the schema
 * lists an `enum`, one of its values. A field of no stated type is not
 * checked. `described` names the field for messages.
 */
export function conditionMisfits(condition: Condition, nodes: ReadonlyArray<SchemaNode>, described: string): ReadonlyArray<Misfit> {
  const types = allowedTypes(nodes);
  if (types.size === 0) return [];
  const scalarTypes = new Set([...types].filter((t) => t !== "object" && t !== "array"));
  if (scalarTypes.size === 0) {
    return [{ at: ".field", message: `${described} is ${words(types) === "object" ? "an object" : `of type ${words(types)}`}, which holds no value to compare; read one of its fields instead` }];
  }
  if (condition.operator === "gte" || condition.operator === "lte") {
    const value = condition.value as Scalar;
    const numeric = scalarTypes.has("number") || scalarTypes.has("integer");
    const timestamp = typeof value === "string" && parseIsoTimestamp(value) !== undefined;
    if (timestamp && (numeric || (scalarTypes.has("string") && enumValues(nodes) === undefined))) return [];
    if (typeof value === "number" && numeric) return [];
    return [{
      at: ".operator",
      message: `operator ${condition.operator} compares numbers or timestamps, but ${described} is of type ${words(scalarTypes)}${timestamp ? "" : numeric ? "" : "; use eq, neq or in"}`,
    }];
  }
  const values: ReadonlyArray<Scalar> = Array.isArray(condition.value) ? condition.value : [condition.value as Scalar];
  const allowed = enumValues(nodes);
  const misfits: Misfit[] = [];
  values.forEach((value, i) => {
    const at = Array.isArray(condition.value) ? `.value[${i}]` : ".value";
    if (!fits(value, scalarTypes)) {
      misfits.push({ at, message: `expected a value of type ${words(scalarTypes)} (the type of ${described}), found ${preview(value)}` });
    } else if (value !== null && allowed !== undefined && !allowed.includes(value)) {
      misfits.push({ at, message: `${preview(value)} is not a value of ${described}; expected one of ${listed(allowed)}` });
    }
  });
  return misfits;
}
