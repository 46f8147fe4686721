import { AttemptResult, RetryDecision, RetryPolicy, decide, parseRetryAfter } from "./retry-policy";

/** One attempt as the loop sees it: the policy's view of it, and what the caller keeps of it. */
export interface Attempted<A> {
  readonly result: AttemptResult;
  readonly value: A;
}

/** How the loop waits and how long it may keep going. */
export interface RetryLoopOptions {
  readonly policy: RetryPolicy;
  /** A number in [0, 1): places each backoff within its ceiling. */
  readonly random: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  /** What is left of the operation's time budget; `undefined` when there is none. */
  readonly remainingMs?: () => number | undefined;
  /** Told before each wait (to count the retry or say why the wait is long). */
  readonly onRetry?: (delayMs: number, result: AttemptResult) => void;
}

/** The last attempt, why the loop stopped after it, and how many retries came before it. */
export interface RetryOutcome<A> {
  readonly value: A;
  readonly result: AttemptResult;
  readonly verdict: Extract<RetryDecision, { _tag: "Stop" }>;
  readonly retries: number;
}

/**
 * The one retry loop of every outbound sender (the Genesys transport and the
 * webhook): runs `attempt` (told how many retries came before it), asks the
 * policy (`decide`) after each one, waits the delay it gives, and stops when
 * the policy says so. What an attempt is (the request, the gate it passes,
 * the signature it carries) stays with the caller.
 */
export async function retrying<A>(attempt: (retries: number) => Promise<Attempted<A>>, options: RetryLoopOptions): Promise<RetryOutcome<A>> {
  for (let retries = 0; ; retries++) {
    const { result, value } = await attempt(retries);
    const verdict = decide(result, retries, options.policy, options.random(), options.remainingMs?.());
    if (verdict._tag === "Stop") return { value, result, verdict, retries };
    options.onRetry?.(verdict.delayMs, result);
    await options.sleep(verdict.delayMs);
  }
}

/**
 * An answer as the policy sees it: its status, and the `Retry-After` of a 429
 * or 503 (the statuses the platform and the SDKs give it meaning on) in
 * milliseconds from `nowMs`. `headers` are the response's, with lower-case
 * names (Node's and axios's way).
 */
export function answered(status: number, headers: Readonly<Record<string, unknown>>, nowMs: number): Extract<AttemptResult, { _tag: "Answered" }> {
  const header = headers["retry-after"];
  const retryAfterMs = status === 429 || status === 503
    ? parseRetryAfter(typeof header === "string" ? header : undefined, nowMs)
    : undefined;
  return { _tag: "Answered", status, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) };
}
