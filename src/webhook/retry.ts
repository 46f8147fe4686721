/** WebhookRetryPolicy is how often and how patiently a delivery is retried. */
export interface WebhookRetryPolicy {
  /** Attempts in all, the first included (default 4). */
  readonly maxAttempts: number;
  /** Pause before the second attempt, in ms (default 500); doubles each time. */
  readonly baseDelayMs: number;
  /** Longest single pause, in ms, also the cap on a `Retry-After` (default 8000). */
  readonly maxDelayMs: number;
}

/** defaultWebhookRetryPolicy is the policy used for fields left unset. */
export const defaultWebhookRetryPolicy: WebhookRetryPolicy = { maxAttempts: 4, baseDelayMs: 500, maxDelayMs: 8000 };

/** AttemptOutcome is what one delivery attempt produced. */
export type AttemptOutcome =
  | { readonly _tag: "Response"; readonly status: number; readonly retryAfterMs?: number }
  | { readonly _tag: "NetworkError"; readonly code: string }
  | { readonly _tag: "Timeout" };

/**
 * shouldRetryWebhook is whether an attempt's outcome is worth another try:
 * network errors, timeouts, 5xx and 429 are; any other status is final
 * (2xx succeeded; 3xx and other 4xx will not change by repeating).
 */
export function shouldRetryWebhook(outcome: AttemptOutcome): boolean {
  if (outcome._tag !== "Response") return true;
  return outcome.status === 429 || outcome.status >= 500;
}

/**
 * webhookDelayMs is the pause before attempt `nextAttempt` (2 for the first
 * retry): `baseDelayMs * 2^(nextAttempt-2)`, or the server's `Retry-After`
 * when given, never above `maxDelayMs`.
 */
export function webhookDelayMs(policy: WebhookRetryPolicy, nextAttempt: number, outcome: AttemptOutcome): number {
  const backoff = policy.baseDelayMs * 2 ** Math.max(0, nextAttempt - 2);
  const wanted = outcome._tag === "Response" && outcome.retryAfterMs !== undefined ? outcome.retryAfterMs : backoff;
  return Math.min(policy.maxDelayMs, Math.max(0, wanted));
}

/** parseRetryAfter is a `Retry-After` header value (seconds or an HTTP date) in ms from `nowMs`, if valid. */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}
