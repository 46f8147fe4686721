import { timingSafeEqual } from "node:crypto";
import { HeaderBag, SIGNATURE_HEADER, TIMESTAMP_HEADER, headerValue } from "./headers";
import { signWebhook } from "./sign";

/** VerifyOptions tunes {@link verifyWebhookSignature}. */
export interface VerifyOptions {
  /** Largest accepted difference between the signed timestamp and now, in seconds (default 300). */
  readonly toleranceSeconds?: number;
  /** The clock, in milliseconds since the epoch (default `Date.now`). */
  readonly now?: () => number;
}

/** SignatureRejection is why a delivery's signature was not accepted. */
export type SignatureRejection =
  | { readonly _tag: "MissingHeader"; readonly header: string }
  | { readonly _tag: "MalformedSignature" }
  | { readonly _tag: "MalformedTimestamp" }
  | { readonly _tag: "StaleTimestamp"; readonly skewSeconds: number; readonly toleranceSeconds: number }
  | { readonly _tag: "SignatureMismatch" };

/** SignatureVerdict is the outcome of {@link verifyWebhookSignature}. */
export type SignatureVerdict =
  | { readonly ok: true; readonly timestampSeconds: number }
  | { readonly ok: false; readonly rejection: SignatureRejection };

/** describeRejection is a one-line account of a {@link SignatureRejection}, safe to return to the sender. */
export function describeRejection(r: SignatureRejection): string {
  switch (r._tag) {
    case "MissingHeader":
      return `missing header ${r.header}`;
    case "MalformedSignature":
      return `malformed ${SIGNATURE_HEADER} (expected sha256=<64 hex digits>)`;
    case "MalformedTimestamp":
      return `malformed ${TIMESTAMP_HEADER} (expected Unix seconds)`;
    case "StaleTimestamp":
      return `timestamp is ${r.skewSeconds} s away from now (tolerance ${r.toleranceSeconds} s)`;
    case "SignatureMismatch":
      return "signature does not match";
  }
}

const reject = (rejection: SignatureRejection): SignatureVerdict => ({ ok: false, rejection });

/**
 * verifyWebhookSignature is the receiver-side check of a delivery: the
 * timestamp header must be within `toleranceSeconds` of now, and the
 * signature header must equal the HMAC-SHA256 of `<timestamp>.<raw body>`
 * under `secret`, compared in constant time. Pass the body exactly as
 * received (bytes or string), before any JSON parsing.
 */
export function verifyWebhookSignature(
  rawBody: string | Buffer,
  headers: HeaderBag,
  secret: string,
  options: VerifyOptions = {},
): SignatureVerdict {
  const tolerance = options.toleranceSeconds ?? 300;
  const now = options.now ?? Date.now;
  const signature = headerValue(headers, SIGNATURE_HEADER);
  if (signature === undefined) return reject({ _tag: "MissingHeader", header: SIGNATURE_HEADER });
  const stamp = headerValue(headers, TIMESTAMP_HEADER);
  if (stamp === undefined) return reject({ _tag: "MissingHeader", header: TIMESTAMP_HEADER });
  if (!/^\d{1,15}$/.test(stamp)) return reject({ _tag: "MalformedTimestamp" });
  const match = /^sha256=([0-9a-fA-F]{64})$/.exec(signature.trim());
  if (match === null) return reject({ _tag: "MalformedSignature" });
  const timestampSeconds = Number(stamp);
  const skewSeconds = Math.abs(Math.floor(now() / 1000) - timestampSeconds);
  if (skewSeconds > tolerance) return reject({ _tag: "StaleTimestamp", skewSeconds, toleranceSeconds: tolerance });
  const expected = Buffer.from(signWebhook(rawBody, secret, timestampSeconds), "hex");
  const given = Buffer.from(match[1], "hex");
  // Both are 32 bytes here, so timingSafeEqual cannot throw and leaks no length.
  return timingSafeEqual(expected, given) ? { ok: true, timestampSeconds } : reject({ _tag: "SignatureMismatch" });
}
