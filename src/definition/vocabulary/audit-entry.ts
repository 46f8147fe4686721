import * as t from "io-ts";

/**
 * AuditAction is the kind of operation an audit entry records: the three
 * resource lifecycle writes, the webhook delivery after them, and the
 * `recovery` of a torn write (an append interrupted by a crash) that the
 * next append records before extending the log.
 */
export const AuditAction = t.keyof({ create: null, update: null, delete: null, webhook: null, recovery: null });

/** WriteAction is the part of {@link AuditAction} that writes a source remotely: what the write protocol records. */
export const WriteAction = t.keyof({ create: null, update: null, delete: null });
/** WriteAction is a remote write of a source: `create`, `update` or `delete`. */
export type WriteAction = t.TypeOf<typeof WriteAction>;
/** AuditAction is the kind of provider operation an audit entry records. */
export type AuditAction = t.TypeOf<typeof AuditAction>;

/**
 * AuditResult is what an entry records about an attempt: `intent` is written
 * ahead of a remote write (what is about to be attempted), `success` and
 * `failure` are outcomes. An intent without a later outcome naming it (see
 * `intentId`) is "in doubt": the write may or may not have happened.
 * A webhook delivery that failed after its retries is `pending` (kept to be
 * sent again); one kept past its time is `expired` (given up, never dropped
 * silently).
 */
export const AuditResult = t.keyof({ intent: null, success: null, failure: null, pending: null, expired: null });
/** AuditResult is an intent ahead of a write, or the outcome of an attempt. */
export type AuditResult = t.TypeOf<typeof AuditResult>;

/** WriteResult is the part of {@link AuditResult} a remote write records: its `intent`, then its outcome. */
export const WriteResult = t.keyof({ intent: null, success: null, failure: null });
/** WriteResult is a write's `intent` or its outcome. */
export type WriteResult = t.TypeOf<typeof WriteResult>;

/**
 * AuditDetails is a flat map of extra, non-secret facts about an attempt
 * (for example the etag written or the adapter used). Values are scalars on
 * purpose: nested objects invite copying whole requests, and with them secrets.
 */
export const AuditDetails = t.record(t.string, t.union([t.string, t.number, t.boolean, t.null]));
/** AuditDetails is a flat map of extra, non-secret facts about an attempt. */
export type AuditDetails = t.TypeOf<typeof AuditDetails>;

/** AuditMetrics is a map of numeric measurements of an attempt, e.g. `durationMs`. */
export const AuditMetrics = t.record(t.string, t.number);
/** AuditMetrics is a map of numeric measurements of an attempt. */
export type AuditMetrics = t.TypeOf<typeof AuditMetrics>;

const required = t.type({
  auditId: t.string,
  timestamp: t.string,
  action: AuditAction,
  sourceId: t.string,
  payloadHash: t.string,
  result: AuditResult,
});

const optional = t.partial({
  /** On an outcome entry: the `auditId` of the intent entry it concludes. */
  intentId: t.string,
  error: t.string,
  metrics: AuditMetrics,
  details: AuditDetails,
});

const chain = t.type({
  prevHash: t.string,
  hash: t.string,
});

/**
 * AuditRecord is the content of one audit entry without its chain fields
 * (`prevHash`, `hash`): what a caller describes about one attempt.
 */
export const AuditRecord = t.intersection([required, optional]);
/** AuditRecord is the content of one audit entry without its chain fields. */
export type AuditRecord = t.TypeOf<typeof AuditRecord>;

/**
 * AuditEntry is one line of the audit log: an {@link AuditRecord} sealed into
 * the hash chain by `prevHash` (the previous line's hash) and `hash`.
 */
export const AuditEntry = t.intersection([required, optional, chain]);
/** AuditEntry is one line of the audit log. */
export type AuditEntry = t.TypeOf<typeof AuditEntry>;

/**
 * AuditEntryInput is what `appendAuditEntry` takes: an {@link AuditRecord}
 * whose `auditId` and `timestamp` may be left for the log to fill in.
 *
 * Callers must pass `error` text that is already redacted (see `redact`
 * in `src/http/redact.ts`, the one redactor): the log copies it verbatim.
 */
export type AuditEntryInput = Omit<AuditRecord, "auditId" | "timestamp"> &
  Partial<Pick<AuditRecord, "auditId" | "timestamp">>;

/** AuditMark is where an appended entry landed in the chain: its id, its hash (the new head) and when it was written. */
export type AuditMark = Pick<AuditEntry, "auditId" | "hash" | "timestamp">;
