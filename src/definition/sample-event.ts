import * as t from "io-ts";
import { Either, left, right } from "fp-ts/Either";
import { isRecord, leaf, list, struct } from "./codec-kit";
import { EventType } from "./event-type";
import { definitionIssue, DefinitionIssue } from "./issue";
import { issuesFromErrors, pathOf } from "./issues-from-errors";
import { expected } from "./preview";
import { withHygiene } from "./with-hygiene";

/** Codec of an event body: any JSON object. */
export const EventBody = leaf<Readonly<Record<string, unknown>>>("EventBody", (u) =>
  isRecord(u) ? { ok: true, value: u } : { ok: false, message: expected("an event object", u) },
);

/** Codec of a sample event: a concrete event type and the event body as Genesys would send it. */
export const SampleEvent = struct(
  "SampleEvent",
  {
    /**
     * The event's type: it must match one filter's event type (where `{id}` matches any one segment).
     * @example "v2.detail.events.conversation.{id}.customer.start"
     */
    eventType: EventType,
    /**
     * The event body as Genesys would send it: a JSON object.
     * @example { conversationId: "c-1", mediaType: "VOICE", eventTime: 1705312800000 }
     */
    event: EventBody,
  },
  {},
);
/** A sample event. */
export type SampleEvent = t.TypeOf<typeof SampleEvent>;

const SampleEventList = list("SampleEvents", SampleEvent);

/**
 * Decodes the contents of a samples file: one sample event or an array of
 * them. Issue paths start at `samples` (`samples[0].eventType`; a single
 * sample is `samples[0]`). Strings must be well-formed UTF-16 and nesting
 * is bounded (see `valueHygieneIssues`). Never throws.
 */
export function decodeSamples(input: unknown): Either<ReadonlyArray<DefinitionIssue>, ReadonlyArray<SampleEvent>> {
  return decodeSamplesAt(input, "samples");
}

function decodeSamplesAt(input: unknown, root: string): Either<ReadonlyArray<DefinitionIssue>, ReadonlyArray<SampleEvent>> {
  const all = Array.isArray(input) ? input : [input];
  // The walk starts at the value as given, so depths count as in the file.
  return withHygiene(input, Array.isArray(input) ? root : `${root}[0]`, () => {
    try {
      const r = SampleEventList.validate(all, [{ key: root, type: SampleEventList, actual: all }]);
      return r._tag === "Left" ? left(issuesFromErrors(r.left)) : right(r.right);
    } catch (e) {
      return left([definitionIssue(root, `cannot be read as JSON data: ${e instanceof Error ? e.message : String(e)}`)]);
    }
  });
}

/**
 * Codec of a list of sample events, decoded as {@link decodeSamples} does
 * (one event or an array, well-formed strings, bounded nesting), with issue
 * paths under the property that holds the list (`samples[1].eventType`).
 */
export const SampleEvents = new t.Type<ReadonlyArray<SampleEvent>, ReadonlyArray<SampleEvent>, unknown>(
  "SampleEvents",
  SampleEventList.is,
  (u, c) => {
    const decoded = decodeSamplesAt(u, pathOf(c));
    if (decoded._tag === "Right") return t.success(decoded.right);
    // One context entry holding the whole path: issue paths are already complete.
    return t.failures(decoded.left.map((i) => ({ value: u, context: [{ key: i.path, type: SampleEventList, actual: u }], message: i.message })));
  },
  t.identity,
);
/** Sample events, decoded. */
export type SampleEvents = t.TypeOf<typeof SampleEvents>;
