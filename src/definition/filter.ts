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
  { eventType: EventType, conditions: withDefault(list("Conditions", Condition), () => []) },
  {},
);
/** An event-type filter with its conditions. */
export type Filter = t.TypeOf<typeof Filter>;
