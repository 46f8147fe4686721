import { canonicalJson } from "../canonical-json";
import type { NestedMap } from "../nested-map";
import { nodeAt } from "../nested-map";
import { Alternative, compareText, toPattern } from "./alternatives";
import type { EventPattern, PatternMatcher } from "./event-pattern";
import { exactMatcher } from "./field-matchers";

type Matchers = ReadonlyArray<PatternMatcher>;

/** A pattern field: its key path and matcher array. */
export interface PatternField {
  readonly path: ReadonlyArray<string>;
  readonly matchers: Matchers;
}

/** The fields of a pattern without `$or`, in key order. */
export function fieldsOf(pattern: EventPattern, prefix: ReadonlyArray<string> = []): PatternField[] {
  return Object.entries(pattern).flatMap(([key, value]) =>
    Array.isArray(value) ? [{ path: [...prefix, key], matchers: value as Matchers }] : fieldsOf(value as EventPattern, [...prefix, key]),
  );
}

/** The pattern of these fields (keys sorted). */
export function patternOf(fields: ReadonlyArray<PatternField>): EventPattern {
  const root: NestedMap<Matchers> = new Map();
  for (const f of fields) nodeAt(root, f.path.slice(0, -1))?.set(f.path[f.path.length - 1], f.matchers);
  return toPattern(root);
}

interface Body {
  readonly filters: ReadonlyArray<number>;
  readonly type: string;
  /** The fields but `detail-type`, by the key path's JSON. */
  readonly fields: ReadonlyMap<string, PatternField>;
}

const DETAIL_TYPE = "detail-type";

/**
 * Rewrites `$or` alternatives into ones that mean the same and that no two
 * of which can reach one event type with a field they both constrain but
 * could merge: per event type, an alternative that selects everything
 * another selects takes its place, and alternatives that differ in at most
 * one field become one, that field's matcher arrays joined (the elements of
 * an array are alternatives already). Then alternatives with the same fields
 * list their event types together again.
 *
 * Why: AWS's engine (event-ruler) loses matcher values of an `$or`
 * alternative when another alternative of the same rule reaches the same
 * field with one of those values (`{"$or":[{"s":["a"]},{"s":["a","web"]}]}`
 * does not match `{"s":"web"}`), which the conformance suite found; joined
 * into one array, every value matches. Alternatives of different event
 * types never meet (`detail-type` is matched first), and alternatives that
 * differ in other fields too stay apart. Pure; never throws.
 */
export function mergeAlternatives(alternatives: ReadonlyArray<Alternative>): ReadonlyArray<Alternative> {
  const types = alternatives.flatMap((a) => a.types);
  if (new Set(types).size === types.length) return alternatives;
  const byType = new Map<string, Body[]>();
  for (const a of alternatives) {
    const fields = new Map(fieldsOf(a.pattern).filter((f) => !(f.path.length === 1 && f.path[0] === DETAIL_TYPE)).map((f) => [JSON.stringify(f.path), f]));
    for (const type of a.types) byType.set(type, [...(byType.get(type) ?? []), { filters: a.filters, type, fields }]);
  }
  const merged = [...byType.values()].flatMap(mergeSameType);
  const groups = new Map<string, { readonly filters: Set<number>; readonly types: Set<string>; readonly fields: ReadonlyArray<PatternField> }>();
  for (const body of merged) {
    const fields = [...body.fields.values()];
    const key = canonicalJson(patternOf(fields));
    const group = groups.get(key) ?? { filters: new Set<number>(), types: new Set<string>(), fields };
    body.filters.forEach((f) => group.filters.add(f));
    group.types.add(body.type);
    groups.set(key, group);
  }
  return [...groups.values()]
    .map(({ filters, types, fields }) => {
      const sorted = [...types].sort(compareText);
      const pattern: EventPattern = { [DETAIL_TYPE]: sorted.map(exactMatcher), ...patternOf(fields) };
      return { filters: [...filters].sort((a, b) => a - b), types: sorted, pattern };
    })
    .sort((a, b) => compareText(canonicalJson(a.pattern), canonicalJson(b.pattern)));
}

function mergeSameType(bodies: ReadonlyArray<Body>): Body[] {
  const out = [...bodies];
  for (let changed = true; changed; ) {
    changed = false;
    search: for (let i = 0; i < out.length; i++) {
      for (let j = 0; j < out.length; j++) {
        if (i !== j && covers(out[i], out[j])) {
          out[i] = { ...out[i], filters: [...out[i].filters, ...out[j].filters.filter((f) => !out[i].filters.includes(f))] };
          out.splice(j, 1);
          changed = true;
          break search;
        }
      }
      for (let j = i + 1; j < out.length; j++) {
        const joined = join(out[i], out[j]);
        if (joined !== undefined) {
          out.splice(j, 1);
          out[i] = joined;
          changed = true;
          break search;
        }
      }
    }
  }
  return out;
}

/**
 * Whether every event alternative `b` selects, `a` selects too: each field
 * of `a` is a field of `b` whose matchers are all among `a`'s (the values
 * `b` chose for those fields then match `a`, in the same array elements).
 */
function covers(a: Body, b: Body): boolean {
  for (const [key, field] of a.fields) {
    const other = b.fields.get(key);
    if (other === undefined) return false;
    const mine = new Set(field.matchers.map((m) => canonicalJson(m)));
    if (!other.matchers.every((m) => mine.has(canonicalJson(m)))) return false;
  }
  return true;
}

/** The two alternatives as one, when they have the same fields and differ in at most one field's matchers. */
function join(a: Body, b: Body): Body | undefined {
  if (a.fields.size !== b.fields.size) return undefined;
  let differing: string | undefined;
  for (const [key, field] of a.fields) {
    const other = b.fields.get(key);
    if (other === undefined) return undefined;
    if (canonicalJson(field.matchers) === canonicalJson(other.matchers)) continue;
    if (differing !== undefined) return undefined;
    differing = key;
  }
  const fields = new Map(a.fields);
  if (differing !== undefined) {
    const field = a.fields.get(differing) as PatternField;
    const all = [...field.matchers, ...(b.fields.get(differing) as PatternField).matchers];
    const seen = new Set<string>();
    const matchers = all.filter((m) => {
      const k = canonicalJson(m);
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
    fields.set(differing, { path: field.path, matchers });
  }
  return { filters: [...a.filters, ...b.filters.filter((f) => !a.filters.includes(f))], type: a.type, fields };
}
