/**
 * The HTTP retry policy: data with defaults, and pure functions deciding
 * whether and how long to wait before repeating a request.
 *
 * Genesys Cloud answers every 429 with `Retry-After` (seconds); the official
 * Go SDK retries 429 and 5xx other than 501, honouring `Retry-After` for 429
 * and 503 and otherwise backing off exponentially
 * (https://developer.genesys.cloud/platform/api/rate-limits). Backoff uses
 * full jitter so that parallel writers do not retry in lockstep, and a
 * `Retry-After` is a minimum that the jitter is added to. Rate limits are
 * retried for as long as the operation's time budget lasts (they pass);
 * other failures only `maxRetries` times (they may not).
 */
export interface RetryPolicy {
  /** How many times one request may be repeated after a 5xx or a reset (429s are limited by the time budget instead). */
  readonly maxRetries: number;
  /** The first backoff ceiling; doubles with each retry. */
  readonly baseDelayMs: number;
  /** The largest backoff ceiling. */
  readonly maxDelayMs: number;
  /** The longest `Retry-After` honoured; a longer one gives up with `RateLimited`. */
  readonly retryAfterCapMs: number;
  /** The timeout of each attempt. */
  readonly timeoutMs: number;
  /** How long one operation (create, update, delete, read) may keep retrying rate-limited requests. */
  readonly budgetMs: number;
}

/** The defaults: 4 retries, 500 ms doubling to 30 s, `Retry-After` up to 60 s, 30 s per attempt, 5 min per operation. */
export const defaultRetryPolicy: RetryPolicy = {
  maxRetries: 4,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  retryAfterCapMs: 60_000,
  timeoutMs: 30_000,
  budgetMs: 300_000,
};

/** A policy from partial options merged over `defaultRetryPolicy`; `undefined` fields keep the default. */
export function retryPolicy(options: Partial<RetryPolicy> = {}): RetryPolicy {
  const merged: Record<string, number> = { ...defaultRetryPolicy };
  for (const [key, value] of Object.entries(options)) {
    if (typeof value === "number" && Number.isFinite(value) && value >= 0) merged[key] = value;
  }
  return merged as unknown as RetryPolicy;
}

/** What one attempt produced, as far as the policy cares. */
export type AttemptResult =
  | { readonly _tag: "Answered"; readonly status: number; readonly retryAfterMs?: number }
  | { readonly _tag: "Failed"; readonly reason: string };

/** The policy's verdict after an attempt. */
export type RetryDecision =
  | { readonly _tag: "Retry"; readonly delayMs: number }
  | { readonly _tag: "Stop"; readonly why: "done" | "not-retryable" | "exhausted" | "retry-after-exceeds-cap" };

/** Whether a status may be retried: 429 and 5xx except 501 (Not Implemented never changes). */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599 && status !== 501);
}

/** Whether a transport failure is a reset worth repeating (not a timeout, not a refused connection). */
export function isRetryableFailure(reason: string): boolean {
  return /ECONNRESET|EPIPE|socket hang up/i.test(reason) && !/timeout/i.test(reason);
}

/**
 * Whether the attempt should be repeated, given how many retries were made
 * already and how much of the operation's time budget is left: the failure
 * must be retryable, the count or the budget not spent, and a `Retry-After`
 * not beyond the cap.
 */
export function shouldRetry(result: AttemptResult, retriesSoFar: number, policy: RetryPolicy, remainingMs?: number): boolean {
  return decide(result, retriesSoFar, policy, 0, remainingMs)._tag === "Retry";
}

/**
 * How long to wait before retry number `retriesSoFar + 1`: full jitter over
 * an exponentially growing ceiling (`random` in [0, 1) picks the point),
 * added to the server's `Retry-After` when it gave one: the server's wait is
 * the minimum, and the jitter keeps clients that were told the same wait
 * from coming back in the same instant.
 */
export function delayMs(result: AttemptResult, retriesSoFar: number, policy: RetryPolicy, random: number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(retriesSoFar, 30));
  const jitter = Math.floor(Math.max(0, Math.min(1, random)) * ceiling);
  if (result._tag === "Answered" && result.retryAfterMs !== undefined) {
    return Math.min(result.retryAfterMs, policy.retryAfterCapMs) + Math.min(jitter, policy.baseDelayMs);
  }
  return jitter;
}

/**
 * The full verdict: retry after a delay, or stop and why. A 429 is retried
 * while the delay fits in `remainingMs` (the operation's budget; without one,
 * `maxRetries` counts); anything else retryable at most `maxRetries` times.
 */
export function decide(result: AttemptResult, retriesSoFar: number, policy: RetryPolicy, random: number, remainingMs?: number): RetryDecision {
  if (result._tag === "Answered") {
    if (result.status < 400) return { _tag: "Stop", why: "done" };
    if (!isRetryableStatus(result.status)) return { _tag: "Stop", why: "not-retryable" };
    if (result.retryAfterMs !== undefined && result.retryAfterMs > policy.retryAfterCapMs) {
      return { _tag: "Stop", why: "retry-after-exceeds-cap" };
    }
  } else if (!isRetryableFailure(result.reason)) {
    return { _tag: "Stop", why: "not-retryable" };
  }
  const delay = delayMs(result, retriesSoFar, policy, random);
  const rateLimited = result._tag === "Answered" && result.status === 429;
  if (rateLimited && remainingMs !== undefined) {
    return delay <= remainingMs ? { _tag: "Retry", delayMs: delay } : { _tag: "Stop", why: "exhausted" };
  }
  if (retriesSoFar >= policy.maxRetries) return { _tag: "Stop", why: "exhausted" };
  if (remainingMs !== undefined && delay > remainingMs) return { _tag: "Stop", why: "exhausted" };
  return { _tag: "Retry", delayMs: delay };
}

/**
 * The `Retry-After` header in milliseconds: delta-seconds, or an HTTP date
 * relative to `nowMs` (RFC 9110 section 10.2.3); `undefined` when absent or unreadable.
 */
export function parseRetryAfter(header: string | undefined, nowMs: number): number | undefined {
  if (header === undefined) return undefined;
  const text = header.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}
