import * as t from "io-ts";
import { list, struct, withDefault } from "./codec-kit";
import { Condition } from "./condition";
import { EventType } from "./event-type";

/**
 * Codec of an event-type filter: which Genesys events leave, and the
 * conditions (all must hold) they must meet. `conditions` defaults to `[]`.
 */
export const Filter = struct(
  "Filter",
  {
    /**
     * The Genesys event type (a notification topic): dotted segments of
     * letters, digits, `_` and `-`, at most 256 characters; a whole segment
     * `{id}` stands for any one entity id.
     * @example "v2.detail.events.conversation.{id}.customer.start"
     */
    eventType: EventType,
    /**
     * The conditions an event of this type must all meet. Default `[]` (every event of the type).
     * @example [{ field: "mediaType", operator: "eq", value: "VOICE" }]
     */
    conditions: withDefault(list("Conditions", Condition), () => []),
  },
  {},
);
/** An event-type filter with its conditions. */
export type Filter = t.TypeOf<typeof Filter>;
