import { decide, defaultRetryPolicy, delayMs, failureKind, isRetryableFailure, isRetryableStatus, parseRetryAfter, retryPolicy, shouldRetry, transportFailures } from "../../src/http/retry-policy";
import type { AttemptResult } from "../../src/http/retry-policy";

const policy = retryPolicy({ maxRetries: 3, baseDelayMs: 100, maxDelayMs: 1000, retryAfterCapMs: 5000 });
const answered = (status: number, retryAfterMs?: number): AttemptResult =>
  retryAfterMs === undefined ? { _tag: "Answered", status } : { _tag: "Answered", status, retryAfterMs };

describe("retry policy (pure)", () => {
  it("merges options over the defaults and ignores undefined or invalid values", () => {
    expect(retryPolicy({ maxRetries: 1, timeoutMs: undefined, baseDelayMs: -5 })).toEqual({ ...defaultRetryPolicy, maxRetries: 1 });
    expect(defaultRetryPolicy).toEqual({
      maxRetries: 4,
      baseDelayMs: 500,
      maxDelayMs: 30000,
      retryAfterCapMs: 60000,
      timeoutMs: 30000,
      budgetMs: 300000,
      // 429, 500, then 502 to 599: every 5xx but 501.
      retryableStatuses: [429, 500, ...Array.from({ length: 98 }, (_, i) => 502 + i)],
      retryableFailures: ["reset"],
    });
  });

  it("merges over another base policy, and keeps the base's lists when the given ones are invalid", () => {
    const base = retryPolicy({ maxRetries: 9, retryableStatuses: [503], retryableFailures: ["refused"] });
    expect([
      retryPolicy({ maxRetries: 2 }, base),
      retryPolicy({ retryableStatuses: [429, 700], retryableFailures: ["bogus" as never] }, base),
      retryPolicy({ retryableStatuses: [], retryableFailures: ["timeout", "reset"] }, base),
    ]).toEqual([
      { ...defaultRetryPolicy, maxRetries: 2, retryableStatuses: [503], retryableFailures: ["refused"] },
      { ...defaultRetryPolicy, maxRetries: 9, retryableStatuses: [503], retryableFailures: ["refused"] },
      { ...defaultRetryPolicy, maxRetries: 9, retryableStatuses: [], retryableFailures: ["timeout", "reset"] },
    ]);
  });

  it("retries exactly the statuses the policy lists", () => {
    const only503 = retryPolicy({ retryableStatuses: [503] });
    expect([429, 500, 503, 501].map((s) => [s, isRetryableStatus(s), isRetryableStatus(s, only503), decide(answered(s), 0, only503, 0)._tag]))
      .toEqual([
        [429, true, false, "Stop"],
        [500, true, false, "Stop"],
        [503, true, true, "Retry"],
        [501, false, false, "Stop"],
      ]);
  });

  it("reads the kind of a transport failure from its code or message, a timeout first", () => {
    const reasons = [
      "ECONNRESET: read ECONNRESET",
      "socket hang up",
      "EPIPE",
      "ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:9",
      "ECONNREFUSED",
      "timeout: timeout of 100ms exceeded",
      "ECONNABORTED",
      "ETIMEDOUT",
      "timeout: ECONNRESET after 30000ms",
      "ENOTFOUND: getaddrinfo ENOTFOUND example.invalid",
      "unknown",
    ];
    expect(reasons.map((r) => [r, failureKind(r)])).toEqual([
      ["ECONNRESET: read ECONNRESET", "reset"],
      ["socket hang up", "reset"],
      ["EPIPE", "reset"],
      ["ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:9", "refused"],
      ["ECONNREFUSED", "refused"],
      ["timeout: timeout of 100ms exceeded", "timeout"],
      ["ECONNABORTED", "timeout"],
      ["ETIMEDOUT", "timeout"],
      ["timeout: ECONNRESET after 30000ms", "timeout"],
      ["ENOTFOUND: getaddrinfo ENOTFOUND example.invalid", "other"],
      ["unknown", "other"],
    ]);
  });

  it("retries exactly the transport failures the policy lists", () => {
    const lenient = retryPolicy({ retryableFailures: ["reset", "refused", "timeout"] });
    const reasons = ["ECONNRESET", "ECONNREFUSED", "ETIMEDOUT", "ENOTFOUND"];
    expect(reasons.map((r) => [r, isRetryableFailure(r), isRetryableFailure(r, lenient)])).toEqual([
      ["ECONNRESET", true, true],
      ["ECONNREFUSED", false, true],
      ["ETIMEDOUT", false, true],
      ["ENOTFOUND", false, false],
    ]);
    expect(decide({ _tag: "Failed", reason: "ECONNREFUSED" }, 0, lenient, 0.5)).toEqual({ _tag: "Retry", delayMs: 250 });
    expect(decide({ _tag: "Failed", reason: "ECONNREFUSED" }, 0, defaultRetryPolicy, 0.5)).toEqual({ _tag: "Stop", why: "not-retryable" });
    expect(transportFailures).toEqual(["reset", "refused", "timeout", "other"]);
  });

  it("retries 429, 5xx other than 501, and connection resets; never other 4xx or timeouts", () => {
    const verdicts = [429, 500, 502, 503, 504, 501, 400, 401, 403, 404, 409, 412].map((s) => [s, shouldRetry(answered(s), 0, policy)]);
    expect(verdicts).toEqual([
      [429, true], [500, true], [502, true], [503, true], [504, true],
      [501, false], [400, false], [401, false], [403, false], [404, false], [409, false], [412, false],
    ]);
    expect(shouldRetry({ _tag: "Failed", reason: "ECONNRESET: read ECONNRESET" }, 0, policy)).toBe(true);
    expect(shouldRetry({ _tag: "Failed", reason: "socket hang up" }, 0, policy)).toBe(true);
    expect(shouldRetry({ _tag: "Failed", reason: "timeout: timeout of 100ms exceeded" }, 0, policy)).toBe(false);
    expect(shouldRetry({ _tag: "Failed", reason: "ECONNREFUSED: connect ECONNREFUSED" }, 0, policy)).toBe(false);
  });

  it("stops when the retry budget is spent", () => {
    expect(decide(answered(503), 3, policy, 0.5)).toEqual({ _tag: "Stop", why: "exhausted" });
    expect(decide(answered(200), 0, policy, 0.5)).toEqual({ _tag: "Stop", why: "done" });
  });

  it("backs off exponentially with full jitter up to the ceiling", () => {
    expect([0, 1, 2, 3, 4, 5].map((n) => delayMs(answered(503), n, policy, 0.999999))).toEqual([99, 199, 399, 799, 999, 999]);
    expect([0, 1, 2].map((n) => delayMs(answered(503), n, policy, 0))).toEqual([0, 0, 0]);
    expect(delayMs(answered(500), 2, policy, 0.5)).toBe(200);
  });

  it("honours Retry-After as a minimum, adds jitter, and gives up when it exceeds the cap", () => {
    expect(decide(answered(429, 2000), 0, policy, 0.3)).toEqual({ _tag: "Retry", delayMs: 2030 });
    expect(decide(answered(503, 1000), 1, policy, 0.3)).toEqual({ _tag: "Retry", delayMs: 1060 });
    expect(decide(answered(429, 2000), 0, policy, 0)).toEqual({ _tag: "Retry", delayMs: 2000 });
    expect(decide(answered(429, 6000), 0, policy, 0.3)).toEqual({ _tag: "Stop", why: "retry-after-exceeds-cap" });
  });

  it("reads Retry-After as seconds or as an HTTP date", () => {
    const now = Date.parse("2024-05-01T10:00:00Z");
    expect([parseRetryAfter("3", now), parseRetryAfter("0.5", now), parseRetryAfter("Wed, 01 May 2024 10:00:07 GMT", now), parseRetryAfter("soon", now), parseRetryAfter(undefined, now)])
      .toEqual([3000, 500, 7000, undefined, undefined]);
  });
});

describe("rate limits and the operation's time budget", () => {
  it("retries a 429 past maxRetries while the budget lasts, and stops when the next wait does not fit", () => {
    expect(decide(answered(429, 1000), 10, policy, 0, 60_000)).toEqual({ _tag: "Retry", delayMs: 1000 });
    expect(decide(answered(429, 1000), 10, policy, 0, 999)).toEqual({ _tag: "Stop", why: "exhausted" });
    expect(decide(answered(503), 3, policy, 0, 60_000)).toEqual({ _tag: "Stop", why: "exhausted" });
  });
});
