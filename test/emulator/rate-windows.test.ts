import { RateWindows, generousAllowance } from "../../src/emulator/rate-windows";
import { emulatorFixture } from "../genesys/support";

/** A window model on a clock the test moves. */
function model(limits: ConstructorParameters<typeof RateWindows>[0]) {
  let now = 1_000_000;
  const windows = new RateWindows(limits, () => now);
  return { windows, advance: (ms: number) => (now += ms) };
}

describe("the platform's rate-limit model: fixed windows per token", () => {
  it("counts each token's requests in a window that opens with its first and refuses the one past the allowance until the reset", () => {
    const { windows, advance } = model({ perToken: { allowed: 3, windowSeconds: 6 } });
    const seen = [windows.take("a", "c"), windows.take("a", "c")];
    advance(2500);
    seen.push(windows.take("a", "c"), windows.take("a", "c"), windows.take("b", "c"));
    advance(3500);
    seen.push(windows.take("a", "c"));
    expect(seen).toEqual([
      { allowed: true, standing: { count: 1, allowed: 3, resetSeconds: 6 } },
      { allowed: true, standing: { count: 2, allowed: 3, resetSeconds: 6 } },
      { allowed: true, standing: { count: 3, allowed: 3, resetSeconds: 4 } },
      { allowed: false, standing: { count: 3, allowed: 3, resetSeconds: 4 }, retryAfterSeconds: 4 },
      { allowed: true, standing: { count: 1, allowed: 3, resetSeconds: 6 } },
      { allowed: true, standing: { count: 1, allowed: 3, resetSeconds: 6 } },
    ]);
  });

  it("caps a client over all its tokens and the organization over all clients, without saying so in the token's standing", () => {
    const { windows } = model({ perToken: { allowed: 10, windowSeconds: 60 }, perClient: { allowed: 2, windowSeconds: 30 }, perOrganization: { allowed: 3, windowSeconds: 10 } });
    const verdicts = [windows.take("a", "c1"), windows.take("b", "c1"), windows.take("c", "c1"), windows.take("d", "c2"), windows.take("e", "c3")];
    expect(verdicts).toEqual([
      { allowed: true, standing: { count: 1, allowed: 10, resetSeconds: 60 } },
      { allowed: true, standing: { count: 1, allowed: 10, resetSeconds: 60 } },
      { allowed: false, standing: { count: 0, allowed: 10, resetSeconds: 60 }, retryAfterSeconds: 30 },
      { allowed: true, standing: { count: 1, allowed: 10, resetSeconds: 60 } },
      { allowed: false, standing: { count: 0, allowed: 10, resetSeconds: 60 }, retryAfterSeconds: 10 },
    ]);
  });

  it("reports a generous allowance when no per-token limit is set", () => {
    const { windows } = model({});
    expect([windows.take("a", "c"), windows.take("a", "c")]).toEqual([
      { allowed: true, standing: { count: 1, allowed: generousAllowance.allowed, resetSeconds: 60 } },
      { allowed: true, standing: { count: 2, allowed: generousAllowance.allowed, resetSeconds: 60 } },
    ]);
  });
});

describe("the emulator's rate-limit headers and 429", () => {
  const emulator = emulatorFixture();

  async function token(): Promise<string> {
    const basic = Buffer.from("emulator-client:emulator-secret").toString("base64");
    const r = await fetch(`${emulator.get().url}/oauth/token`, { method: "POST", headers: { Authorization: `Basic ${basic}`, "Content-Type": "application/x-www-form-urlencoded" }, body: "grant_type=client_credentials" });
    return ((await r.json()) as { access_token: string }).access_token;
  }

  const standingOf = (r: Response) => ["count", "allowed", "reset"].map((h) => r.headers.get(`inin-ratelimit-${h}`));

  it("puts inin-ratelimit-count, -allowed and -reset on every API answer, and a 429 with Retry-After equal to the reset and the platform's body past the allowance", async () => {
    const admin = await fetch(`${emulator.get().url}/__emulator/rate-limit`, { method: "POST", body: JSON.stringify({ perToken: { allowed: 2, windowSeconds: 6 } }) });
    expect(await admin.json()).toEqual({ enabled: true, perToken: { allowed: 2, windowSeconds: 6 } });
    const bearer = { Authorization: `Bearer ${await token()}` };
    const answers = [];
    for (const path of ["/api/v2/organizations/me", "/api/v2/integrations/nope", "/api/v2/organizations/me"]) answers.push(await fetch(`${emulator.get().url}${path}`, { headers: bearer }));
    const last = answers[2];
    expect({
      seen: answers.map((r) => [r.status, ...standingOf(r)]),
      retryAfter: last.headers.get("retry-after"),
      body: await last.json(),
    }).toEqual({
      seen: [[200, "1", "2", "6"], [404, "2", "2", "6"], [429, "2", "2", "6"]],
      retryAfter: "6",
      body: {
        message: "Rate limit exceeded the maximum. Retry the request in [6] seconds",
        code: "too.many.requests.retry.after",
        status: 429,
        contextId: last.headers.get("inin-correlation-id"),
        details: [],
        errors: [],
      },
    });
  });

  it("says the generous allowance with no limit set, and refuses a malformed model naming the field", async () => {
    const off = await fetch(`${emulator.get().url}/__emulator/rate-limit`, { method: "POST", body: JSON.stringify({ enabled: false }) });
    const r = await fetch(`${emulator.get().url}/api/v2/organizations/me`, { headers: { Authorization: `Bearer ${await token()}` } });
    const bad = await fetch(`${emulator.get().url}/__emulator/rate-limit`, { method: "POST", body: JSON.stringify({ perToken: { allowed: 0, windowSeconds: 6 } }) });
    expect([await off.json(), standingOf(r), bad.status, ((await bad.json()) as { message: string }).message]).toEqual([
      { enabled: false },
      ["1", String(generousAllowance.allowed), "60"],
      400,
      expect.stringContaining("perToken"),
    ]);
  });
});
