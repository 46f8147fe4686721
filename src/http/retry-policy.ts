/**
 * The HTTP retry policy shared by every outbound call (the Genesys client and
 * the webhook sender): data with defaults, and pure functions deciding
 * whether and how long to wait before repeating a request.
 *
 * Genesys Cloud answers every 429 with `Retry-After` (seconds); the official
 * Go SDK retries 429 and 5xx other than 501, honouring `Retry-After` for 429
 * and 503 and otherwise backing off exponentially
 * (https://developer.genesys.cloud/platform/api/rate-limits). Which statuses
 * and which transport failures are retried is data in the policy, so each
 * caller states its own (a write that timed out may have landed; a webhook
 * carrying an idempotency key may be sent again). Backoff uses full jitter
 * so that parallel senders do not retry in lockstep, and a `Retry-After` is
 * a minimum that the jitter is added to. Rate limits are retried for as long
 * as the operation's time budget lasts when the caller passes one (they
 * pass); other failures only `maxRetries` times (they may not).
 */
export interface RetryPolicy {
  /** How many times one request may be repeated after a retryable status or failure (429s are limited by the time budget instead when the caller passes one). */
  readonly maxRetries: number;
  /** The first backoff ceiling; doubles with each retry. */
  readonly baseDelayMs: number;
  /** The largest backoff ceiling. */
  readonly maxDelayMs: number;
  /** The longest `Retry-After` honoured; a longer one stops the retries (`retry-after-exceeds-cap`). */
  readonly retryAfterCapMs: number;
  /** The timeout of each attempt. */
  readonly timeoutMs: number;
  /**
   * How long one operation (create, update, delete, read) may keep retrying
   * rate-limited requests; callers pass what is left of it to `decide`.
   */
  readonly budgetMs: number;
  /** The HTTP statuses worth repeating. */
  readonly retryableStatuses: ReadonlyArray<number>;
  /** The transport failures worth repeating (see `failureKind`). */
  readonly retryableFailures: ReadonlyArray<TransportFailure>;
}

/**
 * A kind of transport failure, read from the error text by `failureKind`:
 * the connection was reset or cut mid-exchange, refused (nothing listens),
 * timed out (the request may have arrived), or anything else (DNS, TLS, an
 * unreachable host).
 */
export type TransportFailure = "reset" | "refused" | "timeout" | "other";

/** Every `TransportFailure`, in a fixed order. */
export const transportFailures: ReadonlyArray<TransportFailure> = ["reset", "refused", "timeout", "other"];

/** 429 and every 5xx except 501 (Not Implemented never changes by asking again). */
export const defaultRetryableStatuses: ReadonlyArray<number> = [
  429,
  ...Array.from({ length: 100 }, (_, i) => 500 + i).filter((status) => status !== 501),
];

/**
 * The defaults (the Genesys client's policy): 4 retries, 500 ms doubling to
 * 30 s, `Retry-After` up to 60 s, 30 s per attempt, 5 min per operation;
 * 429 and 5xx except 501; connection resets only (a timed-out or refused
 * write is not repeated blindly).
 */
export const defaultRetryPolicy: RetryPolicy = {
  maxRetries: 4,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  retryAfterCapMs: 60_000,
  timeoutMs: 30_000,
  budgetMs: 300_000,
  retryableStatuses: defaultRetryableStatuses,
  retryableFailures: ["reset"],
};

/**
 * A policy from partial options merged over `base` (default
 * `defaultRetryPolicy`); `undefined` or invalid fields (a negative number, a
 * status outside 100-599, an unknown failure kind) keep the base value.
 */
export function retryPolicy(options: Partial<RetryPolicy> = {}, base: RetryPolicy = defaultRetryPolicy): RetryPolicy {
  const amount = (value: unknown, fallback: number): number =>
    typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : fallback;
  const statuses = options.retryableStatuses;
  const failures = options.retryableFailures;
  return {
    maxRetries: amount(options.maxRetries, base.maxRetries),
    baseDelayMs: amount(options.baseDelayMs, base.baseDelayMs),
    maxDelayMs: amount(options.maxDelayMs, base.maxDelayMs),
    retryAfterCapMs: amount(options.retryAfterCapMs, base.retryAfterCapMs),
    timeoutMs: amount(options.timeoutMs, base.timeoutMs),
    budgetMs: amount(options.budgetMs, base.budgetMs),
    retryableStatuses: Array.isArray(statuses) && statuses.every((s) => Number.isInteger(s) && s >= 100 && s <= 599)
      ? [...statuses]
      : base.retryableStatuses,
    retryableFailures: Array.isArray(failures) && failures.every((f) => transportFailures.includes(f))
      ? [...failures]
      : base.retryableFailures,
  };
}

/** What one attempt produced, as far as the policy cares. */
export type AttemptResult =
  | { readonly _tag: "Answered"; readonly status: number; readonly retryAfterMs?: number }
  | { readonly _tag: "Failed"; readonly reason: string };

/** The policy's verdict after an attempt. */
export type RetryDecision =
  | { readonly _tag: "Retry"; readonly delayMs: number }
  | { readonly _tag: "Stop"; readonly why: "done" | "not-retryable" | "exhausted" | "retry-after-exceeds-cap" };

/** Whether the policy repeats a request answered with `status` (by default 429 and 5xx except 501). */
export function isRetryableStatus(status: number, policy: RetryPolicy = defaultRetryPolicy): boolean {
  return policy.retryableStatuses.includes(status);
}

/**
 * The kind of a transport failure from its text (an error code such as
 * `ECONNRESET`, or a message): a timeout wins over anything else it
 * mentions, since a request that timed out may have reached the server.
 */
export function failureKind(reason: string): TransportFailure {
  if (/timeout|ETIMEDOUT|ECONNABORTED/i.test(reason)) return "timeout";
  if (/ECONNREFUSED/i.test(reason)) return "refused";
  if (/ECONNRESET|EPIPE|socket hang up/i.test(reason)) return "reset";
  return "other";
}

/** Whether the policy repeats a request that failed with `reason` (by default connection resets only). */
export function isRetryableFailure(reason: string, policy: RetryPolicy = defaultRetryPolicy): boolean {
  return policy.retryableFailures.includes(failureKind(reason));
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
 * The full verdict: retry after a delay, or stop and why. Only the policy's
 * retryable statuses and failures are repeated; a `Retry-After` above
 * `retryAfterCapMs` stops at once (waiting less than the server asked would
 * only meet the same answer). A 429 is retried while the delay fits in
 * `remainingMs` (the operation's budget; without one, `maxRetries` counts);
 * anything else retryable at most `maxRetries` times.
 */
export function decide(result: AttemptResult, retriesSoFar: number, policy: RetryPolicy, random: number, remainingMs?: number): RetryDecision {
  if (result._tag === "Answered") {
    if (result.status < 400) return { _tag: "Stop", why: "done" };
    if (!isRetryableStatus(result.status, policy)) return { _tag: "Stop", why: "not-retryable" };
    if (result.retryAfterMs !== undefined && result.retryAfterMs > policy.retryAfterCapMs) {
      return { _tag: "Stop", why: "retry-after-exceeds-cap" };
    }
  } else if (!isRetryableFailure(result.reason, policy)) {
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
