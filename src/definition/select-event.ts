import type { FilterOutcome } from "./evaluate-filter";
import { evaluateFilter } from "./evaluate-filter";
import { eventTypeMatches } from "./event-type";
import type { Filter } from "./filter";

/** Whether the definition selects an event, and through which filter. */
export interface Selection {
  /** Whether the event is selected (it would be sent). */
  readonly selected: boolean;
  /**
   * The filter reported: the first that matched when the event is selected,
   * else the first filter of the event's type (whose failed condition
   * explains the refusal); `undefined` when no filter has the event's type.
   */
  readonly filter: number | undefined;
  /** That filter's outcome; `undefined` with it. */
  readonly outcome: FilterOutcome | undefined;
}

/**
 * The one definition of "the definition selects this event": the event is
 * selected when any filter whose event type matches the event's (exactly,
 * or through `{id}`, see `eventTypeMatches`) has all its conditions hold
 * (ANDed, see `evaluateFilter`). Filters are alternatives, so several may
 * share an event type: "duration >= 60 OR queue = Support" on one topic is
 * two filters. Which filter matched does not change what is delivered: the
 * transformations and attribute mappings apply to every selected event
 * alike, so the projection does not depend on it. Pure; never throws.
 */
export function selectEvent(filters: ReadonlyArray<Filter>, eventType: string, body: unknown): Selection {
  const candidates = filtersFor(filters, eventType);
  let first: { readonly filter: number; readonly outcome: FilterOutcome } | undefined;
  for (const i of candidates) {
    const outcome = evaluateFilter(filters[i], body, i);
    if (outcome.matched) return { selected: true, filter: i, outcome };
    first ??= { filter: i, outcome };
  }
  return { selected: false, filter: first?.filter, outcome: first?.outcome };
}

/**
 * The indexes of the filters an event type falls under, in declaration
 * order: those naming it exactly first, then those whose `{id}` template
 * matches it.
 */
export function filtersFor(filters: ReadonlyArray<Filter>, eventType: string): ReadonlyArray<number> {
  const exact = filters.flatMap((f, i) => (f.eventType === eventType ? [i] : []));
  const templated = filters.flatMap((f, i) => (f.eventType !== eventType && eventTypeMatches(f.eventType, eventType) ? [i] : []));
  return [...exact, ...templated];
}
