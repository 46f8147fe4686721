import { decide, defaultRetryPolicy } from "../../src/http/retry-policy";
import type { AttemptResult } from "../../src/http/retry-policy";
import { defaultWebhookRetryPolicy } from "../../src/webhook";

const policy = defaultWebhookRetryPolicy;
const answered = (status: number, retryAfterMs?: number): AttemptResult =>
  retryAfterMs === undefined ? { _tag: "Answered", status } : { _tag: "Answered", status, retryAfterMs };
const failed = (reason: string): AttemptResult => ({ _tag: "Failed", reason });

describe("the webhook's retry policy", () => {
  it("is the shared policy with four attempts in all, 500 ms doubling to 8 s, 5 s per attempt and no time budget", () => {
    expect(policy).toEqual({
      maxRetries: 3,
      baseDelayMs: 500,
      maxDelayMs: 8000,
      retryAfterCapMs: 8000,
      timeoutMs: 5000,
      budgetMs: 0,
      retryableStatuses: defaultRetryPolicy.retryableStatuses,
      retryableFailures: ["reset", "refused", "timeout"],
    });
  });

  it("retries resets, refused connections, timeouts, 429 and 5xx but 501, and nothing else", () => {
    const outcomes: Array<[string, AttemptResult]> = [
      ["reset", failed("ECONNRESET")],
      ["refused", failed("ECONNREFUSED")],
      ["timeout", failed("ECONNABORTED")],
      ["dns", failed("ENOTFOUND")],
      ["500", answered(500)],
      ["503", answered(503)],
      ["429", answered(429)],
      ["501", answered(501)],
      ["400", answered(400)],
      ["401", answered(401)],
      ["404", answered(404)],
      ["302", answered(302)],
    ];
    expect(outcomes.map(([name, outcome]) => [name, decide(outcome, 0, policy, 0)])).toEqual([
      ["reset", { _tag: "Retry", delayMs: 0 }],
      ["refused", { _tag: "Retry", delayMs: 0 }],
      ["timeout", { _tag: "Retry", delayMs: 0 }],
      ["dns", { _tag: "Stop", why: "not-retryable" }],
      ["500", { _tag: "Retry", delayMs: 0 }],
      ["503", { _tag: "Retry", delayMs: 0 }],
      ["429", { _tag: "Retry", delayMs: 0 }],
      ["501", { _tag: "Stop", why: "not-retryable" }],
      ["400", { _tag: "Stop", why: "not-retryable" }],
      ["401", { _tag: "Stop", why: "not-retryable" }],
      ["404", { _tag: "Stop", why: "not-retryable" }],
      ["302", { _tag: "Stop", why: "done" }],
    ]);
  });

  it("backs off under a ceiling doubling from 500 ms to 8 s, and stops after the third retry", () => {
    const top = 0.999999;
    expect([0, 1, 2, 3].map((n) => decide(failed("ECONNREFUSED"), n, { ...policy, maxRetries: 10 }, top))).toEqual([
      { _tag: "Retry", delayMs: 499 },
      { _tag: "Retry", delayMs: 999 },
      { _tag: "Retry", delayMs: 1999 },
      { _tag: "Retry", delayMs: 3999 },
    ]);
    expect(decide(failed("ECONNREFUSED"), 5, { ...policy, maxRetries: 10 }, top)).toEqual({ _tag: "Retry", delayMs: 7999 });
    expect(decide(answered(503), 3, policy, 0)).toEqual({ _tag: "Stop", why: "exhausted" });
  });

  it("waits a Retry-After up to 8 s plus jitter, and stops at once when it asks for more", () => {
    expect([
      decide(answered(429, 2000), 0, policy, 0.5),
      decide(answered(429, 8000), 0, policy, 0),
      decide(answered(429, 8001), 0, policy, 0),
      decide(answered(503, 60_000), 0, policy, 0),
    ]).toEqual([
      { _tag: "Retry", delayMs: 2250 },
      { _tag: "Retry", delayMs: 8000 },
      { _tag: "Stop", why: "retry-after-exceeds-cap" },
      { _tag: "Stop", why: "retry-after-exceeds-cap" },
    ]);
  });
});
