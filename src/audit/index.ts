/**
 * The audit layer: a tamper-evident, append-only log with one hash-chained
 * entry per provider write attempt (an intent ahead of each remote write,
 * an outcome after it), kept in a local JSON Lines file or under an S3
 * prefix, safe to append to from several processes (and machines) at once,
 * and a verifier that names the first bad entry, the intents in doubt and
 * whether an anchored head is still there.
 */
export { AuditAction, AuditDetails, AuditEntry, AuditMetrics, AuditRecord, AuditResult } from "../definition/vocabulary/audit-entry";
export type { AuditEntryInput } from "../definition/vocabulary/audit-entry";
export { GENESIS_HASH, entryHash, entryLine, sealEntry } from "./chain";
export { canonicalJson } from "../definition/canonical-json";
export { appendAuditEntry, tryAppendAuditEntry } from "./append";
export type { AppendOptions } from "./append";
export type { AppendResult, AuditStore, StoreAppendOptions } from "./store";
export { openAuditStore } from "./stores";
export type { AuditStoreOptions } from "./stores";
export { FileAuditStore, lockPathFor } from "./file-store";
export { S3AuditStore } from "./s3-store";
export type { S3StoreCounters } from "./s3-store";
export { S3_ENDPOINT_ENV, s3EndpointOf } from "./s3-client";
export type { S3StoreOptions } from "./s3-client";
export { SEQUENCE_DIGITS, entryKey, sequenceOfKey } from "./s3-keys";
export { S3_SCHEME, formatAuditLocation, isS3Location, parseAuditLocation } from "./location";
export type { AuditLocation, FileLocation, S3Location } from "./location";
export { LOCK_DEFAULTS, withFileLock } from "./lock";
export type { LockOptions } from "./lock";
export type { AuditError, BadLocation, Contention, DamagedLog, IoFailure, LockTimeout, StoreFailure } from "./errors";
export {
  AuditLogError,
  auditErrorToError,
  badLocation,
  contention,
  damagedLog,
  describeAuditError,
  ioFailure,
  lockTimeout,
  storeFailure,
} from "./errors";
export type { Broken, ChainState, HeadFound, HeadMissing, InDoubt, Intact, Unreadable, VerifyOptions, VerifyResult } from "./verify-lines";
export {
  broken,
  checkLine,
  concludeChain,
  initialChainState,
  intact,
  unreadable,
  verifyAuditLines,
  verifyAuditText,
} from "./verify-lines";
export { verifyAuditFile } from "./verify-file";
export type { Recovered } from "./verify-lines";
export { RECOVERY_SOURCE, recoveryRecord, recovers, tornWrite } from "./recovery";
export type { TornWrite } from "./recovery";
export { verifyAuditLog } from "./verify";
export type { VerifyLogOptions } from "./verify";
export { AUDIT_LOG_ENV, DEFAULT_AUDIT_LOG, findProjectRoot, resolveAuditLocation } from "./default-path";
