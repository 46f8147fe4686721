import * as t from "io-ts";

/**
 * An event-stream object as the event-streams API answers it: the payload
 * that was written (`id`, `eventStreamType`, `configuration`, `filters`, ...)
 * plus fields the server adds. Only `id` is required here: the rest is
 * compared as data, so that an object edited outside this program still
 * reads (and shows up as drift) instead of failing to decode.
 */
export const EventStreamBody = t.intersection([t.type({ id: t.string }), t.UnknownRecord]);
/** An event-stream object as the event-streams API answers it. */
export type EventStreamBody = t.TypeOf<typeof EventStreamBody>;

/** The field in which the server shows the ownership marker its creator sent. */
export const OWNER_FIELD = "owner";

/** Fields the server adds to what was written; dropped so that reads compare with the desired payload. */
export const serverFields: ReadonlyArray<string> = ["selfUri", "version", "dateModified", "dateCreated", OWNER_FIELD];

/** The body without server-added fields: the representation `RemoteSource.state` uses. */
export function normaliseBody(body: EventStreamBody): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body)) if (!serverFields.includes(k)) out[k] = v;
  return out;
}

/** The path of one event stream; ids are percent-encoded. */
export function eventStreamPath(id: string): string {
  return `/api/v2/configuration/event-streams/${encodeURIComponent(id)}`;
}
