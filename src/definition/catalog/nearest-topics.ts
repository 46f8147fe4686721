import { ID_PLACEHOLDER } from "../event-type";
import { editDistance, textDistance } from "./edit-distance";

/** How many nearest topics a message names. */
export const NEAREST_TOPICS = 3;

/** A segment of an event type compares as a placeholder when it is `{id}`. */
function segmentCost(a: string, b: string): number {
  const pa = a === ID_PLACEHOLDER;
  const pb = b === ID_PLACEHOLDER;
  if (pa && pb) return 0;
  // A concrete id where the topic has `{id}` is one change, whatever its length.
  if (pa || pb) return 1;
  return textDistance(a, b);
}

/** What inserting or deleting a segment costs: its length, a placeholder one. */
function segmentWeight(segment: string): number {
  return segment === ID_PLACEHOLDER ? 1 : Math.max(1, segment.length);
}

/**
 * The distance between two event types: an edit distance over their
 * dot-separated segments, where substituting one segment for another costs
 * their character edit distance and `{id}` placeholders compare as
 * placeholders (`v2.usres.{id}.presense` is 4 from `v2.users.{id}.presence`).
 */
export function topicDistance(a: string, b: string): number {
  return editDistance(a.split("."), b.split("."), segmentCost, segmentWeight);
}

/**
 * Up to {@link NEAREST_TOPICS} of `topics` nearest to `eventType` by
 * {@link topicDistance}, nearest first (ties in id order).
 */
export function nearestTopics(eventType: string, topics: ReadonlyArray<string>, count: number = NEAREST_TOPICS): ReadonlyArray<string> {
  return topics
    .map((id) => ({ id, distance: topicDistance(eventType, id) }))
    .sort((x, y) => x.distance - y.distance || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))
    .slice(0, count)
    .map((x) => x.id);
}
