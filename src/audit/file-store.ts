import { promises as fs } from "node:fs";
import * as path from "node:path";
import { isLeft } from "fp-ts/Either";
import { GENESIS_HASH, entryHash, entryLine, sealEntry } from "./chain";
import { AuditEntry, AuditRecord } from "./entry";
import { AuditError, damagedLog, ioFailure } from "./errors";
import { withFileLock } from "./lock";
import { AppendResult, AuditStore, StoreAppendOptions } from "./store";
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
  switch (last._tag) {
    case "Empty":
      return { ok: true, hash: GENESIS_HASH };
    case "Unterminated":
      return { ok: false, error: damagedLog(logPath, "the last line is truncated (no terminating newline)") };
    case "Line": {
      let parsed: unknown;
      try {
        parsed = JSON.parse(last.text);
      } catch {
        return { ok: false, error: damagedLog(logPath, "the last line is not valid JSON") };
      }
      const decoded = AuditEntry.decode(parsed);
      if (isLeft(decoded)) return { ok: false, error: damagedLog(logPath, "the last line is not an audit entry") };
      if (entryHash(parsed as AuditEntry) !== decoded.right.hash) {
        return { ok: false, error: damagedLog(logPath, "the last entry does not match its hash (edited)") };
      }
      return { ok: true, hash: decoded.right.hash };
    }
  }
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
  private queue: Pending[] = [];
  private draining = false;

  constructor(readonly location: string) {}

  append(record: AuditRecord, options: StoreAppendOptions = {}): Promise<AppendResult> {
    return new Promise((resolve) => {
      this.queue.push({ record, options, resolve });
      if (!this.draining) void this.drain();
    });
  }

  verify(options: VerifyOptions = {}): Promise<VerifyResult> {
    return verifyAuditFile(this.location, options);
  }

  private async drain(): Promise<void> {
    this.draining = true;
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
    try {
      await fs.mkdir(path.dirname(path.resolve(logPath)), { recursive: true });
    } catch (e) {
      return all(ioFailure(logPath, "create directory", e));
    }
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
