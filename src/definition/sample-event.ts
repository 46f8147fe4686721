import * as t from "io-ts";
import { Either, left, right } from "fp-ts/Either";
import { isRecord, leaf, list, struct } from "./codec-kit";
import { EventType } from "./event-type";
import { definitionIssue, DefinitionIssue } from "./issue";
import { issuesFromErrors } from "./issues-from-errors";
import { expected } from "./preview";
import { withHygiene } from "./with-hygiene";

/** Codec of an event body: any JSON object. */
export const EventBody = leaf<Readonly<Record<string, unknown>>>("EventBody", (u) =>
  isRecord(u) ? { ok: true, value: u } : { ok: false, message: expected("an event object", u) },
);

/** Codec of a sample event: a concrete event type and the event body as Genesys would send it. */
export const SampleEvent = struct("SampleEvent", { eventType: EventType, event: EventBody }, {});
/** A sample event. */
export type SampleEvent = t.TypeOf<typeof SampleEvent>;

const SampleEvents = list("SampleEvents", SampleEvent);

/**
 * Decodes the contents of a samples file: one sample event or an array of
 * them. Issue paths start at `samples` (`samples[0].eventType`; a single
 * sample is `samples[0]`). Strings must be well-formed UTF-16 and nesting
 * is bounded (see `valueHygieneIssues`). Never throws.
 */
export function decodeSamples(input: unknown): Either<ReadonlyArray<DefinitionIssue>, ReadonlyArray<SampleEvent>> {
  const all = Array.isArray(input) ? input : [input];
  // The walk starts at the value as given, so depths count as in the file.
  return withHygiene(input, Array.isArray(input) ? "samples" : "samples[0]", () => {
    try {
      const r = SampleEvents.validate(all, [{ key: "samples", type: SampleEvents, actual: all }]);
      return r._tag === "Left" ? left(issuesFromErrors(r.left)) : right(r.right);
    } catch (e) {
      return left([definitionIssue("samples", `cannot be read as JSON data: ${e instanceof Error ? e.message : String(e)}`)]);
    }
  });
}
