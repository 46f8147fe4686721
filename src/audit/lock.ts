import { Either, left, right } from "fp-ts/Either";
import { randomUUID } from "node:crypto";
import { promises as fs, readFileSync } from "node:fs";
import { hostname } from "node:os";
import { AuditError, LockTimeout, ioFailure, lockTimeout } from "./errors";

/** LockOptions tunes {@link withFileLock}; every field has a default. */
export interface LockOptions {
  /**
   * Longest total wait for the lock before giving up, in ms (default 45 000):
   * longer than `staleMs`, so that a lock abandoned where its owner cannot be
   * checked (another host, a lock file left empty by a crash) is broken
   * within the wait rather than failing the append.
   */
  readonly timeoutMs?: number;
  /** A lock older than this is presumed abandoned, in ms (default 30 000). */
  readonly staleMs?: number;
  /** Smallest and largest randomized pause between attempts, in ms (default 2 and 25). */
  readonly minWaitMs?: number;
  readonly maxWaitMs?: number;
}

/** LockOwner is what a lock file holds: who took it, when, and a unique token. */
interface LockOwner {
  readonly pid: number;
  readonly host: string;
  readonly since: string;
  readonly token: string;
}

/** LOCK_DEFAULTS are the lock timings used where {@link LockOptions} leaves a field out. */
export const LOCK_DEFAULTS = { timeoutMs: 45_000, staleMs: 30_000, minWaitMs: 2, maxWaitMs: 25 } as const;
const defaults = LOCK_DEFAULTS;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function parseOwner(text: string): LockOwner | undefined {
  try {
    const v = JSON.parse(text) as Partial<LockOwner>;
    return typeof v.pid === "number" && typeof v.host === "string" && typeof v.since === "string" && typeof v.token === "string"
      ? (v as LockOwner)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether process `pid` on this host is still running. A process killed
 * (kill -9) whose parent has not reaped it yet is a zombie: it still answers
 * `kill(pid, 0)` but will never release a lock, so on Linux its state in
 * `/proc/<pid>/stat` is read too.
 */
function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    if ((e as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The state follows the parenthesised command name, which may itself hold spaces or parentheses.
    const state = stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3);
    return state !== "Z" && state !== "X";
  } catch {
    return true; // no /proc (not Linux) or unreadable: trust kill(pid, 0)
  }
}

/**
 * A lock is stale when its owner on this host is gone, or when it is older
 * than `staleMs` (covers other hosts and lock files left half-written by a
 * crash between create and write).
 */
async function isStale(lockPath: string, staleMs: number): Promise<{ stale: boolean; text: string; owner?: LockOwner }> {
  let text: string;
  let mtimeMs: number;
  try {
    [text, mtimeMs] = await Promise.all([fs.readFile(lockPath, "utf8"), fs.stat(lockPath).then((s) => s.mtimeMs)]);
  } catch {
    return { stale: false, text: "" }; // vanished meanwhile: just try again
  }
  const owner = parseOwner(text);
  const age = Date.now() - (owner ? Date.parse(owner.since) : mtimeMs);
  if (owner && owner.host === hostname() && !pidAlive(owner.pid)) return { stale: true, text, owner };
  return { stale: age > staleMs, text, ...(owner ? { owner } : {}) };
}

/**
 * Removes a stale lock without ever removing a live one: the lock is first
 * renamed to a private name (only one contender can win the rename), then its
 * content is compared with what was judged stale. If a fresh lock was taken
 * in between, it is put back with an exclusive `link`.
 */
async function breakStaleLock(lockPath: string, judgedText: string): Promise<void> {
  const aside = `${lockPath}.${randomUUID()}.stale`;
  try {
    await fs.rename(lockPath, aside);
  } catch {
    return; // someone else broke or released it
  }
  try {
    const text = await fs.readFile(aside, "utf8");
    if (text !== judgedText) await fs.link(aside, lockPath).catch(() => undefined);
  } finally {
    await fs.unlink(aside).catch(() => undefined);
  }
}

async function release(lockPath: string, token: string): Promise<void> {
  try {
    const owner = parseOwner(await fs.readFile(lockPath, "utf8"));
    if (owner?.token === token) await fs.unlink(lockPath);
  } catch {
    // Already gone (e.g. broken as stale after a very long pause): nothing to release.
  }
}

/**
 * withFileLock runs `body` while holding a cross-process lock on `lockPath`:
 * a lock file created exclusively (`wx`) that records the owner's pid, host
 * and start time. Contenders retry after small randomized waits, break stale
 * locks (owner process gone, or older than `staleMs`), and give up after
 * `timeoutMs` with a {@link LockTimeout}. The lock is released when `body`
 * settles, whether it resolved or rejected.
 */
export async function withFileLock<A>(
  lockPath: string,
  body: () => Promise<A>,
  options: LockOptions = {},
): Promise<Either<AuditError, A>> {
  const o = { ...defaults, ...options };
  const started = Date.now();
  const owner: LockOwner = { pid: process.pid, host: hostname(), since: "", token: randomUUID() };
  let lastHolder: LockTimeout["holder"];
  for (;;) {
    let handle: fs.FileHandle | undefined;
    try {
      handle = await fs.open(lockPath, "wx");
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== "EEXIST") return left(ioFailure(lockPath, "create lock", e));
    }
    if (handle !== undefined) {
      try {
        await handle.writeFile(JSON.stringify({ ...owner, since: new Date().toISOString() }), "utf8");
        await handle.close();
      } catch (e) {
        await handle.close().catch(() => undefined);
        await fs.unlink(lockPath).catch(() => undefined);
        return left(ioFailure(lockPath, "write lock", e));
      }
      try {
        return right(await body());
      } finally {
        await release(lockPath, owner.token);
      }
    }
    const check = await isStale(lockPath, o.staleMs);
    if (check.owner) lastHolder = { pid: check.owner.pid, host: check.owner.host, since: check.owner.since };
    if (check.stale) {
      await breakStaleLock(lockPath, check.text);
      continue;
    }
    const waited = Date.now() - started;
    if (waited >= o.timeoutMs) return left(lockTimeout(lockPath, waited, lastHolder));
    const pause = o.minWaitMs + Math.random() * (o.maxWaitMs - o.minWaitMs);
    await sleep(Math.min(pause, Math.max(1, o.timeoutMs - waited)));
  }
}
