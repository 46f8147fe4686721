import { Either, isLeft, map } from "fp-ts/Either";
import { randomUUID } from "node:crypto";
import { AuditEntry, AuditEntryInput } from "../definition/vocabulary/audit-entry";
import { auditErrorToError, BadLocation } from "./errors";
import { AppendResult, AuditStore, StoreAppendOptions } from "./store";
import { AuditStoreOptions, openAuditStore } from "./stores";

/** AppendOptions tunes {@link appendAuditEntry}; every field has a default. */
export interface AppendOptions extends StoreAppendOptions, AuditStoreOptions {
  /** Clock for the entry's `timestamp` when the input has none (default: now). */
  readonly now?: () => Date;
}

/**
 * tryAppendAuditEntry is {@link appendAuditEntry} with failures as data:
 * it resolves to `Right` of the written entry or `Left` of an `AuditError`, and never rejects
 * for file system, network or store reasons.
 */
export async function tryAppendAuditEntry(location: string, input: AuditEntryInput, options: AppendOptions = {}): Promise<AppendResult> {
  const appender = openAuditAppender(location, options);
  return isLeft(appender) ? appender : appender.right.append(input);
}

/** AuditAppender appends entries to one opened audit log; failures are data, as with {@link tryAppendAuditEntry}. */
export interface AuditAppender {
  /** The log's location as `s3://bucket/prefix` or a file path. */
  readonly location: string;
  append(input: AuditEntryInput): Promise<AppendResult>;
}

/**
 * openAuditAppender parses `location` and opens its store once, for a
 * caller that appends many entries (a provider process appends two per
 * write): each append then goes straight to the store. A bad location is
 * a `Left` `BadLocation` error, before any append.
 */
export function openAuditAppender(location: string, options: AppendOptions = {}): Either<BadLocation, AuditAppender> {
  const now = options.now ?? (() => new Date());
  return map((store: AuditStore): AuditAppender => ({
    location: store.location,
    append: (input) => store.append({ ...input, auditId: input.auditId ?? randomUUID(), timestamp: input.timestamp ?? now().toISOString() }, options),
  }))(openAuditStore(location, options));
}

/**
 * appendAuditEntry writes one entry to the audit log at `location` and
 * resolves, once it is durably stored, to the entry as written (`prevHash`
 * and `hash` included; `hash` is what a caller anchors as `auditHead`).
 *
 * `location` is a JSON Lines file path or `s3://bucket/prefix` (with
 * `options.s3Endpoint` or `$AWS_ENDPOINT_URL_S3` for an S3-compatible server).
 *
 * Safe under concurrent appends from this and other processes (and, for S3,
 * other machines): no entry is lost or duplicated and the chain stays valid.
 * In one process, appends to one location are queued; the file store writes
 * everything queued under one lock and one fsync (group commit), the S3
 * store one conditional put per entry. A file whose last line is truncated
 * or edited (or an S3 log whose last entry is) is refused rather than extended.
 *
 * Only the explicit fields of `input` are written. `error` is copied
 * verbatim: pass text already cleaned with `redact` (`src/http/redact.ts`).
 *
 * Rejects with an `AuditLogError` (whose `detail` is the `AuditError`) when
 * nothing could be written; use {@link tryAppendAuditEntry} to get the
 * failure as data instead.
 */
export async function appendAuditEntry(location: string, input: AuditEntryInput, options: AppendOptions = {}): Promise<AuditEntry> {
  const result = await tryAppendAuditEntry(location, input, options);
  if (isLeft(result)) throw auditErrorToError(result.left);
  return result.right;
}
