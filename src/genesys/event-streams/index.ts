/** The event-streams adapter: the original design's contract for EventBridge sources. */
export type { EventStreamsOptions } from "./adapter";
export { EventStreamsApi } from "./adapter";
export { EventStreamBody, eventStreamPath, normaliseBody, serverFields } from "./codec";
