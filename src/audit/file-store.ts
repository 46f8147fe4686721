import { Either, isLeft, left, right } from "fp-ts/Either";
import { randomUUID } from "node:crypto";
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { GENESIS_HASH, entryLine, sealEntry } from "./chain";
import { AuditEntry, AuditRecord } from "../definition/vocabulary/audit-entry";
import { isJson, recoveryRecord, tornWrite } from "./recovery";
import { AuditError, damagedLog, ioFailure } from "./errors";
import { withFileLock } from "./lock";
import { AppendResult, AuditStore, StoreAppendOptions } from "./store";
import { judgeLastEntry } from "./last-entry";
import { readLastLine } from "./tail";
import { verifyAuditFile } from "./verify-file";
import { VerifyOptions, VerifyResult } from "./verify-lines";

/** lockPathFor is the lock file that guards the audit log at `logPath`: the same path plus `.lock`. */
export const lockPathFor = (logPath: string): string => `${logPath}.lock`;

/** MAX_BATCH bounds how many queued entries one group commit writes. */
const MAX_BATCH = 1000;

interface Pending {
  readonly record: AuditRecord;
  readonly options: StoreAppendOptions;
  readonly resolve: (result: AppendResult) => void;
}

/** Where the next entries go: the hash to chain to, and what to write before them. */
interface Continuation {
  readonly hash: string;
  /** Written first: a newline ending a torn line, then the recovery entry's line (if any). */
  readonly lead: string;
  readonly recovery?: AuditEntry;
}

/**
 * Finds where the next entry chains, refusing a log whose last complete line
 * is unparsable or does not match its own hash. A last line without its
 * newline is an append a crash interrupted: when it is a whole entry only
 * the newline is added; otherwise its bytes stay where they are, ended by a
 * newline, and a recovery entry naming their length and SHA-256 chains from
 * the last complete entry before them.
 */
async function continuation(logPath: string, handle: fs.FileHandle): Promise<Either<AuditError, Continuation>> {
  const last = await readLastLine(handle);
  if (last._tag === "Empty") return right({ hash: GENESIS_HASH, lead: "" });
  if (last._tag === "Line") {
    const judged = judgeLastEntry(last.text, true);
    return judged.ok ? right({ hash: judged.entry.hash, lead: "" }) : left(damagedLog(logPath, judged.reason));
  }
  const whole = judgeLastEntry(last.text, true);
  if (whole.ok) return right({ hash: whole.entry.hash, lead: "\n" });
  // A cut-off entry is never valid JSON: JSON that is not a sound entry was put there, not torn.
  if (isJson(last.text)) return left(damagedLog(logPath, whole.reason));
  let before = GENESIS_HASH;
  if (last.before._tag !== "Empty") {
    const judged = last.before._tag === "Line" ? judgeLastEntry(last.before.text, true) : { ok: false as const, reason: "" };
    if (!judged.ok) return left(damagedLog(logPath, `the line before the torn last line is not a sound entry: ${judged.reason}`));
    before = judged.entry.hash;
  }
  const recovery = sealEntry(recoveryRecord(tornWrite(last.bytes, `byte ${last.offset}`), randomUUID(), new Date().toISOString()), before);
  return right({ hash: recovery.hash, lead: `\n${entryLine(recovery)}`, recovery });
}

/**
 * FileAuditStore is the audit log as a local JSON Lines file, one entry per
 * line, appended under a cross-process lock file.
 *
 * Appends from one process form one queue (group commit): whoever finds the
 * queue idle takes the lock once for everything queued by then, reads the
 * last hash, writes all the lines in one append and fsyncs; only then does
 * each caller get its own entry. A crash leaves at worst a torn last line,
 * which the next append recovers (see {@link continuation}) and `verify`
 * reports as recovered.
 */
export class FileAuditStore implements AuditStore {
  /** What this store wrote in this process: batches (each one lock and one fsync) and entries. */
  readonly counters = { commits: 0, entries: 0, recoveries: 0 };
  private queue: Pending[] = [];
  private draining = false;
  /** Whether this store made (or found) the log's folder: a commit then skips the `mkdir`, which costs as much as the append. */
  private folderReady = false;

  constructor(readonly location: string) {}

  append(record: AuditRecord, options: StoreAppendOptions = {}): Promise<AppendResult> {
    return new Promise((resolve) => {
      this.queue.push({ record, options, resolve });
      if (this.draining) return;
      this.draining = true;
      // Start on the next microtask, so that appends made in the same tick share the first batch.
      queueMicrotask(() => void this.drain());
    });
  }

  verify(options: VerifyOptions = {}): Promise<VerifyResult> {
    return verifyAuditFile(this.location, options);
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, MAX_BATCH);
        const results = await this.commit(batch).catch((e: unknown) => batch.map(() => fail(ioFailure(this.location, "append", e))));
        batch.forEach((p, i) => p.resolve(results[i]));
      }
    } finally {
      this.draining = false;
    }
  }

  /** Writes one batch under one lock; resolves to one result per pending append, in order. */
  private async commit(batch: ReadonlyArray<Pending>): Promise<AppendResult[]> {
    const logPath = this.location;
    const all = (error: AuditError) => batch.map(() => fail(error));
    const skipped = this.folderReady;
    if (!skipped) {
      try {
        await fs.mkdir(path.dirname(path.resolve(logPath)), { recursive: true });
        this.folderReady = true;
      } catch (e) {
        return all(ioFailure(logPath, "create directory", e));
      }
    }
    const results = await this.commitLocked(batch);
    // The folder went away since it was made: make it again and commit once more.
    const first = results[0];
    if (skipped && first !== undefined && isLeft(first) && first.left._tag === "IoFailure" && first.left.code === "ENOENT") {
      this.folderReady = false;
      return this.commit(batch);
    }
    return results;
  }

  private async commitLocked(batch: ReadonlyArray<Pending>): Promise<AppendResult[]> {
    const logPath = this.location;
    const all = (error: AuditError) => batch.map(() => fail(error));
    const locked = await withFileLock(
      lockPathFor(logPath),
      async (): Promise<AppendResult[]> => {
        let handle: fs.FileHandle;
        try {
          // "a+" creates the file if needed and lets us read its tail.
          handle = await fs.open(logPath, "a+");
        } catch (e) {
          return all(ioFailure(logPath, "open", e));
        }
        try {
          const next = await continuation(logPath, handle);
          if (isLeft(next)) return all(next.left);
          let prev = next.right.hash;
          const entries = batch.map((p) => {
            const entry = sealEntry(p.record, prev);
            prev = entry.hash;
            return entry;
          });
          // One write: the torn line's newline, its recovery and the batch land together.
          await handle.appendFile(next.right.lead + entries.map(entryLine).join(""), "utf8");
          await handle.sync();
          this.counters.commits++;
          this.counters.entries += entries.length;
          if (next.right.recovery !== undefined) this.counters.recoveries++;
          return entries.map((entry): AppendResult => right(entry));
        } catch (e) {
          return all(ioFailure(logPath, "append", e));
        } finally {
          await handle.close().catch(() => undefined);
        }
      },
      batch[0].options.lock,
    );
    return isLeft(locked) ? all(locked.left) : locked.right;
  }
}

const fail = (error: AuditError): AppendResult => left(error);
