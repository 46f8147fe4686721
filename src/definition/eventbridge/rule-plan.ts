import { canonicalJson } from "../canonical-json";
import type { Filter } from "../filter";
import { Alternative, compareText, conditionPath } from "./alternatives";
import { EventPattern, OR_KEY } from "./event-pattern";
import { fieldsOf, mergeAlternatives, PatternField, patternOf } from "./merge-alternatives";
import { OR_RESERVED_FIELD_NAMES } from "./reserved-names";

/**
 * The rules a definition's alternatives become (patterns without `source`),
 * and the conditions no plan can place (path to reason): they must be left
 * out and the whole plan made again.
 */
export interface RulePlan {
  readonly rules: ReadonlyArray<EventPattern>;
  readonly refused: ReadonlyMap<string, string>;
}

/**
 * Plans the rules that together select what the alternatives select, each
 * event matching at most one rule (a target of two matching rules would
 * receive the event twice).
 *
 * One rule whenever EventBridge accepts it: the alternative itself, or the
 * alternatives under `$or` (those sharing an event type merged first where
 * they can be, see `mergeAlternatives`). Inside `$or` EventBridge refuses fields named
 * like its matchers (`OR_RESERVED_FIELD_NAMES`), so when such a field would
 * stand there, the alternatives are split instead into groups that share no
 * event type (alternatives linked by a shared event type stay together),
 * one rule per group. Such rules are disjoint: each names different
 * `detail-type` values, and an event has one. A group of several
 * alternatives keeps its `$or`, with the fields every alternative matches
 * alike lifted out of it (outside `$or` the names are accepted).
 *
 * A group whose `$or` still holds such a field is refused: splitting it
 * would give rules of the same event type, and no rule can exclude what
 * another selects exactly (excluding a condition on a field an event may
 * hold as an array, where any element may match, needs "no element
 * matches", which a pattern cannot say). Each such condition is refused
 * with both filters named. Rules are ordered by their canonical JSON.
 * Pure; never throws.
 */
export function planRules(compiled: ReadonlyArray<Alternative>, filters: ReadonlyArray<Filter>): RulePlan {
  const alternatives = mergeAlternatives(compiled);
  if (alternatives.length === 0) return { rules: [], refused: new Map() };
  if (alternatives.length === 1) return { rules: [alternatives[0].pattern], refused: new Map() };
  if (!alternatives.some((a) => reservedKeyIn(a.pattern) !== undefined)) {
    return { rules: [{ [OR_KEY]: alternatives.map((a) => a.pattern) }], refused: new Map() };
  }
  const rules: EventPattern[] = [];
  const refused = new Map<string, string>();
  for (const group of groupsBySharedType(alternatives)) {
    if (group.length === 1) {
      rules.push(group[0].pattern);
      continue;
    }
    if (!group.some((a) => reservedKeyIn(a.pattern) !== undefined)) {
      rules.push({ [OR_KEY]: group.map((a) => a.pattern) });
      continue;
    }
    const lifted = liftCommon(group.map((a) => a.pattern));
    const inside = lifted[OR_KEY] as ReadonlyArray<EventPattern> | undefined;
    if (inside === undefined || !inside.some((p) => reservedKeyIn(p) !== undefined)) {
      rules.push(lifted);
      continue;
    }
    for (const [path, reason] of refusals(group, inside, filters)) refused.set(path, reason);
  }
  rules.sort((a, b) => compareText(canonicalJson(a), canonicalJson(b)));
  return { rules, refused };
}

/** The first key of a pattern (at any depth) EventBridge refuses inside `$or`. */
function reservedKeyIn(pattern: EventPattern): string | undefined {
  for (const [key, value] of Object.entries(pattern)) {
    if (OR_RESERVED_FIELD_NAMES.includes(key)) return key;
    if (key === OR_KEY) {
      for (const p of value as ReadonlyArray<EventPattern>) {
        const found = reservedKeyIn(p);
        if (found !== undefined) return found;
      }
    } else if (!Array.isArray(value)) {
      const found = reservedKeyIn(value as EventPattern);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** Alternatives linked by shared event types (directly or through others), in the order of their first alternative. */
function groupsBySharedType(alternatives: ReadonlyArray<Alternative>): ReadonlyArray<ReadonlyArray<Alternative>> {
  const parent = alternatives.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i])));
  const byType = new Map<string, number>();
  alternatives.forEach((a, i) =>
    a.types.forEach((t) => {
      const seen = byType.get(t);
      if (seen === undefined) byType.set(t, i);
      else parent[root(i)] = root(seen);
    }),
  );
  const groups = new Map<number, Alternative[]>();
  alternatives.forEach((a, i) => {
    const r = root(i);
    groups.set(r, [...(groups.get(r) ?? []), a]);
  });
  return [...groups.values()];
}

/**
 * The alternatives as one pattern: the fields every alternative matches
 * with the same matcher array stand once, outside `$or`; the rest of each
 * alternative under `$or`. When an alternative has nothing left it selects
 * everything the common fields select, which is then the whole pattern
 * (the others select less). Same meaning: each alternative of the result,
 * common fields merged in, is an alternative given.
 */
function liftCommon(patterns: ReadonlyArray<EventPattern>): EventPattern {
  const fields = patterns.map((p) => fieldsOf(p));
  const key = (f: PatternField): string => canonicalJson([f.path, f.matchers]);
  const common = fields[0].filter((f) => fields.every((fs) => fs.some((g) => key(g) === key(f))));
  const commonKeys = new Set(common.map(key));
  const rests = fields.map((fs) => fs.filter((f) => !commonKeys.has(key(f))));
  if (rests.some((r) => r.length === 0)) return patternOf(common);
  const inside = rests.map(patternOf);
  return { ...patternOf(common), [OR_KEY]: inside };
}

function refusals(group: ReadonlyArray<Alternative>, inside: ReadonlyArray<EventPattern>, filters: ReadonlyArray<Filter>): ReadonlyArray<[string, string]> {
  const insideFields = new Set(inside.flatMap((p) => fieldsOf(p)).map((f) => f.path.join(".")));
  const all = group.flatMap((a) => a.filters);
  const out: Array<[string, string]> = [];
  for (const alternative of group) {
    for (const i of alternative.filters) {
      const type = filters[i].eventType;
      const other = all.find((k) => !alternative.filters.includes(k) && filters[k].eventType === type) ?? all.find((k) => !alternative.filters.includes(k));
      const pair =
        other !== undefined && filters[other].eventType === type
          ? `filters[${i}] and filters[${other}] share the event type ${JSON.stringify(type)}`
          : `filters[${i}] and filters[${other}] are linked through filters that share event types`;
      filters[i].conditions.forEach((condition, j) => {
        const segments = condition.field.split(".");
        const word = segments.find((s) => OR_RESERVED_FIELD_NAMES.includes(s));
        if (word === undefined || !insideFields.has(["detail", "eventBody", ...segments].join("."))) return;
        out.push([
          conditionPath(i, j),
          `${condition.field} has a key named ${word}, which EventBridge refuses inside $or; ${pair} and differ in their conditions, so they need $or ` +
            `in one rule, and one rule each would deliver an event both select twice (no rule can exclude exactly what another selects when a field may hold an array)`,
        ]);
      });
    }
  }
  return out;
}
