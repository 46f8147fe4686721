import { randomUUID } from "node:crypto";
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { isLeft } from "fp-ts/Either";
import { GENESIS_HASH, entryHash, entryLine, sealEntry } from "./chain";
import { AuditEntry, AuditEntryInput } from "./entry";
import { AuditError, auditErrorToError, damagedLog, ioFailure } from "./errors";
import { LockOptions, withFileLock } from "./lock";
import { readLastLine } from "./tail";

/** AppendOptions tunes {@link appendAuditEntry}; every field has a default. */
export interface AppendOptions {
  /** Lock timing (total wait, staleness, retry pauses). */
  readonly lock?: LockOptions;
  /** Clock for the entry's `timestamp` when the input has none (default: now). */
  readonly now?: () => Date;
}

/** AppendResult is the outcome of {@link tryAppendAuditEntry}: the written entry or why nothing was written. */
export type AppendResult = { readonly ok: true; readonly entry: AuditEntry } | { readonly ok: false; readonly error: AuditError };

/** lockPathFor is the lock file that guards the audit log at `logPath`: the same path plus `.lock`. */
export const lockPathFor = (logPath: string): string => `${logPath}.lock`;

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
 * tryAppendAuditEntry is {@link appendAuditEntry} with failures as data:
 * it resolves to the written entry or an {@link AuditError}, and never rejects
 * for file system reasons.
 */
export async function tryAppendAuditEntry(
  logPath: string,
  input: AuditEntryInput,
  options: AppendOptions = {},
): Promise<AppendResult> {
  try {
    await fs.mkdir(path.dirname(path.resolve(logPath)), { recursive: true });
  } catch (e) {
    return { ok: false, error: ioFailure(logPath, "create directory", e) };
  }
  const record = {
    ...input,
    auditId: input.auditId ?? randomUUID(),
    timestamp: input.timestamp ?? (options.now ?? (() => new Date()))().toISOString(),
  };
  const locked = await withFileLock(
    lockPathFor(logPath),
    async (): Promise<AppendResult> => {
      let handle: fs.FileHandle;
      try {
        // "a+" creates the file if needed and lets us read its tail.
        handle = await fs.open(logPath, "a+");
      } catch (e) {
        return { ok: false, error: ioFailure(logPath, "open", e) };
      }
      try {
        const previous = await lastHash(logPath, handle);
        if (!previous.ok) return previous;
        const entry = sealEntry(record, previous.hash);
        await handle.appendFile(entryLine(entry), "utf8");
        await handle.sync();
        return { ok: true, entry };
      } catch (e) {
        return { ok: false, error: ioFailure(logPath, "append", e) };
      } finally {
        await handle.close().catch(() => undefined);
      }
    },
    options.lock,
  );
  return locked.ok ? locked.value : locked;
}

/**
 * appendAuditEntry writes one entry to the JSON Lines audit log at `logPath`
 * and resolves to the entry as written, `prevHash` and `hash` included.
 *
 * Safe under concurrent appends from this and other processes: the previous
 * hash is read and the line appended under one cross-process lock file, so
 * lines never interleave, none is lost and the chain stays valid. Parent
 * directories are created; the append is fsynced. A log whose last line is
 * truncated or edited is refused rather than extended.
 *
 * Only the explicit fields of `input` are written. `error` is copied
 * verbatim: pass text already cleaned with `redactSecrets`.
 *
 * Rejects with an `AuditLogError` (whose `detail` is the {@link AuditError})
 * when nothing could be written; use {@link tryAppendAuditEntry} to get the
 * failure as data instead.
 */
export async function appendAuditEntry(logPath: string, input: AuditEntryInput, options: AppendOptions = {}): Promise<AuditEntry> {
  const result = await tryAppendAuditEntry(logPath, input, options);
  if (!result.ok) throw auditErrorToError(result.error);
  return result.entry;
}
