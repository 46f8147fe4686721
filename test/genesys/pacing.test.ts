import { isLeft } from "fp-ts/Either";
import type { Clock } from "../../src/genesys/clock";
import { TokenCache } from "../../src/genesys/token-cache";
import { TokenPool } from "../../src/genesys/token-pool";
import { WindowSchedule, standingOf } from "../../src/genesys/window-schedule";
import { clientFor, emulatorFixture } from "./support";

describe("pacing one token from its standing", () => {
  it("reads the platform's headers, and nothing from missing or malformed ones", () => {
    expect([
      standingOf({ "inin-ratelimit-count": "1", "inin-ratelimit-allowed": "180", "inin-ratelimit-reset": "61" }),
      standingOf({ "inin-ratelimit-count": "1", "inin-ratelimit-allowed": "180" }),
      standingOf({ "inin-ratelimit-count": "x", "inin-ratelimit-allowed": "180", "inin-ratelimit-reset": "61" }),
    ]).toEqual([{ count: 1, allowed: 180, resetMs: 61_000 }, undefined, undefined]);
  });

  it("sends one probe, then spreads what is left of the window over the time to its reset, then starts the next window", () => {
    const s = new WindowSchedule();
    const starts: Array<number | undefined> = [s.nextStart(0)];
    const probe = s.start(0);
    starts.push(s.nextStart(0));
    s.observe(probe, { count: 1, allowed: 5, resetMs: 3000 }, 0);
    // four left over 3000 ms: the first at once, each next after (time left) / (requests left)
    for (const now of [0, 500, 1000, 2000, 3000]) {
      const at = s.nextStart(now);
      starts.push(at);
      if (at !== undefined && at <= now) s.start(now);
    }
    starts.push(s.nextStart(3001), s.nextStart(3050));
    expect(starts).toEqual([0, undefined, 0, 1000, 1000, 2000, 3000, 3050, 3050]);
  });

  it("turns pacing off for a token whose answers carry no standing", () => {
    const s = new WindowSchedule();
    const probe = s.start(0);
    s.observe(probe, undefined, 5);
    s.start(5);
    s.start(5);
    expect([s.paced(), s.nextStart(5)]).toEqual([false, 5]);
  });
});

describe("the token pool", () => {
  /** A clock that stands still; its sleeps never end (nothing here waits out a window). */
  const stillClock: Clock = { now: () => 0, random: () => 0, sleep: () => new Promise<void>(() => undefined) };

  it("waits for a token's first answer, then opens another token only when the open ones would make a request wait", async () => {
    const pool = new TokenPool(3, stillClock);
    const probe = await pool.admit();
    const queued = [pool.admit(), pool.admit(), pool.admit(), pool.admit()];
    const opened = [pool.opened()];
    pool.observe(probe, { count: 1, allowed: 2, resetMs: 10_000 });
    const [, second] = await Promise.all(queued.slice(0, 2));
    opened.push(pool.opened());
    pool.observe(second, { count: 1, allowed: 2, resetMs: 10_000 });
    const slots = [probe, ...(await Promise.all(queued))].map((a) => a.slot);
    expect({ opened: [...opened, pool.opened()], slots }).toEqual({ opened: [1, 2, 3], slots: [0, 0, 1, 1, 2] });
  });

  it("keeps one token while the requests queued on it would wait less than a second, and opens one when they would wait longer", async () => {
    const pool = new TokenPool(2, stillClock);
    const probe = await pool.admit();
    for (let i = 0; i < 5; i++) void pool.admit();
    pool.observe(probe, { count: 1, allowed: 30, resetMs: 6000 });
    // One starts at once; then 28 left over 6 s, one every 0.214 s: the four waiting wait up to 0.86 s, a fifth 1.07 s.
    const held = pool.opened();
    void pool.admit();
    expect([held, pool.opened()]).toEqual([1, 2]);
  });

  it("keeps a retry on its request's token", async () => {
    const pool = new TokenPool(2, stillClock);
    const a = await pool.admit();
    pool.observe(a, { count: 1, allowed: 100, resetMs: 60_000 });
    const again = await pool.admit(a.slot);
    expect([again.slot, pool.opened()]).toEqual([0, 1]);
  });
});

describe("pacing against the emulator", () => {
  const emulator = emulatorFixture();

  async function burst(tokenPool: number, requests: number, clients = 1) {
    await fetch(`${emulator.get().url}/__emulator/rate-limit`, { method: "POST", body: JSON.stringify({ perToken: { allowed: 4, windowSeconds: 1 } }) });
    const tokenCache = new TokenCache();
    const made = Array.from({ length: clients }, () => clientFor(emulator.get(), { tokenPool, tokenCache }));
    const started = Date.now();
    const answers = await Promise.all(Array.from({ length: requests }, (_, i) => made[i % clients].request({ method: "GET", path: "/api/v2/organizations/me" })));
    const seconds = (Date.now() - started) / 1000;
    const journal = emulator.get().journal().filter((e) => e.path.startsWith("/api/"));
    return {
      failed: answers.filter(isLeft).length,
      answered429: journal.filter((e) => e.status === 429).length,
      served: journal.filter((e) => e.status === 200).length,
      tokens: emulator.get().journal().filter((e) => e.path === "/oauth/token").length,
      seconds,
    };
  }

  it("answers no request of a burst with 429 under a small per-token window, on one token", async () => {
    const r = await burst(1, 10);
    // 10 requests at 4 per second on one token: the third window holds the last two.
    expect({ ...r, seconds: r.seconds >= 2 }).toEqual({ failed: 0, answered429: 0, served: 10, tokens: 1, seconds: true });
  });

  it("paces the tokens of one cache as one pool, however many clients are made over it", async () => {
    const r = await burst(1, 10, 3);
    expect({ ...r, seconds: r.seconds >= 2 }).toEqual({ failed: 0, answered429: 0, served: 10, tokens: 1, seconds: true });
  });

  it("spreads the burst over the pool, faster and still without a 429", async () => {
    const r = await burst(3, 10);
    expect({ ...r, seconds: r.seconds < 2 }).toEqual({ failed: 0, answered429: 0, served: 10, tokens: 3, seconds: true });
  });
});
