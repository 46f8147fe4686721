import { Either } from "fp-ts/Either";
import { AuditEntry, AuditRecord } from "../definition/vocabulary/audit-entry";
import { AuditError } from "./errors";
import { LockOptions } from "./lock";
import { VerifyOptions, VerifyResult } from "./verify-lines";

/** AppendResult is the outcome of one append: `Right` of the entry as written, or `Left` of why nothing was written. */
export type AppendResult = Either<AuditError, AuditEntry>;

/** StoreAppendOptions tunes one append; every field has a default. */
export interface StoreAppendOptions {
  /** File store: lock timing (total wait, staleness, retry pauses). */
  readonly lock?: LockOptions;
  /** S3 store: how long to keep re-chaining after losing the race for the next entry, in ms (default 30 000). */
  readonly contentionTimeoutMs?: number;
}

/**
 * AuditStore is where one audit log's entries are kept: it seals each record
 * into the hash chain after the entry before it, durably, and judges the
 * whole chain. Two stores exist: a local JSON Lines file and an S3 prefix.
 * Within one process there is one store per location (see `openAuditStore`),
 * so concurrent appends are queued rather than raced.
 */
export interface AuditStore {
  /** The location as `s3://bucket/prefix` or a file path. */
  readonly location: string;
  /**
   * Appends one record and resolves, once it is durably stored, to the entry
   * as written (`prevHash` and `hash` included). Never rejects: a failure is a `Left` `AuditError`.
   */
  append(record: AuditRecord, options?: StoreAppendOptions): Promise<AppendResult>;
  /** The verdict on the whole chain; never rejects. */
  verify(options?: VerifyOptions): Promise<VerifyResult>;
}
