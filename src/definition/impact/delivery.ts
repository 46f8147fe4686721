import type { EventPattern } from "../eventbridge/event-pattern";
import { formatIssue } from "../issue";
import { projectEvent } from "../projection";
import { selectEvent } from "../select-event";
import type { SourceDefinition } from "../source-definition";
import type { CorpusEvent } from "./corpus-event";
import { RouteSelector, routePatterns, routeSelector } from "./route-patterns";

/** A definition made ready to judge many events: its compiled patterns, computed once. */
export interface PreparedRoute {
  readonly definition: SourceDefinition;
  readonly patterns: ReadonlyArray<EventPattern>;
  readonly selects: RouteSelector;
}

/** Compiles what {@link deliveryOf} needs of a definition. Pure. */
export function prepareRoute(definition: SourceDefinition): PreparedRoute {
  const patterns = routePatterns(definition);
  return { definition, patterns, selects: routeSelector(patterns) };
}

/**
 * Whether one event reaches the targets, and as what: delivered when the
 * route's pattern selects its envelope and the projection (the definition's
 * transformations and attribute mappings) produces the output without a
 * failed directive or mapping; otherwise the step that stopped it.
 */
export type Delivery =
  | { readonly delivered: true; readonly output: Readonly<Record<string, unknown>> }
  | { readonly delivered: false; readonly stoppedBy: "pattern" | "projection" };

/** The delivery of one event through one route; `envelope` is the event as the rule sees it (see `envelopeOf`). Pure. */
export function deliveryOf(route: PreparedRoute, event: CorpusEvent, envelope: unknown): Delivery {
  if (!route.selects(envelope)) return { delivered: false, stoppedBy: "pattern" };
  const projection = projectEvent(route.definition, event.body, label(event));
  return projection.issues.length === 0 ? { delivered: true, output: projection.projected } : { delivered: false, stoppedBy: "projection" };
}

/**
 * Why a route does not deliver an event, in words, for examples: the event
 * type no filter has, the first condition that fails (its path and
 * reason; of the first filter of the event's type, see `selectEvent`, when
 * several share it), or the first directive or mapping the projection cannot carry
 * out. Computed on demand, for a few events only. Pure.
 */
export function whyNotDelivered(route: PreparedRoute, event: CorpusEvent, envelope: Readonly<Record<string, unknown>>, stoppedBy: "pattern" | "projection"): string {
  const def = route.definition;
  if (stoppedBy === "projection") {
    const first = projectEvent(def, event.body, label(event)).issues[0];
    return first === undefined ? "the projection fails" : formatIssue(first);
  }
  const detailType = envelope["detail-type"];
  const { filter: index, outcome } = typeof detailType === "string" ? selectEvent(def.filters, detailType, event.body) : { filter: undefined, outcome: undefined };
  if (index === undefined || outcome === undefined) return `no filter has event type ${JSON.stringify(detailType)}`;
  const j = outcome.conditions.findIndex((c) => c.path === outcome.failedCondition);
  if (j === -1) return "the event pattern does not select the event";
  const { field, operator, value } = def.filters[index].conditions[j];
  return `${outcome.conditions[j].path} (${field} ${operator} ${JSON.stringify(value)}) fails: ${outcome.conditions[j].reason}`;
}

function label(event: CorpusEvent): string {
  return event.id === undefined ? `${event.label ?? `events[${event.index}]`} (${event.eventType})` : `event ${event.id} (${event.eventType})`;
}
