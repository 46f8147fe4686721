import { createHash, createHmac } from "node:crypto";
import { WebhookEvent, webhookBody } from "./event";
import { IDEMPOTENCY_HEADER, SIGNATURE_HEADER, SIGNATURE_PREFIX, TIMESTAMP_HEADER } from "./headers";

/**
 * signedString is what the HMAC covers: `<timestamp>.<raw body>`. Signing the
 * timestamp with the body stops an old delivery from being replayed later
 * with a fresh timestamp header.
 */
export const signedString = (body: string | Buffer, timestampSeconds: number): Buffer =>
  Buffer.concat([Buffer.from(`${timestampSeconds}.`, "utf8"), typeof body === "string" ? Buffer.from(body, "utf8") : body]);

/**
 * signWebhook is the lowercase hex HMAC-SHA256, keyed by `secret`, of
 * `<timestampSeconds>.<body>` (see {@link signedString}).
 */
export function signWebhook(body: string | Buffer, secret: string, timestampSeconds: number): string {
  return createHmac("sha256", secret).update(signedString(body, timestampSeconds)).digest("hex");
}

/**
 * idempotencyKey is the delivery key of one deployment of one source: the
 * SHA-256 hex of its event name, sourceId, etag and payloadHash. Every retry
 * and every re-run of the same deployment yields the same key, so a receiver
 * can drop repeats; a new etag or payload gives a new key.
 */
export function idempotencyKey(event: Pick<WebhookEvent, "event" | "sourceId" | "etag" | "payloadHash">): string {
  return createHash("sha256")
    .update(JSON.stringify([event.event, event.sourceId, event.etag, event.payloadHash]), "utf8")
    .digest("hex");
}

/** SignedRequest is one ready-to-send delivery: the exact body and its headers. */
export interface SignedRequest {
  readonly body: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly idempotencyKey: string;
}

/**
 * signedRequest is the body and headers of a delivery of `event` signed at
 * `timestampSeconds`: content type, signature, timestamp and idempotency key.
 */
export function signedRequest(event: WebhookEvent, secret: string, timestampSeconds: number): SignedRequest {
  const body = webhookBody(event);
  const key = idempotencyKey(event);
  return {
    body,
    idempotencyKey: key,
    headers: {
      "Content-Type": "application/json",
      [SIGNATURE_HEADER]: `${SIGNATURE_PREFIX}${signWebhook(body, secret, timestampSeconds)}`,
      [TIMESTAMP_HEADER]: String(timestampSeconds),
      [IDEMPOTENCY_HEADER]: key,
    },
  };
}
