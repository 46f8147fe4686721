import type { AvailableTopic } from "./available-topic";

/** The transports that reach an EventBridge integration, lower-cased: `EventBridge` itself and the catch-all `All`. */
const EVENTBRIDGE_TRANSPORTS: ReadonlyArray<string> = ["eventbridge", "all"];

/**
 * Whether a topic's events can reach an EventBridge integration: its
 * `transports` name `EventBridge` or `All`, compared case-insensitively (the
 * platform types transports only as strings). A topic that lists no
 * transports is not known to be deliverable.
 */
export function isDeliverable(topic: AvailableTopic): boolean {
  return (topic.transports ?? []).some((transport) => EVENTBRIDGE_TRANSPORTS.includes(transport.trim().toLowerCase()));
}

/** A topic's transports in words for a message: `Websocket`, `Websocket, Mobile`, or `none listed`. */
export function describeTransports(topic: AvailableTopic): string {
  const transports = topic.transports ?? [];
  return transports.length === 0 ? "none listed" : transports.join(", ");
}
