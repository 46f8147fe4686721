import { Either, left, right } from "fp-ts/Either";
import { isRecord } from "../codec-kit";
import { eventTypeMatches } from "../event-type";
import { definitionIssue, DefinitionIssue } from "../issue";
import { preview } from "../preview";

/**
 * One recorded event of an impact corpus, in one shape whatever the file
 * held: the envelope as EventBridge sees it (the rule's pattern is matched
 * against it), the Genesys event body (what the projection reads), and the
 * event's stable id when it has one.
 */
export interface CorpusEvent {
  /** The event's position in the corpus, from 0. */
  readonly index: number;
  /** The envelope's `id`, else the body's `id`, when it is a non-empty string; examples are keyed by it. */
  readonly id?: string;
  /** How examples name an event without an id (`samples[2]`); `events[<index>]` when absent. */
  readonly label?: string;
  /** The event's type: the envelope's `detail-type`, or the `eventType` of a `{ eventType, event }` entry. */
  readonly eventType: string;
  /** The Genesys event body (`detail.eventBody`). */
  readonly body: Readonly<Record<string, unknown>>;
  /** The envelope as recorded, or `undefined` for a `{ eventType, event }` entry (see {@link envelopeOf}). */
  readonly envelope?: Readonly<Record<string, unknown>>;
}

/**
 * Reads one corpus entry: either `{ eventType, event }` (the shape of a
 * sample event, with an optional `id`), or an EventBridge envelope as
 * Genesys sends it and an archive replay or export records it
 * (`detail-type` the topic template, `detail.eventBody` the body, `id` the
 * event id). `at` is the entry's path in messages (`events[3]`). Never throws.
 */
export function corpusEventOf(value: unknown, index: number, at = `events[${index}]`): Either<DefinitionIssue, CorpusEvent> {
  if (!isRecord(value)) return left(definitionIssue(at, `expected an event ({ eventType, event } or an EventBridge envelope), found ${preview(value)}`));
  if (Object.prototype.hasOwnProperty.call(value, "detail-type")) return envelopeEntry(value, index, at);
  if (Object.prototype.hasOwnProperty.call(value, "eventType") || Object.prototype.hasOwnProperty.call(value, "event")) {
    const { eventType, event, id } = value;
    if (typeof eventType !== "string" || eventType === "") return left(definitionIssue(`${at}.eventType`, `expected an event type such as v2.detail.events.conversation.{id}.customer.start, found ${preview(eventType)}`));
    if (!isRecord(event)) return left(definitionIssue(`${at}.event`, `expected the event body as an object, found ${preview(event)}`));
    return right(withId({ index, eventType, body: event }, id, event));
  }
  return left(definitionIssue(at, "is neither { eventType, event } nor an EventBridge envelope (with detail-type and detail.eventBody)"));
}

function envelopeEntry(value: Readonly<Record<string, unknown>>, index: number, at: string): Either<DefinitionIssue, CorpusEvent> {
  const detailType = value["detail-type"];
  if (typeof detailType !== "string" || detailType === "") return left(definitionIssue(`${at}["detail-type"]`, `expected the event's topic template, found ${preview(detailType)}`));
  const detail = value.detail;
  if (!isRecord(detail) || !isRecord(detail.eventBody)) {
    return left(definitionIssue(`${at}.detail.eventBody`, `expected the Genesys event body as an object, found ${preview(isRecord(detail) ? detail.eventBody : detail)}`));
  }
  return right(withId({ index, eventType: detailType, body: detail.eventBody, envelope: value }, value.id, detail.eventBody));
}

function withId(event: CorpusEvent, own: unknown, body: Readonly<Record<string, unknown>>): CorpusEvent {
  const id = typeof own === "string" && own !== "" ? own : typeof body.id === "string" && body.id !== "" ? body.id : undefined;
  return id === undefined ? event : { ...event, id };
}

/**
 * Reads every corpus entry; all problems are collected. Never throws.
 */
export function decodeCorpus(values: ReadonlyArray<unknown>): Either<ReadonlyArray<DefinitionIssue>, ReadonlyArray<CorpusEvent>> {
  const issues: DefinitionIssue[] = [];
  const events: CorpusEvent[] = [];
  values.forEach((v, i) => {
    const e = corpusEventOf(v, i);
    if (e._tag === "Left") issues.push(e.left);
    else events.push(e.right);
  });
  return issues.length > 0 ? left(issues) : right(events);
}

/**
 * The envelope the rule's pattern is matched against: the recorded one, or
 * for a `{ eventType, event }` entry the one EventBridge would deliver, whose
 * `detail-type` is the topic template. A concrete type
 * (`v2.users.42.presence`) becomes the first of `templates` (the filters'
 * event types) it matches, exactly equal first. Pure.
 */
export function envelopeOf(event: CorpusEvent, templates: ReadonlyArray<string>): Readonly<Record<string, unknown>> {
  if (event.envelope !== undefined) return event.envelope;
  const template = templates.includes(event.eventType) ? event.eventType : (templates.find((t) => eventTypeMatches(t, event.eventType)) ?? event.eventType);
  return { "detail-type": template, detail: { topicName: event.eventType, eventBody: event.body } };
}
