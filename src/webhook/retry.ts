import { defaultRetryPolicy, retryPolicy } from "../http/retry-policy";
import type { RetryPolicy } from "../http/retry-policy";

/**
 * The webhook's retry policy: the shared HTTP policy with the webhook's
 * numbers. Four attempts in all (`maxRetries` 3), backoff with full jitter
 * under a ceiling of 500 ms doubling to 8 s, 5 s per attempt.
 *
 * Unlike a Genesys write, a delivery also retries refused connections and
 * timeouts: a warehouse endpoint that is briefly down or restarting should
 * still get the event, and every attempt carries the same `Idempotency-Key`,
 * so a timed-out attempt that did arrive is not recorded twice. Other
 * transport failures (DNS, TLS, an unreachable host) end the delivery.
 *
 * A `Retry-After` is a minimum wait: up to 8 s it is honoured (plus jitter);
 * above 8 s the delivery stops at once and says so, rather than coming back
 * before the receiver asked or holding the deployment for longer. The sender
 * keeps no time budget (`budgetMs` 0): rate limits count against
 * `maxRetries` like any other answer.
 */
export const defaultWebhookRetryPolicy: RetryPolicy = retryPolicy(
  {
    maxRetries: 3,
    maxDelayMs: 8000,
    retryAfterCapMs: 8000,
    timeoutMs: 5000,
    budgetMs: 0,
    retryableFailures: ["reset", "refused", "timeout"],
  },
  defaultRetryPolicy,
);
