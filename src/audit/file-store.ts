import { promises as fs } from "node:fs";
import * as path from "node:path";
import { GENESIS_HASH, entryLine, sealEntry } from "./chain";
import { AuditRecord } from "./entry";
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

/**
 * Finds the hash the next entry must chain to, refusing a log whose last
 * line is truncated, unparsable or does not match its own hash.
 */
async function lastHash(logPath: string, handle: fs.FileHandle): Promise<{ ok: true; hash: string } | { ok: false; error: AuditError }> {
  const last = await readLastLine(handle);
  if (last._tag === "Empty") return { ok: true, hash: GENESIS_HASH };
  const judged = judgeLastEntry(last.text, last._tag === "Line");
  return judged.ok ? { ok: true, hash: judged.entry.hash } : { ok: false, error: damagedLog(logPath, judged.reason) };
}

/**
 * FileAuditStore is the audit log as a local JSON Lines file, one entry per
 * line, appended under a cross-process lock file.
 *
 * Appends from one process form one queue (group commit): whoever finds the
 * queue idle takes the lock once for everything queued by then, reads the
 * last hash, writes all the lines in one append and fsyncs; only then does
 * each caller get its own entry. A crash leaves at worst a truncated last
 * line, which the next append refuses to extend and `verify` reports.
 */
export class FileAuditStore implements AuditStore {
  /** What this store wrote in this process: batches (each one lock and one fsync) and entries. */
  readonly counters = { commits: 0, entries: 0 };
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
    if (skipped && first !== undefined && !first.ok && first.error._tag === "IoFailure" && first.error.code === "ENOENT") {
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
          const previous = await lastHash(logPath, handle);
          if (!previous.ok) return all(previous.error);
          let prev = previous.hash;
          const entries = batch.map((p) => {
            const entry = sealEntry(p.record, prev);
            prev = entry.hash;
            return entry;
          });
          await handle.appendFile(entries.map(entryLine).join(""), "utf8");
          await handle.sync();
          this.counters.commits++;
          this.counters.entries += entries.length;
          return entries.map((entry) => ({ ok: true as const, entry }));
        } catch (e) {
          return all(ioFailure(logPath, "append", e));
        } finally {
          await handle.close().catch(() => undefined);
        }
      },
      batch[0].options.lock,
    );
    return locked.ok ? locked.value : all(locked.error);
  }
}

const fail = (error: AuditError): AppendResult => ({ ok: false, error });
