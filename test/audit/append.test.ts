import { isLeft, isRight, left } from "fp-ts/Either";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { GENESIS_HASH } from "../../src/audit/chain";
import { LOCK_DEFAULTS } from "../../src/audit/lock";
import { appendAuditEntry, tryAppendAuditEntry } from "../../src/audit/append";
import { verifyAuditLog } from "../../src/audit/verify";
import { openAuditAppender } from "../../src/audit/append";
import { storeHarnesses } from "./support/harness";

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "audit-append-"));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

const input = {
  action: "create" as const,
  sourceId: "src-1",
  payloadHash: "ab".repeat(32),
  result: "success" as const,
};

describe.each(storeHarnesses())("appendAuditEntry ($name store)", (store) => {
  beforeAll(() => store.setup(), 60_000);
  afterAll(() => store.teardown(), 30_000);
  const opts = () => store.options();

  it("writes the first entry chained to the genesis hash, hashed over its canonical JSON, in a new location", async () => {
    const location = store.fresh("nested/deeper");
    const entry = await appendAuditEntry(
      location,
      {
        ...input,
        auditId: "id-1",
        timestamp: "2024-05-01T10:00:00.000Z",
        metrics: { durationMs: 12 },
        details: { etag: "3" },
      },
      opts(),
    );
    const canonical =
      '{"action":"create","auditId":"id-1","details":{"etag":"3"},"metrics":{"durationMs":12},' +
      `"payloadHash":"${"ab".repeat(32)}","prevHash":"${GENESIS_HASH}","result":"success","sourceId":"src-1",` +
      '"timestamp":"2024-05-01T10:00:00.000Z"}';
    const expected = {
      auditId: "id-1",
      timestamp: "2024-05-01T10:00:00.000Z",
      action: "create",
      sourceId: "src-1",
      payloadHash: "ab".repeat(32),
      result: "success",
      metrics: { durationMs: 12 },
      details: { etag: "3" },
      prevHash: GENESIS_HASH,
      hash: sha256(canonical),
    };
    expect(entry).toEqual(expected);
    const line = canonical.replace('"metrics"', `"hash":"${sha256(canonical)}","metrics"`);
    expect(await store.read(location)).toBe(`${line}\n`);
  });

  it("chains each entry to the hash of the one before", async () => {
    const location = store.fresh("chain");
    const first = await appendAuditEntry(location, input, opts());
    const second = await appendAuditEntry(location, { ...input, action: "update", result: "failure", error: "HTTP 409" }, opts());
    expect({ first: first.prevHash, second: second.prevHash }).toEqual({ first: GENESIS_HASH, second: first.hash });
    expect(await verifyAuditLog(location, opts())).toEqual({ _tag: "Intact", ok: true, entries: 2, lastHash: second.hash, inDoubt: [] });
  });

  it("writes an intent and an outcome naming it", async () => {
    const location = store.fresh("intent");
    const intent = await appendAuditEntry(
      location,
      { ...input, result: "intent", details: { expectedToken: '"3-abc"', owner: "nonce-1" } },
      opts(),
    );
    const outcome = await appendAuditEntry(location, { ...input, intentId: intent.auditId }, opts());
    const lines = (await store.read(location)).trimEnd().split("\n").map((l) => JSON.parse(l));
    expect(lines).toEqual([intent, outcome]);
    expect({ result: intent.result, intentId: outcome.intentId, details: intent.details }).toEqual({
      result: "intent",
      intentId: intent.auditId,
      details: { expectedToken: '"3-abc"', owner: "nonce-1" },
    });
  });

  it("writes only the declared fields of its input", async () => {
    const location = store.fresh("sneaky");
    const sneaky = { ...input, auditId: "id-2", timestamp: "2024-05-01T10:00:00.000Z", clientSecret: "hunter2" };
    await appendAuditEntry(location, sneaky, opts());
    const line = JSON.parse(await store.read(location)) as Record<string, unknown>;
    expect(Object.keys(line).sort()).toEqual(["action", "auditId", "hash", "payloadHash", "prevHash", "result", "sourceId", "timestamp"]);
  });

  it.each([
    ["an unparsable last line", (good: string) => `${good}{not json\n`, "the last line is not valid JSON"],
    ["a last line that is not an entry", (good: string) => `${good}{"hello":1}\n`, "the last line is not an audit entry"],
    ["an edited last line", (good: string) => good.replace('"src-1"', '"src-2"'), "the last entry does not match its hash (edited)"],
  ])("refuses to extend a log with %s", async (_name, damage, reason) => {
    const location = store.fresh("damaged");
    await appendAuditEntry(location, input, opts());
    const good = await store.read(location);
    const damaged = damage(good);
    await store.write(location, damaged);
    const path = store.tailName(location, damaged);
    expect(await tryAppendAuditEntry(location, input, opts())).toEqual(left({ _tag: "DamagedLog", path, reason }));
    expect(await store.read(location)).toBe(damaged);
    await expect(appendAuditEntry(location, input, opts())).rejects.toThrow(`audit log ${path} is damaged, refusing to append: ${reason}`);
  });

  it("finds the last hash even when the last entry is longer than the first tail chunk", async () => {
    const location = store.fresh("long");
    await appendAuditEntry(location, input, opts());
    const long = await appendAuditEntry(location, { ...input, details: { note: "x".repeat(20_000) } }, opts());
    const next = await appendAuditEntry(location, input, opts());
    expect(next.prevHash).toBe(long.hash);
    expect(await verifyAuditLog(location, opts())).toMatchObject({ _tag: "Intact", entries: 3, lastHash: next.hash });
  });

  it("continues the chain another writer extended meanwhile", async () => {
    const location = store.fresh("other-writer");
    await appendAuditEntry(location, input, opts());
    // Another process (here: raw content written behind this store's back) adds an entry.
    const other = await appendAuditEntry(store.fresh("scratch"), input, opts());
    const mine = await store.read(location);
    const foreign = JSON.parse(mine.trimEnd());
    const { sealEntry, entryLine } = await import("../../src/audit/chain");
    const added = sealEntry({ ...foreign, auditId: `${other.auditId}-x` }, foreign.hash);
    await store.write(location, mine + entryLine(added));
    const next = await appendAuditEntry(location, input, opts());
    expect(next.prevHash).toBe(added.hash);
    expect(await verifyAuditLog(location, opts())).toMatchObject({ _tag: "Intact", entries: 3 });
  });

  it("answers a location that names no store with a clear error", async () => {
    expect(await tryAppendAuditEntry("s3:///no-bucket", input, opts())).toEqual(
      left({ _tag: "BadLocation", location: "s3:///no-bucket", reason: "no bucket (expected s3://bucket/prefix)" }),
    );
  });
});

describe("the append lock", () => {
  const lockFile = (logPath: string, owner: object) => fs.writeFile(`${logPath}.lock`, JSON.stringify(owner));

  it("breaks a lock whose owner process is gone", async () => {
    const logPath = path.join(dir, "audit.jsonl");
    const gone = spawnSync(process.execPath, ["-e", ""]).pid;
    await lockFile(logPath, { pid: gone, host: os.hostname(), since: new Date().toISOString(), token: "t" });
    const result = await tryAppendAuditEntry(logPath, input, { lock: { timeoutMs: 2000 } });
    expect(isRight(result)).toBe(true);
    await expect(fs.access(`${logPath}.lock`)).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("breaks at once a lock whose owner was killed and not reaped yet (a zombie)", async () => {
    const logPath = path.join(dir, "audit.jsonl");
    // A parent that forks a child, prints its pid and sleeps without ever reaping it: killed, the child stays a zombie.
    const forkAndSleep = "import os, time\npid = os.fork()\nif pid == 0:\n    time.sleep(30)\n    os._exit(0)\nprint(pid, flush=True)\ntime.sleep(30)";
    const parent = require("node:child_process").spawn("python3", ["-c", forkAndSleep], { stdio: ["ignore", "pipe", "ignore"] });
    try {
      const pid = Number(await new Promise<string>((resolve) => parent.stdout.once("data", (d: Buffer) => resolve(d.toString().trim()))));
      process.kill(pid, "SIGKILL");
      await new Promise((r) => setTimeout(r, 200));
      const stat = await fs.readFile(`/proc/${pid}/stat`, "utf8");
      expect(stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3)).toBe("Z");
      await lockFile(logPath, { pid, host: os.hostname(), since: new Date().toISOString(), token: "t" });
      const result = await tryAppendAuditEntry(logPath, input, { lock: { timeoutMs: 1000 } });
      expect(isRight(result)).toBe(true);
    } finally {
      parent.kill("SIGKILL");
    }
  });

  it("waits longer by default than a lock takes to turn stale, so an abandoned lock never fails an append", () => {
    expect(LOCK_DEFAULTS.timeoutMs).toBeGreaterThan(LOCK_DEFAULTS.staleMs);
  });

  it("breaks a lock older than the staleness limit even when its owner cannot be checked", async () => {
    const logPath = path.join(dir, "audit.jsonl");
    const since = new Date(Date.now() - 60_000).toISOString();
    await lockFile(logPath, { pid: 1, host: "another-host", since, token: "t" });
    const result = await tryAppendAuditEntry(logPath, input, { lock: { timeoutMs: 2000, staleMs: 30_000 } });
    expect(isRight(result)).toBe(true);
  });

  it("gives up after the total wait with an error naming the holder, and writes nothing", async () => {
    const logPath = path.join(dir, "audit.jsonl");
    const since = new Date().toISOString();
    await lockFile(logPath, { pid: process.pid, host: os.hostname(), since, token: "t" });
    const result = await tryAppendAuditEntry(logPath, input, { lock: { timeoutMs: 150 } });
    expect(result).toEqual(
      left({
        _tag: "LockTimeout",
        lockPath: `${logPath}.lock`,
        waitedMs: expect.any(Number),
        holder: { pid: process.pid, host: os.hostname(), since },
      }),
    );
    if (isLeft(result) && result.left._tag === "LockTimeout") expect(result.left.waitedMs).toBeGreaterThanOrEqual(150);
    await expect(fs.access(logPath)).rejects.toMatchObject({ code: "ENOENT" });
    // The live lock was left alone.
    expect(JSON.parse(await fs.readFile(`${logPath}.lock`, "utf8"))).toEqual({ pid: process.pid, host: os.hostname(), since, token: "t" });
  });
});

describe("openAuditAppender", () => {
  it("refuses a location that names no store before any append", () => {
    expect(openAuditAppender("s3://")).toEqual(left(expect.objectContaining({ _tag: "BadLocation" })));
  });

  it("appends through the one opened store, chaining each entry to the one before", async () => {
    const location = path.join(dir, "audit.jsonl");
    const opened = openAuditAppender(location, { now: () => new Date("2024-05-01T10:00:00.000Z") });
    if (isLeft(opened)) throw new Error("expected an appender");
    const appender = opened.right;
    const first = await appender.append(input);
    const second = await appender.append({ ...input, result: "failure" });
    if (isLeft(first) || isLeft(second)) throw new Error("expected both appends to succeed");
    expect([first.right.prevHash, second.right.prevHash, second.right.timestamp]).toEqual([GENESIS_HASH, first.right.hash, "2024-05-01T10:00:00.000Z"]);
    expect((await verifyAuditLog(location)).ok).toBe(true);
  });
});

describe("the file store's folder", () => {
  it("is made again when it went away after the first append", async () => {
    const location = path.join(dir, "gone", "audit.jsonl");
    const opened = openAuditAppender(location);
    if (isLeft(opened)) throw new Error("expected an appender");
    const appender = opened.right;
    expect(isRight(await appender.append(input))).toBe(true);
    await fs.rm(path.join(dir, "gone"), { recursive: true, force: true });
    const again = await appender.append(input);
    expect(isRight(again) && again.right.prevHash).toBe(GENESIS_HASH);
    expect((await verifyAuditLog(location)).ok).toBe(true);
  });
});
