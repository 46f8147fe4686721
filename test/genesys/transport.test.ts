import { isLeft } from "fp-ts/Either";
import type { Clock } from "../../src/genesys/clock";
import { createTransport } from "../../src/genesys/http";
import { gateFor } from "../../src/genesys/limiter";
import { retryPolicy } from "../../src/http/retry-policy";

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

describe("the request gate", () => {
  it("holds every request to the origin while one waits out a 429 (one gate per origin)", async () => {
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
