import { isLeft } from "fp-ts/Either";
import {
  AttemptResult,
  Clock,
  createTransport,
  decide,
  defaultRetryPolicy,
  delayMs,
  parseRetryAfter,
  retryPolicy,
  shouldRetry,
} from "../../src/genesys";

const policy = retryPolicy({ maxRetries: 3, baseDelayMs: 100, maxDelayMs: 1000, retryAfterCapMs: 5000 });
const answered = (status: number, retryAfterMs?: number): AttemptResult =>
  retryAfterMs === undefined ? { _tag: "Answered", status } : { _tag: "Answered", status, retryAfterMs };

describe("retry policy (pure)", () => {
  it("merges options over the defaults and ignores undefined or invalid values", () => {
    expect(retryPolicy({ maxRetries: 1, timeoutMs: undefined, baseDelayMs: -5 })).toEqual({ ...defaultRetryPolicy, maxRetries: 1 });
    expect(defaultRetryPolicy).toEqual({ maxRetries: 4, baseDelayMs: 500, maxDelayMs: 30000, retryAfterCapMs: 60000, timeoutMs: 30000, budgetMs: 300000 });
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

describe("transport with a fake clock", () => {
  it("sleeps the Retry-After of each 429 without real waiting and counts the retries", async () => {
    const http = await import("node:http");
    let hits = 0;
    const server = http.createServer((_req, res) => {
      hits++;
      if (hits <= 2) {
        res.writeHead(429, { "Retry-After": "30", "Content-Type": "application/json" });
        res.end(JSON.stringify({ message: "slow down", code: "too.many.requests.retry.after", status: 429 }));
      } else {
        res.writeHead(200, { "Content-Type": "application/json" });
        res.end('{"ok":true}');
      }
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const port = (server.address() as { port: number }).port;
    const slept: number[] = [];
    let now = 0;
    const clock: Clock = { now: () => now, sleep: async (ms) => { slept.push(ms); now += ms; }, random: () => 0.5 };
    const transport = createTransport({ policy: retryPolicy({}), clock });
    const answer = await transport.send({ method: "GET", baseUrl: `http://127.0.0.1:${port}`, path: "/x" });
    server.close();
    expect(isLeft(answer) ? answer.left : { status: answer.right.status, body: answer.right.body, retries: answer.right.retries })
      .toEqual({ status: 200, body: { ok: true }, retries: 2 });
    // Retry-After (30 s) plus full jitter over 500 ms and then 1000 ms (capped at the base delay), at random 0.5.
    expect(slept).toEqual([30250, 30500]);
  });
});

describe("rate limits and the operation's time budget", () => {
  it("retries a 429 past maxRetries while the budget lasts, and stops when the next wait does not fit", () => {
    expect(decide(answered(429, 1000), 10, policy, 0, 60_000)).toEqual({ _tag: "Retry", delayMs: 1000 });
    expect(decide(answered(429, 1000), 10, policy, 0, 999)).toEqual({ _tag: "Stop", why: "exhausted" });
    expect(decide(answered(503), 3, policy, 0, 60_000)).toEqual({ _tag: "Stop", why: "exhausted" });
  });

  it("holds every request to the origin while one waits out a 429 (one gate per origin)", async () => {
    const { gateFor } = await import("../../src/genesys");
    const gate = gateFor("http://gate-test.invalid");
    let now = 1000;
    const slept: number[] = [];
    const clock: Clock = { now: () => now, sleep: async (ms) => { slept.push(ms); now += ms; }, random: () => 0 };
    gate.closeUntil(4000);
    gate.closeUntil(2000); // an earlier time never shortens the hold
    await gate.pass(clock);
    await gate.pass(clock);
    expect([slept, now, gateFor("http://gate-test.invalid") === gate]).toEqual([[3000], 4000, true]);
  });
});
