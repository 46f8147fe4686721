import { isLeft } from "fp-ts/Either";
import type { GenesysClient } from "../../src/genesys/client";
import { EVENT_STREAMS } from "../../src/emulator";
import { calls, clientFor, definitionJson, emulatorFixture, shiftedClock } from "./support";

const emulator = emulatorFixture();
const path = "/api/v2/configuration/event-streams/orders-source";

async function seed(): Promise<void> {
  await emulator.get().reset();
  // Stored directly, so that each test's journal starts empty.
  emulator.get().state.collection(EVENT_STREAMS).write("orders-source", definitionJson());
}

async function get(client: GenesysClient) {
  const answer = await client.request({ method: "GET", path });
  return isLeft(answer) ? answer.left : { status: answer.right.status, retries: answer.right.retries, id: (answer.right.body as { id: string }).id };
}

describe("GenesysClient against the emulator", () => {
  beforeEach(seed);

  it("fetches one token for many calls, even when they start together", async () => {
    const client = clientFor(emulator.get());
    const results = await Promise.all(Array.from({ length: 5 }, () => get(client)));
    results.push(await get(client));
    expect(results).toEqual(Array.from({ length: 6 }, () => ({ status: 200, retries: 0, id: "orders-source" })));
    expect(calls(emulator.get()).filter((c) => c.startsWith("POST /oauth/token"))).toEqual(["POST /oauth/token 200"]);
  });

  it("refreshes the token shortly before it expires", async () => {
    const clock = shiftedClock();
    const client = clientFor(emulator.get(), { clock });
    await get(client);
    clock.advance(86_400_000 - 59_000);
    await get(client);
    expect(calls(emulator.get())).toEqual([`POST /oauth/token 200`, `GET ${path} 200`, `POST /oauth/token 200`, `GET ${path} 200`]);
  });

  it("uses a short-lived token until the server would expire it", async () => {
    await fetch(`${emulator.get().url}/__emulator/token-lifetime`, { method: "POST", body: JSON.stringify({ seconds: 1 }) });
    const client = clientFor(emulator.get());
    await get(client);
    await new Promise((r) => setTimeout(r, 600));
    expect(await get(client)).toEqual({ status: 200, retries: 0, id: "orders-source" });
    expect(calls(emulator.get())).toEqual(["POST /__emulator/token-lifetime 200", `POST /oauth/token 200`, `GET ${path} 200`, `POST /oauth/token 200`, `GET ${path} 200`]);
  });

  it("answers a 401 by dropping the token and retrying once with a fresh one", async () => {
    const client = clientFor(emulator.get());
    await get(client);
    emulator.get().state.tokens.revokeAll();
    expect(await get(client)).toEqual({ status: 200, retries: 1, id: "orders-source" });
    expect(calls(emulator.get())).toEqual([`POST /oauth/token 200`, `GET ${path} 200`, `GET ${path} 401`, `POST /oauth/token 200`, `GET ${path} 200`]);
  });

  it("reports wrong credentials as Unauthorized without retrying", async () => {
    const client = clientFor(emulator.get(), { clientSecret: "wrong-secret-value" });
    const e = await get(client);
    expect(e).toEqual({ _tag: "Unauthorized", method: "POST", path: "/oauth/token", status: 401, code: "invalid_client", message: "client not found", correlationId: expect.any(String) });
    expect(calls(emulator.get())).toEqual(["POST /oauth/token 401"]);
  });

  it("honours Retry-After: two 429s then success take about two seconds and three requests", async () => {
    const client = clientFor(emulator.get());
    await get(client);
    emulator.get().addFault({ method: "GET", path, times: 2, action: { status: 429, headers: { "Retry-After": "1" }, body: { message: "Rate limit exceeded", code: "too.many.requests.retry.after", status: 429 } } });
    const started = Date.now();
    const result = await get(client);
    const elapsed = Date.now() - started;
    expect(result).toEqual({ status: 200, retries: 2, id: "orders-source" });
    expect(elapsed).toBeGreaterThanOrEqual(1950);
    expect(elapsed).toBeLessThan(3500);
    expect(calls(emulator.get()).slice(2)).toEqual([`GET ${path} 429`, `GET ${path} 429`, `GET ${path} 200`]);
  });

  it("gives up with RateLimited when Retry-After exceeds the cap", async () => {
    const client = clientFor(emulator.get(), { retry: { retryAfterCapMs: 5000 } });
    emulator.get().addFault({ method: "GET", path, action: { status: 429, headers: { "Retry-After": "120" }, body: { message: "slow", code: "too.many.requests.retry.after", status: 429 } } });
    expect(await get(client)).toEqual({
      _tag: "RateLimited", method: "GET", path, status: 429, code: "too.many.requests.retry.after",
      message: "Retry-After of 120 s exceeds the cap of 5 s", correlationId: expect.any(String), retryAfterMs: 120000,
    });
  });

  it("retries a 503 and succeeds", async () => {
    const client = clientFor(emulator.get());
    emulator.get().addFault({ method: "GET", path, action: { status: 503, body: { message: "unavailable", code: "service.unavailable", status: 503 } } });
    expect(await get(client)).toEqual({ status: 200, retries: 1, id: "orders-source" });
  });

  it("does not retry a 501", async () => {
    const client = clientFor(emulator.get());
    emulator.get().addFault({ method: "GET", path, times: 3, action: { status: 501, body: { message: "not implemented", code: "not.implemented", status: 501 } } });
    expect(await get(client)).toEqual({ _tag: "ServerError", method: "GET", path, status: 501, code: "not.implemented", message: "not implemented", correlationId: expect.any(String) });
    expect(calls(emulator.get()).filter((c) => c.startsWith("GET"))).toEqual([`GET ${path} 501`]);
  });

  it("retries a connection reset and succeeds", async () => {
    const client = clientFor(emulator.get());
    emulator.get().addFault({ method: "GET", path, action: { reset: true } });
    expect(await get(client)).toEqual({ status: 200, retries: 1, id: "orders-source" });
    expect(calls(emulator.get()).filter((c) => c.startsWith("GET"))).toEqual([`GET ${path} 0`, `GET ${path} 200`]);
  });

  it("surfaces a timeout as a Network error", async () => {
    const client = clientFor(emulator.get(), { timeoutMs: 200 });
    await get(client);
    emulator.get().addFault({ method: "GET", path, action: { delayMs: 1500 } });
    expect(await get(client)).toEqual({ _tag: "Network", method: "GET", path, reason: "timeout: timeout of 200ms exceeded" });
  });

  it("surfaces malformed JSON as a Decode error", async () => {
    const client = clientFor(emulator.get());
    emulator.get().addFault({ method: "GET", path, action: { malformedJson: true } });
    const e = await get(client);
    expect(e).toEqual({ _tag: "Decode", method: "GET", path, status: 200, correlationId: expect.any(String), reason: expect.stringMatching(/^the body is not JSON/) });
  });

  it("retries a throttled token endpoint (400 invalid_request, rate limit)", async () => {
    const client = clientFor(emulator.get());
    emulator.get().addFault({ method: "POST", path: "/oauth/token", action: { status: 400, body: { error: "invalid_request", description: "Rate limit exceeded", error_description: "Rate limit exceeded" } } });
    expect(await get(client)).toEqual({ status: 200, retries: 1, id: "orders-source" });
    expect(calls(emulator.get())).toEqual(["POST /oauth/token 400", "POST /oauth/token 200", `GET ${path} 200`]);
  });

  it("reports missing write permission as Forbidden", async () => {
    const client = clientFor(emulator.get());
    await fetch(`${emulator.get().url}/__emulator/permissions`, { method: "POST", body: JSON.stringify({ write: false }) });
    const answer = await client.request({ method: "DELETE", path });
    expect(isLeft(answer) && answer.left).toEqual({
      _tag: "Forbidden", method: "DELETE", path, status: 403, code: "missing.any.permissions",
      message: "You are missing the following permission(s): integrations:integration:edit", correlationId: expect.any(String),
    });
  });

  it("logs one line per exchange with method, path, status, time and attempt", async () => {
    const lines: string[] = [];
    const client = clientFor(emulator.get(), { logger: (l) => lines.push(l) });
    emulator.get().addFault({ method: "GET", path, action: { status: 502 } });
    await get(client);
    expect(lines.map((l) => l.replace(/ \d+ms /, " Nms "))).toEqual([
      "POST /oauth/token 200 Nms attempt 1",
      `GET ${path} 502 Nms attempt 1`,
      `GET ${path} 200 Nms attempt 2`,
    ]);
  });
});
