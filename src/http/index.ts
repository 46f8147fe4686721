/**
 * The HTTP layer shared by every outbound call (the Genesys client and the
 * webhook sender): one retry policy (retryable statuses and failures as data,
 * one `Retry-After` parser, full jitter), the one loop that applies it, and
 * one redactor. Knows neither Genesys nor Pulumi.
 */
export type { RetryPolicy, AttemptResult, RetryDecision, TransportFailure } from "./retry-policy";
export {
  defaultRetryPolicy,
  defaultRetryableStatuses,
  transportFailures,
  retryPolicy,
  shouldRetry,
  delayMs,
  decide,
  parseRetryAfter,
  isRetryableStatus,
  isRetryableFailure,
  failureKind,
} from "./retry-policy";
export type { Attempted, RetryLoopOptions, RetryOutcome } from "./retry-loop";
export { retrying, answered } from "./retry-loop";
export { redact, REDACTED } from "./redact";
