import { retryPolicy } from "../../src/http/retry-policy";
import type { AttemptResult } from "../../src/http/retry-policy";
import { answered, retrying } from "../../src/http/retry-loop";

/** Runs the loop over scripted results, recording the waits and what each attempt was told. */
async function run(results: AttemptResult[], options: { remaining?: number; maxRetries?: number } = {}) {
  const slept: number[] = [];
  const told: number[] = [];
  const noted: string[] = [];
  const outcome = await retrying(
    async (retries) => {
      told.push(retries);
      const result = results[Math.min(retries, results.length - 1)]!;
      return { result, value: `attempt ${retries + 1}` };
    },
    {
      policy: retryPolicy({ maxRetries: options.maxRetries ?? 3 }),
      random: () => 0,
      sleep: async (ms) => {
        slept.push(ms);
      },
      ...(options.remaining === undefined ? {} : { remainingMs: () => options.remaining }),
      onRetry: (ms, result) => noted.push(`${result._tag === "Answered" ? result.status : result.reason} ${ms}`),
    },
  );
  return { outcome, slept, told, noted };
}

describe("the one retry loop", () => {
  it("repeats until the policy stops, waiting the policy's delays and keeping the last attempt", async () => {
    const { outcome, slept, told, noted } = await run([
      { _tag: "Answered", status: 503 },
      { _tag: "Answered", status: 429, retryAfterMs: 2000 },
      { _tag: "Failed", reason: "ECONNRESET" },
      { _tag: "Answered", status: 200 },
    ]);
    expect({ outcome, slept, told, noted }).toEqual({
      outcome: { value: "attempt 4", result: { _tag: "Answered", status: 200 }, verdict: { _tag: "Stop", why: "done" }, retries: 3 },
      slept: [0, 2000, 0],
      told: [0, 1, 2, 3],
      noted: ["503 0", "429 2000", "ECONNRESET 0"],
    });
  });

  it("stops after maxRetries and says it is exhausted", async () => {
    const { outcome, slept } = await run([{ _tag: "Answered", status: 500 }], { maxRetries: 2 });
    expect({ why: outcome.verdict.why, retries: outcome.retries, slept: slept.length }).toEqual({ why: "exhausted", retries: 2, slept: 2 });
  });

  it("retries a rate limit for as long as the budget lasts, not maxRetries times", async () => {
    const { outcome } = await run([{ _tag: "Answered", status: 429, retryAfterMs: 10 }, { _tag: "Answered", status: 429, retryAfterMs: 10 }, { _tag: "Answered", status: 429, retryAfterMs: 10 }, { _tag: "Answered", status: 429, retryAfterMs: 10 }, { _tag: "Answered", status: 201 }], { remaining: 1000, maxRetries: 1 });
    expect({ why: outcome.verdict.why, retries: outcome.retries }).toEqual({ why: "done", retries: 4 });
  });

  it("does not repeat what is not retryable", async () => {
    const { outcome, slept } = await run([{ _tag: "Answered", status: 404 }]);
    expect({ verdict: outcome.verdict, slept }).toEqual({ verdict: { _tag: "Stop", why: "not-retryable" }, slept: [] });
  });
});

describe("the one Retry-After reader", () => {
  const now = Date.parse("2024-05-01T10:00:00Z");
  it("reads Retry-After on 429 and 503, in seconds or as a date", () => {
    expect([
      answered(429, { "retry-after": "7" }, now),
      answered(503, { "retry-after": "Wed, 01 May 2024 10:00:03 GMT" }, now),
    ]).toEqual([
      { _tag: "Answered", status: 429, retryAfterMs: 7000 },
      { _tag: "Answered", status: 503, retryAfterMs: 3000 },
    ]);
  });

  it("ignores it on other statuses and when absent or unreadable", () => {
    expect([answered(500, { "retry-after": "7" }, now), answered(429, {}, now), answered(429, { "retry-after": "soon" }, now)]).toEqual([
      { _tag: "Answered", status: 500 },
      { _tag: "Answered", status: 429 },
      { _tag: "Answered", status: 429 },
    ]);
  });
});
