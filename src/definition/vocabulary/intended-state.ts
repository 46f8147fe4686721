import * as t from "io-ts";
import { oneOf } from "../codec-kit";

/** The states an integration may be asked to be in: delivering events (`ENABLED`) or not (`DISABLED`). */
export const INTENDED_STATES = ["ENABLED", "DISABLED"] as const;
/** Codec of an intended state: one of {@link INTENDED_STATES}. */
export const IntendedState = oneOf("IntendedState", INTENDED_STATES);
/** An intended state. */
export type IntendedState = t.TypeOf<typeof IntendedState>;
/** The state a source is in unless its declaration says otherwise. */
export const DEFAULT_INTENDED_STATE: IntendedState = "ENABLED";

/** The intended state a value names, or the default when it names none (a missing or foreign value). */
export function intendedStateOr(value: unknown, fallback: IntendedState = DEFAULT_INTENDED_STATE): IntendedState {
  return IntendedState.is(value) ? value : fallback;
}
