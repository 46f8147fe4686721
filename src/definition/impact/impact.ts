import type { SourceDefinition } from "../source-definition";
import { changedTargets as changedTargetsOf, targetFields, targetValues } from "./changed-targets";
import { CorpusEvent, envelopeOf } from "./corpus-event";
import { deliveryOf, prepareRoute, whyNotDelivered } from "./delivery";

/** What a change does to one event. */
export type EventChange = "newlyDropped" | "newlyDelivered" | "reshaped" | "unchanged";

/** One event's verdicts before and after a change. */
export interface EventImpact {
  readonly index: number;
  readonly deliveredBefore: boolean;
  readonly deliveredAfter: boolean;
  readonly change: EventChange;
  /** For a reshaped event, the target fields whose values differ (`agentIds`, `custom.tenant`); empty otherwise. */
  readonly changedTargets: ReadonlyArray<string>;
}

/** An event shown as an example of a change: its id (or `events[N]`), type, and what happened to it. */
export interface ImpactExample {
  /** The event's stable id when it has one, else its label, else `events[N]`, its position in the corpus. */
  readonly event: string;
  readonly eventType: string;
  /** Why it is no longer (or was not) delivered, for a dropped (or newly delivered) event. */
  readonly reason?: string;
  /** For a reshaped event, the target fields that changed, and their values before and after, keyed by target (a target absent on one side is left out there). */
  readonly changedTargets?: ReadonlyArray<string>;
  readonly before?: Readonly<Record<string, unknown>>;
  readonly after?: Readonly<Record<string, unknown>>;
}

/** The counts of a delivery impact: each event counts in exactly one of newlyDropped, newlyDelivered, reshaped, unchanged. */
export interface ImpactTotals {
  readonly total: number;
  readonly deliveredBefore: number;
  readonly deliveredAfter: number;
  readonly newlyDropped: number;
  readonly newlyDelivered: number;
  readonly reshaped: number;
  readonly unchanged: number;
}

/** What a change of definition does to the delivery of a corpus of recorded events. */
export interface DeliveryImpact extends ImpactTotals {
  /** Each target path that changed on a reshaped event, with how many events it changed on, most first. */
  readonly reshapedTargets: ReadonlyArray<{ readonly target: string; readonly events: number }>;
  /** A few examples of each change. */
  readonly examples: {
    readonly newlyDropped: ReadonlyArray<ImpactExample>;
    readonly newlyDelivered: ReadonlyArray<ImpactExample>;
    readonly reshaped: ReadonlyArray<ImpactExample>;
  };
  /** Every event's verdicts, in corpus order. */
  readonly events: ReadonlyArray<EventImpact>;
}

/** Options of {@link deliveryImpact}. */
export interface ImpactOptions {
  /** How many examples of each change to keep; default 3. */
  readonly examples?: number;
}

/**
 * Replays recorded events through an old and a new definition and says what
 * the change does to delivery: per event, whether the route delivered it
 * before and after (the compiled pattern selects it and the projection
 * produces the output, see `deliveryOf`) and whether the delivered output
 * changed; in total, how many events are delivered before and after, newly
 * dropped, newly delivered, reshaped (with the target paths that changed)
 * and unchanged; and a few examples of each, keyed by the event's id.
 *
 * A `{ eventType, event }` entry is wrapped as EventBridge would deliver it,
 * its type resolved against both definitions' event types (see
 * `envelopeOf`), so old and new judge the same envelope. Pure; never throws.
 */
export function deliveryImpact(
  old: SourceDefinition,
  next: SourceDefinition,
  corpus: ReadonlyArray<CorpusEvent>,
  options: ImpactOptions = {},
): DeliveryImpact {
  const keep = options.examples ?? 3;
  const before = prepareRoute(old);
  const after = prepareRoute(next);
  const fields = targetFields(old, next);
  const templates = [...new Set([...old.filters, ...next.filters].map((f) => f.eventType))];
  const counts = { deliveredBefore: 0, deliveredAfter: 0, newlyDropped: 0, newlyDelivered: 0, reshaped: 0, unchanged: 0 };
  const targets = new Map<string, number>();
  const examples = { newlyDropped: [] as ImpactExample[], newlyDelivered: [] as ImpactExample[], reshaped: [] as ImpactExample[] };
  const events: EventImpact[] = [];
  for (const event of corpus) {
    const envelope = envelopeOf(event, templates);
    const b = deliveryOf(before, event, envelope);
    const a = deliveryOf(after, event, envelope);
    let change: EventChange = "unchanged";
    let changedTargets: ReadonlyArray<string> = [];
    if (b.delivered) counts.deliveredBefore++;
    if (a.delivered) counts.deliveredAfter++;
    if (b.delivered && !a.delivered) {
      change = "newlyDropped";
      if (examples.newlyDropped.length < keep) examples.newlyDropped.push({ ...named(event), reason: whyNotDelivered(after, event, envelope, a.stoppedBy) });
    } else if (!b.delivered && a.delivered) {
      change = "newlyDelivered";
      if (examples.newlyDelivered.length < keep) examples.newlyDelivered.push({ ...named(event), reason: whyNotDelivered(before, event, envelope, b.stoppedBy) });
    } else if (b.delivered && a.delivered) {
      changedTargets = changedTargetsOf(fields, b.output, a.output);
      if (changedTargets.length > 0) {
        change = "reshaped";
        for (const t of changedTargets) targets.set(t, (targets.get(t) ?? 0) + 1);
        if (examples.reshaped.length < keep) examples.reshaped.push({
            ...named(event),
            changedTargets,
            before: targetValues(fields, changedTargets, b.output),
            after: targetValues(fields, changedTargets, a.output),
          });
      }
    }
    counts[change]++;
    events.push({ index: event.index, deliveredBefore: b.delivered, deliveredAfter: a.delivered, change, changedTargets });
  }
  const reshapedTargets = [...targets]
    .map(([target, n]) => ({ target, events: n }))
    .sort((x, y) => y.events - x.events || (x.target < y.target ? -1 : x.target > y.target ? 1 : 0));
  return { total: corpus.length, ...counts, reshapedTargets, examples, events };
}

function named(event: CorpusEvent): { event: string; eventType: string } {
  return { event: event.id ?? event.label ?? `events[${event.index}]`, eventType: event.eventType };
}
