import * as t from "io-ts";

/** WebhookEventName is what happened to a source: created or updated. */
export const WebhookEventName = t.keyof({ "source.created": null, "source.updated": null });
/** WebhookEventName is what happened to a source: created or updated. */
export type WebhookEventName = t.TypeOf<typeof WebhookEventName>;

/**
 * WebhookEvent is the notice sent to the data warehouse after a successful
 * create or update of an EventBridge source: which source, at which remote
 * version (`etag`), with which payload (`payloadHash`), its registration
 * `status`, and when (`timestamp`, ISO 8601).
 */
export const WebhookEvent = t.type({
  event: WebhookEventName,
  sourceId: t.string,
  etag: t.string,
  payloadHash: t.string,
  status: t.string,
  timestamp: t.string,
});
/** WebhookEvent is the notice sent to the data warehouse after a successful create or update. */
export type WebhookEvent = t.TypeOf<typeof WebhookEvent>;

/**
 * webhookBody is the exact JSON text posted for an event: its six fields in
 * a fixed order and nothing else, so the body (and its signature) does not
 * depend on how the caller built the object.
 */
export function webhookBody(event: WebhookEvent): string {
  return JSON.stringify({
    event: event.event,
    sourceId: event.sourceId,
    etag: event.etag,
    payloadHash: event.payloadHash,
    status: event.status,
    timestamp: event.timestamp,
  });
}
