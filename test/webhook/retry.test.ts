import { AttemptOutcome, defaultWebhookRetryPolicy, parseRetryAfter, shouldRetryWebhook, webhookDelayMs } from "../../src/webhook";

describe("shouldRetryWebhook", () => {
  it("retries network errors, timeouts, 5xx and 429, and nothing else", () => {
    const outcomes: AttemptOutcome[] = [
      { _tag: "NetworkError", code: "ECONNREFUSED" },
      { _tag: "Timeout" },
      { _tag: "Response", status: 500 },
      { _tag: "Response", status: 503 },
      { _tag: "Response", status: 429 },
      { _tag: "Response", status: 400 },
      { _tag: "Response", status: 401 },
      { _tag: "Response", status: 404 },
      { _tag: "Response", status: 302 },
    ];
    expect(outcomes.map(shouldRetryWebhook)).toEqual([true, true, true, true, true, false, false, false, false]);
  });
});

describe("webhookDelayMs", () => {
  it("doubles from the base delay and stops at the cap", () => {
    const policy = { ...defaultWebhookRetryPolicy, baseDelayMs: 500, maxDelayMs: 3000 };
    const timeout: AttemptOutcome = { _tag: "Timeout" };
    expect([2, 3, 4, 5].map((n) => webhookDelayMs(policy, n, timeout))).toEqual([500, 1000, 2000, 3000]);
  });

  it("honours Retry-After up to the cap", () => {
    const policy = defaultWebhookRetryPolicy;
    expect([
      webhookDelayMs(policy, 2, { _tag: "Response", status: 429, retryAfterMs: 2000 }),
      webhookDelayMs(policy, 2, { _tag: "Response", status: 429, retryAfterMs: 60_000 }),
    ]).toEqual([2000, 8000]);
  });
});

describe("parseRetryAfter", () => {
  it("reads seconds and HTTP dates, and ignores nonsense", () => {
    const now = Date.parse("2024-05-01T10:00:00Z");
    expect([
      parseRetryAfter("3", now),
      parseRetryAfter("Wed, 01 May 2024 10:00:05 GMT", now),
      parseRetryAfter("later", now),
      parseRetryAfter(undefined, now),
    ]).toEqual([3000, 5000, undefined, undefined]);
  });
});
