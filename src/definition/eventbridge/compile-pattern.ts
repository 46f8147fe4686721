import { canonicalJson } from "../canonical-json";
import { parseFieldPath } from "../field-path";
import { Filter } from "../filter";
import { NestedMap, nodeAt } from "../nested-map";
import type { SourceDefinition } from "../source-definition";
import { EventPattern, OR_KEY, PatternMatcher } from "./event-pattern";
import { exactMatcher, fieldMatchers, PlacedCondition } from "./field-matchers";
import { OR_RESERVED_FIELD_NAMES } from "./reserved-names";
import { byPath, unexpressible, Unexpressible } from "./unexpressible";

/**
 * The default longest event pattern EventBridge accepts, in characters:
 * 2048, adjustable up to 4096 through a service quota increase (Amazon
 * EventBridge quotas, "Event pattern size"; also noted on the
 * `aws.cloudwatch.EventRule` `eventPattern` property).
 */
export const EVENT_PATTERN_MAX_CHARS = 2048;

/** The path under which EventBridge delivers the Genesys event body: definition field paths are relative to it. */
export const EVENT_BODY_PATH: ReadonlyArray<string> = ["detail", "eventBody"];

/** What {@link compileEventPattern} makes of a definition. */
export interface EventPatternResult {
  /** The event pattern object. */
  readonly pattern: EventPattern;
  /** The pattern as compact JSON, the form `aws.cloudwatch.EventRule` takes. */
  readonly json: string;
  /** What the pattern cannot express, per condition (it is then left out, so the pattern matches more), and the size limit. */
  readonly unsupported: ReadonlyArray<Unexpressible>;
}

/** Options of {@link compileEventPattern}. */
export interface EventPatternOptions {
  /** The pattern size limit to check, in characters; {@link EVENT_PATTERN_MAX_CHARS} unless the quota was raised. */
  readonly maxChars?: number;
}

/**
 * Compiles a definition's filters into one EventBridge event pattern for the
 * rule on the partner event bus: `detail-type` holds the filters' event
 * types (EventBridge delivers the topic template there), each filter's
 * conditions sit under `detail.eventBody`, nested along the dotted field
 * path (see `fieldMatchers` for how operators translate), and `source` is
 * the partner event source when one is given.
 *
 * Without a partner event source name the pattern has no `source`: a
 * partner event bus receives the events of its one partner event source
 * only, so the field adds nothing there, and leaving it out makes the
 * pattern a value known before the source exists (the name is known only
 * once Genesys has created it), which `pulumi preview` can show.
 *
 * Filters are alternatives, but a pattern ANDs its fields and ORs only
 * within one field's array, so filters with different conditions cannot
 * share one `detail-type` list. Filters with the same conditions are merged
 * into one alternative (their event types listed together); when more than
 * one alternative remains they go under a top-level `$or`. One pattern (not
 * one rule per filter) because transformations and attribute mappings apply
 * to the whole definition: one rule, one target, one input transformer, and
 * each event delivered once. The cost is that all filters share one size
 * limit, which is checked ({@link EVENT_PATTERN_MAX_CHARS}), and that inside
 * `$or` EventBridge refuses fields named like its matchers
 * (`OR_RESERVED_FIELD_NAMES`): conditions on such fields are reported when
 * the pattern needs `$or`. A field named `$or` is always reported.
 *
 * The pattern means what the definition means (`evaluateFilter`) for every
 * event whose numbers a double holds exactly; it was checked against AWS's
 * own matcher (event-ruler) by the conformance suite. A number written with
 * more digits than a double keeps (`30.00000000000000001`) reads as the
 * nearest double in a definition but is compared as text by EventBridge.
 *
 * Deterministic and independent of declaration order: event types are
 * sorted, alternatives are ordered by their canonical JSON, and nested keys
 * are sorted. Conditions the pattern cannot express are reported in
 * `unsupported` with their paths (`filters[1].conditions[0]`) and left out,
 * never dropped silently. Pure; never throws.
 */
export function compileEventPattern(
  def: Pick<SourceDefinition, "filters">,
  partnerEventSourceName?: string,
  options: EventPatternOptions = {},
): EventPatternResult {
  const dropped = new Map<string, string>();
  forEachCondition(def.filters, (field, path) => {
    if (field.split(".").includes(OR_KEY)) {
      dropped.set(path, `${field} has a key named ${OR_KEY}, which EventBridge reads as its alternatives operator in a pattern; no pattern can name such a field`);
    }
  });
  let compiled = compileFilters(def.filters, dropped);
  if (compiled.alternatives.length > 1) {
    let reserved = false;
    forEachCondition(def.filters, (field, path) => {
      const word = field.split(".").find((segment) => OR_RESERVED_FIELD_NAMES.includes(segment));
      if (word !== undefined && !dropped.has(path)) {
        reserved = true;
        dropped.set(
          path,
          `${field} has a key named ${word}, which EventBridge refuses inside $or (the whole pattern would be rejected), and this definition's filters need $or because their conditions differ`,
        );
      }
    });
    if (reserved) compiled = compileFilters(def.filters, dropped);
  }
  const unsupported = [...[...dropped].map(([path, reason]) => unexpressible(path, reason)), ...compiled.unsupported].sort(byPath);
  const { alternatives } = compiled;
  const source: EventPattern = partnerEventSourceName === undefined ? {} : { source: [exactMatcher(partnerEventSourceName)] };
  const pattern: EventPattern = alternatives.length === 1 ? { ...source, ...alternatives[0] } : { ...source, [OR_KEY]: alternatives };
  const json = JSON.stringify(pattern);
  const maxChars = options.maxChars ?? EVENT_PATTERN_MAX_CHARS;
  if (json.length > maxChars) {
    unsupported.push(
      unexpressible("", `the event pattern is ${json.length} characters; EventBridge accepts at most ${maxChars} (2048 by default, up to 4096 with a quota increase)`),
    );
  }
  return { pattern, json, unsupported };
}

function forEachCondition(filters: ReadonlyArray<Filter>, visit: (field: string, path: string) => void): void {
  filters.forEach((filter, i) => filter.conditions.forEach((condition, j) => visit(condition.field, conditionPath(i, j))));
}

function conditionPath(filter: number, condition: number): string {
  return `filters[${filter}].conditions[${condition}]`;
}

function compileFilters(
  filters: ReadonlyArray<Filter>,
  dropped: ReadonlyMap<string, string>,
): { readonly alternatives: ReadonlyArray<EventPattern>; readonly unsupported: ReadonlyArray<Unexpressible> } {
  const unsupported: Unexpressible[] = [];
  const groups = new Map<string, { readonly body: EventPattern | undefined; readonly types: string[] }>();
  filters.forEach((filter, i) => {
    const body = filterBody(filter, i, dropped, unsupported);
    const key = canonicalJson(body ?? null);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { body, types: [filter.eventType] });
    else group.types.push(filter.eventType);
  });
  const alternatives = [...groups.values()]
    .map(({ body, types }) => alternative([...types].sort(compareText), body))
    .sort((a, b) => compareText(canonicalJson(a), canonicalJson(b)));
  return { alternatives, unsupported };
}

function alternative(types: ReadonlyArray<string>, body: EventPattern | undefined): EventPattern {
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

function toPattern(node: Node): EventPattern {
  const entries = [...node.entries()].sort(([a], [b]) => compareText(a, b));
  const out: Record<string, EventPattern[string]> = {};
  for (const [key, value] of entries) {
    Object.defineProperty(out, key, { value: value instanceof Map ? toPattern(value) : value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
