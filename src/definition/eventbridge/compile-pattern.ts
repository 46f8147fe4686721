import type { Filter } from "../filter";
import type { SourceDefinition } from "../source-definition";
import { compileAlternatives, conditionPath } from "./alternatives";
import { EventPattern, OR_KEY } from "./event-pattern";
import { exactMatcher } from "./field-matchers";
import { OR_RESERVED_FIELD_NAMES } from "./reserved-names";
import { planRules } from "./rule-plan";
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
  /** The event patterns, one per rule: usually one; several only when one rule cannot hold the filters (see `planRules`). */
  readonly patterns: ReadonlyArray<EventPattern>;
  /** Each pattern as compact JSON, the form `aws.cloudwatch.EventRule` takes, in the same order. */
  readonly jsons: ReadonlyArray<string>;
  /** The pattern, when there is exactly one rule. */
  readonly pattern?: EventPattern;
  /** Its JSON, when there is exactly one rule. */
  readonly json?: string;
  /** What the patterns cannot express, per condition (it is then left out, so the rules match more), and the size limit. */
  readonly unsupported: ReadonlyArray<Unexpressible>;
}

/** Options of {@link compileEventPattern}. */
export interface EventPatternOptions {
  /** The pattern size limit to check, in characters; {@link EVENT_PATTERN_MAX_CHARS} unless the quota was raised. */
  readonly maxChars?: number;
}

/**
 * Compiles a definition's filters into the EventBridge event patterns of
 * the rules on the partner event bus: `detail-type` holds the filters'
 * event types (EventBridge delivers the topic template there), each
 * filter's conditions sit under `detail.eventBody`, nested along the dotted
 * field path (see `fieldMatchers` for how operators translate), and
 * `source` is the partner event source when one is given.
 *
 * Without a partner event source name the pattern has no `source`: a
 * partner event bus receives the events of its one partner event source
 * only, so the field adds nothing there, and leaving it out makes the
 * pattern a value known before the source exists (the name is known only
 * once Genesys has created it), which `pulumi preview` can show.
 *
 * Filters are alternatives (the event is selected when any filter of its
 * type matches, see `selectEvent`), several may share an event type, but a
 * pattern ANDs its fields and ORs only within one field's array, so filters
 * with different conditions cannot share one `detail-type` list. Filters
 * with the same conditions are merged into one alternative (their event
 * types listed together); when more than one alternative remains they go
 * under a top-level `$or`. One rule whenever EventBridge accepts it, so each
 * event is delivered once; inside `$or` EventBridge refuses fields named
 * like its matchers (`OR_RESERVED_FIELD_NAMES`), and then the filters
 * become several rules that no event matches two of (`planRules`), or,
 * where that cannot be guaranteed, the conditions on such fields are
 * reported naming both filters. A field named `$or` is always reported.
 * Each rule's pattern has its own size limit, which is checked
 * ({@link EVENT_PATTERN_MAX_CHARS}).
 *
 * The rules together mean what the definition means (`selectEvent`) for
 * every event whose numbers a double holds exactly; this was checked
 * against AWS's own matcher (event-ruler) by the conformance suite. A
 * number written with more digits than a double keeps
 * (`30.00000000000000001`) reads as the nearest double in a definition but
 * is compared as text by EventBridge.
 *
 * Deterministic and independent of declaration order: event types are
 * sorted, alternatives and rules are ordered by their canonical JSON, and
 * nested keys are sorted. Conditions the patterns cannot express are
 * reported in `unsupported` with their paths (`filters[1].conditions[0]`)
 * and left out, never dropped silently. Pure; never throws.
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
  let compiled = compileAlternatives(def.filters, dropped);
  let plan = planRules(compiled.alternatives, def.filters);
  // Each round leaves out at least one more condition, so this ends: refused conditions are in the
  // patterns, so not left out yet; should none be new, every condition on a field named like a matcher goes.
  while (plan.refused.size > 0) {
    const fresh = [...plan.refused].filter(([path]) => !dropped.has(path));
    for (const [path, reason] of fresh) dropped.set(path, reason);
    if (fresh.length === 0) {
      forEachCondition(def.filters, (field, path) => {
        const word = field.split(".").find((s) => OR_RESERVED_FIELD_NAMES.includes(s));
        if (word !== undefined && !dropped.has(path)) dropped.set(path, `${field} has a key named ${word}, which EventBridge refuses inside $or, and these filters need $or`);
      });
    }
    compiled = compileAlternatives(def.filters, dropped);
    plan = planRules(compiled.alternatives, def.filters);
  }
  const unsupported = [...[...dropped].map(([path, reason]) => unexpressible(path, reason)), ...compiled.unsupported].sort(byPath);
  const source: EventPattern = partnerEventSourceName === undefined ? {} : { source: [exactMatcher(partnerEventSourceName)] };
  const patterns = plan.rules.map((rule): EventPattern => ({ ...source, ...rule }));
  const jsons = patterns.map((p) => JSON.stringify(p));
  const maxChars = options.maxChars ?? EVENT_PATTERN_MAX_CHARS;
  jsons.forEach((json, k) => {
    if (json.length > maxChars) {
      const which = jsons.length === 1 ? "the event pattern" : `the event pattern of rule ${k + 1} of ${jsons.length}`;
      unsupported.push(
        unexpressible("", `${which} is ${json.length} characters; EventBridge accepts at most ${maxChars} (2048 by default, up to 4096 with a quota increase)`),
      );
    }
  });
  return patterns.length === 1 ? { patterns, jsons, pattern: patterns[0], json: jsons[0], unsupported } : { patterns, jsons, unsupported };
}

function forEachCondition(filters: ReadonlyArray<Filter>, visit: (field: string, path: string) => void): void {
  filters.forEach((filter, i) => filter.conditions.forEach((condition, j) => visit(condition.field, conditionPath(i, j))));
}

