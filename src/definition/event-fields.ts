import { isRecord } from "./codec-kit";
import { isScalar, Scalar } from "./condition";

/**
 * Where a value lies among the arrays of an event: for each array on its way
 * (arrays are numbered in reading order, one number per array in the event),
 * the index of the element it lies in.
 */
export type ArrayMembership = ReadonlyMap<number, number>;

/** One value of an event field, with the array elements it lies in. */
export interface FieldValue {
  readonly value: Scalar;
  readonly membership: ArrayMembership;
}

/**
 * The values of the named fields of an event, read the way AWS EventBridge
 * reads events for its event patterns (its engine, event-ruler, flattens
 * events the same way):
 *
 * - a field's name is the object keys on the way to it joined by `.`, so a
 *   key that contains a dot stands for a path (`{"a.b": 1}` is field `a.b`,
 *   like `{"a": {"b": 1}}`);
 * - arrays are transparent: every element is a value of the field, and
 *   arrays nested in arrays are flattened at every level;
 * - only scalars (string, number, boolean, null) are values: a field that
 *   holds an object or an empty array has no value of its own.
 *
 * Each value carries its {@link ArrayMembership}, so callers can require
 * values from the same array element. Names not asked for are not walked.
 * Iterative (no recursion), so deep events cannot exhaust the stack. Pure.
 */
export function eventFieldValues(event: unknown, names: ReadonlyArray<string>): ReadonlyMap<string, ReadonlyArray<FieldValue>> {
  return fieldReader(names)(event);
}

/**
 * {@link eventFieldValues} for the same names on many events: the names and
 * the paths leading to them are worked out once. Pure.
 */
export function fieldReader(names: ReadonlyArray<string>): (event: unknown) => ReadonlyMap<string, ReadonlyArray<FieldValue>> {
  const wanted = new Set(names);
  const prefixes = new Set<string>();
  for (const name of names) {
    const parts = name.split(".");
    for (let i = 1; i < parts.length; i++) prefixes.add(parts.slice(0, i).join("."));
  }
  return (event) => {
    const found = new Map<string, FieldValue[]>(names.map((n) => [n, []]));
    let arrays = 0;
    const stack: Array<{ readonly name: string; readonly value: unknown; readonly membership: ArrayMembership }> = [
      { name: "", value: event, membership: new Map() },
    ];
    while (stack.length > 0) {
      const { name, value, membership } = stack.pop() as (typeof stack)[number];
      if (Array.isArray(value)) {
        const id = arrays++;
        for (let i = value.length - 1; i >= 0; i--) stack.push({ name, value: value[i], membership: new Map(membership).set(id, i) });
      } else if (isRecord(value)) {
        for (const key of Object.keys(value).reverse()) {
          const child = name === "" ? key : `${name}.${key}`;
          if (wanted.has(child) || prefixes.has(child)) stack.push({ name: child, value: value[key], membership });
        }
      } else if (name !== "" && wanted.has(name) && isScalar(value)) {
        (found.get(name) as FieldValue[]).push({ value, membership });
      }
    }
    return found;
  };
}

/**
 * Whether values lie in the same element of every array they share (values
 * outside arrays are consistent with anything): EventBridge matches the
 * fields of one pattern within one array element, never across elements.
 */
export function consistent(a: ArrayMembership, b: ArrayMembership): boolean {
  for (const [array, index] of a) {
    const other = b.get(array);
    if (other !== undefined && other !== index) return false;
  }
  return true;
}

/**
 * Whether one value can be chosen from each list so that all chosen values
 * are {@link consistent} with each other (a backtracking search, shortest
 * lists first). An empty list means no choice exists.
 */
export function consistentChoiceExists(lists: ReadonlyArray<ReadonlyArray<FieldValue>>): boolean {
  if (lists.some((list) => list.length === 0)) return false;
  const ordered = [...lists].sort((a, b) => a.length - b.length);
  const choose = (at: number, chosen: ReadonlyArray<ArrayMembership>): boolean =>
    at === ordered.length ||
    ordered[at].some((v) => chosen.every((m) => consistent(m, v.membership)) && choose(at + 1, [...chosen, v.membership]));
  return choose(0, []);
}
