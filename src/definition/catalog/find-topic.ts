import { eventTypeMatches } from "../event-type";
import type { AvailableTopic, AvailableTopicEntityListing } from "./available-topic";

/**
 * The catalog topic an event type names: the topic of that id, else the
 * first whose template matches it segment by segment (`{id}` in the topic
 * stands for any one segment, so `v2.users.6a1f.presence` is
 * `v2.users.{id}.presence`); `undefined` when none does.
 */
export function findTopic(catalog: AvailableTopicEntityListing, eventType: string): AvailableTopic | undefined {
  return catalog.entities.find((topic) => topic.id === eventType) ?? catalog.entities.find((topic) => eventTypeMatches(topic.id, eventType));
}
