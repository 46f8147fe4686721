/**
 * The webhook layer: signed, idempotent notices to a data warehouse after
 * each successful create or update, the receiver-side verification, and a
 * small real receiver for demos and tests.
 */
export { WebhookEvent, WebhookEventName, webhookBody } from "./event";
export { IDEMPOTENCY_HEADER, SIGNATURE_HEADER, SIGNATURE_PREFIX, TIMESTAMP_HEADER, headerValue } from "./headers";
export type { HeaderBag } from "./headers";
export { idempotencyKey, signWebhook, signedRequest, signedString } from "./sign";
export type { SignedRequest } from "./sign";
export { describeRejection, verifyWebhookSignature } from "./verify";
export type { SignatureRejection, SignatureVerdict, VerifyOptions } from "./verify";
export { defaultWebhookRetryPolicy } from "./retry";
export { parseRetryAfter } from "../http/retry-policy";
export type { RetryPolicy } from "../http/retry-policy";
export { sendWebhook } from "./send";
export type { SendWebhookOptions, WebhookSendResult } from "./send";
export { startWebhookReceiver } from "./receiver";
export type { ReceivedWebhook, ReceiverRequest, WebhookReceiver, WebhookReceiverOptions } from "./receiver";
