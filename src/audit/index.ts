/**
 * The audit layer: a tamper-evident, append-only JSON Lines log with one
 * hash-chained entry per provider write attempt, safe to append to from
 * several processes at once, and a verifier that names the first bad line.
 */
export { AuditAction, AuditDetails, AuditEntry, AuditMetrics, AuditRecord, AuditResult } from "./entry";
export type { AuditEntryInput } from "./entry";
export { GENESIS_HASH, entryHash, entryLine, sealEntry } from "./chain";
export { canonicalJson } from "../definition/canonical-json";
export { appendAuditEntry, lockPathFor, tryAppendAuditEntry } from "./append";
export type { AppendOptions, AppendResult } from "./append";
export { withFileLock } from "./lock";
export type { LockOptions } from "./lock";
export type { AuditError, DamagedLog, IoFailure, LockTimeout } from "./errors";
export {
  AuditLogError,
  auditErrorToError,
  damagedLog,
  describeAuditError,
  ioFailure,
  lockTimeout,
} from "./errors";
export { REDACTED, redactSecrets } from "./redact";
export type { Broken, ChainState, Intact, Unreadable, VerifyResult } from "./verify-lines";
export {
  broken,
  checkLine,
  initialChainState,
  intact,
  unreadable,
  verifyAuditLines,
  verifyAuditText,
} from "./verify-lines";
export { verifyAuditLog } from "./verify-file";
export { AUDIT_LOG_ENV, DEFAULT_AUDIT_LOG, defaultAuditLogPath } from "./default-path";
