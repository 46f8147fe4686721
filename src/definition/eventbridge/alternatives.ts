import { canonicalJson } from "../canonical-json";
import { parseFieldPath } from "../field-path";
import type { Filter } from "../filter";
import { NestedMap, nodeAt } from "../nested-map";
import type { EventPattern, PatternMatcher } from "./event-pattern";
import { exactMatcher, fieldMatchers, PlacedCondition } from "./field-matchers";
import { unexpressible, Unexpressible } from "./unexpressible";

/**
 * One alternative of a definition's selection as an event pattern: the
 * filters (by index, ascending) whose conditions compile to the same body,
 * their event types (sorted, without repeats) under `detail-type`, and the
 * body under `detail.eventBody`.
 */
export interface Alternative {
  readonly filters: ReadonlyArray<number>;
  readonly types: ReadonlyArray<string>;
  readonly pattern: EventPattern;
}

/** What {@link compileAlternatives} makes of a definition's filters. */
export interface Alternatives {
  /** Ordered by their pattern's canonical JSON, so declaration order does not matter. */
  readonly alternatives: ReadonlyArray<Alternative>;
  /** The conditions the patterns cannot express (each left out). */
  readonly unsupported: ReadonlyArray<Unexpressible>;
}

/** The property path of a filter's condition: `filters[1].conditions[0]`. */
export function conditionPath(filter: number, condition: number): string {
  return `filters[${filter}].conditions[${condition}]`;
}

/**
 * Compiles each filter into an alternative pattern (`detail-type` and the
 * conditions under `detail.eventBody`, nested along the dotted field path;
 * see `fieldMatchers` for how operators translate), leaving out the
 * conditions at the paths in `dropped`. Filters whose bodies are the same
 * are one alternative listing their event types together; filters that
 * share an event type stay separate alternatives (the event is selected
 * when any holds). Pure; never throws.
 */
export function compileAlternatives(filters: ReadonlyArray<Filter>, dropped: ReadonlyMap<string, string>): Alternatives {
  const unsupported: Unexpressible[] = [];
  const groups = new Map<string, { readonly body: EventPattern | undefined; readonly types: string[]; readonly filters: number[] }>();
  filters.forEach((filter, i) => {
    const body = filterBody(filter, i, dropped, unsupported);
    const key = canonicalJson(body ?? null);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { body, types: [filter.eventType], filters: [i] });
    else {
      group.types.push(filter.eventType);
      group.filters.push(i);
    }
  });
  const alternatives = [...groups.values()]
    .map(({ body, types, filters: indexes }) => {
      const sorted = [...new Set(types)].sort(compareText);
      return { filters: indexes, types: sorted, pattern: alternativePattern(sorted, body) };
    })
    .sort((a, b) => compareText(canonicalJson(a.pattern), canonicalJson(b.pattern)));
  return { alternatives, unsupported };
}

function alternativePattern(types: ReadonlyArray<string>, body: EventPattern | undefined): EventPattern {
  const detailType = types.map(exactMatcher);
  return body === undefined ? { "detail-type": detailType } : { "detail-type": detailType, detail: { eventBody: body } };
}

type Node = NestedMap<ReadonlyArray<PatternMatcher>>;

function filterBody(filter: Filter, index: number, dropped: ReadonlyMap<string, string>, unsupported: Unexpressible[]): EventPattern | undefined {
  const byField = new Map<string, PlacedCondition[]>();
  filter.conditions.forEach((condition, j) => {
    const path = conditionPath(index, j);
    if (dropped.has(path)) return;
    const list = byField.get(condition.field);
    if (list === undefined) byField.set(condition.field, [{ condition, path }]);
    else list.push({ condition, path });
  });
  const root: Node = new Map();
  for (const [field, placed] of byField) {
    const result = fieldMatchers(field, placed);
    unsupported.push(...result.unsupported);
    if (result.matchers === undefined) continue;
    const segments = parseFieldPath(field);
    const problem = segments._tag === "Left" ? segments.left : place(root, segments.right, result.matchers);
    if (problem !== undefined) {
      const reported = new Set(result.unsupported.map((u) => u.path));
      unsupported.push(...placed.filter((p) => !reported.has(p.path)).map((p) => unexpressible(p.path, problem)));
    }
  }
  return root.size === 0 ? undefined : toPattern(root);
}

function place(root: Node, segments: ReadonlyArray<string>, matchers: ReadonlyArray<PatternMatcher>): string | undefined {
  const node = nodeAt(root, segments.slice(0, -1));
  if (node === undefined) {
    return `${segments.join(".")} lies inside a field another condition of this filter matches as a value; a pattern field is either a value or an object`;
  }
  const last = segments[segments.length - 1];
  if (node.has(last)) return `${segments.join(".")} is an object other conditions of this filter look inside; a pattern field is either a value or an object`;
  node.set(last, matchers);
  return undefined;
}

/** A nested map as an event pattern, keys sorted (own data properties, so a key such as `__proto__` stays a key). */
export function toPattern(node: NestedMap<ReadonlyArray<PatternMatcher>>): EventPattern {
  const entries = [...node.entries()].sort(([a], [b]) => compareText(a, b));
  const out: Record<string, EventPattern[string]> = {};
  for (const [key, value] of entries) {
    Object.defineProperty(out, key, { value: value instanceof Map ? toPattern(value) : value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** Orders text by UTF-16 code units, as the compiler orders everything it emits. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
