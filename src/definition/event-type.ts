import { text } from "./codec-kit";
import { preview } from "./preview";

/** The longest event type accepted, in characters. */
export const EVENT_TYPE_MAX_LENGTH = 256;

/** The placeholder segment that stands for any one segment (an entity id) in an event type. */
export const ID_PLACEHOLDER = "{id}";

const SEGMENT = /^[A-Za-z0-9_-]+$/;

/**
 * Codec of an event type: dotted segments of letters, digits, `_` and `-`,
 * where a whole segment may be the `{id}` placeholder
 * (`v2.detail.events.conversation.{id}.customer.start`).
 */
export const EventType = text("EventType", "an event type such as v2.detail.events.conversation.{id}.customer.start", (s) => {
  if (s.length > EVENT_TYPE_MAX_LENGTH) return `event type is ${s.length} characters; at most ${EVENT_TYPE_MAX_LENGTH} are allowed`;
  const ok = s.split(".").every((segment) => segment === ID_PLACEHOLDER || SEGMENT.test(segment));
  return ok
    ? undefined
    : `expected dotted segments of letters, digits, _ and - (or {id} as a whole segment), found ${preview(s)}`;
});
/** An event type string accepted by the {@link EventType} codec. */
export type EventType = string;

/**
 * Whether an event's concrete type matches a filter's event type: equal
 * segment by segment, where `{id}` matches any one segment.
 */
export function eventTypeMatches(pattern: string, actual: string): boolean {
  const want = pattern.split(".");
  const got = actual.split(".");
  return want.length === got.length && want.every((w, i) => w === got[i] || (w === ID_PLACEHOLDER && got[i] !== ""));
}
