import { createHash } from "node:crypto";
import { AuditEntry, AuditRecord } from "../definition/vocabulary/audit-entry";

/**
 * TornWrite is the evidence of an append that a crash interrupted: the bytes
 * it left behind (a line without its newline in a file, an object that does
 * not end in one in S3), by length and SHA-256. The bytes themselves stay
 * where they were written; the recovery entry names them.
 */
export interface TornWrite {
  readonly bytes: number;
  readonly sha256: string;
  /** Where the bytes are: the byte offset in a file, or the object key in S3. */
  readonly at: string;
}

/** RECOVERY_SOURCE is the `sourceId` of a recovery entry: it concerns the log itself, not a source. */
export const RECOVERY_SOURCE = "audit-log";

/** tornWrite is the {@link TornWrite} evidence of `bytes` found at `at`. */
export const tornWrite = (bytes: Uint8Array, at: string): TornWrite => ({
  bytes: bytes.length,
  sha256: createHash("sha256").update(bytes).digest("hex"),
  at,
});

/**
 * recoveryRecord is the audit record of a torn write's recovery: written
 * right after the torn bytes and chained to the last complete entry before
 * them, it carries their length and SHA-256 so that a verifier accepts those
 * bytes (and only those) as an interrupted append rather than tampering.
 */
export const recoveryRecord = (torn: TornWrite, auditId: string, timestamp: string): AuditRecord => ({
  auditId,
  timestamp,
  action: "recovery",
  sourceId: RECOVERY_SOURCE,
  payloadHash: torn.sha256,
  result: "success",
  details: { tornBytes: torn.bytes, tornSha256: torn.sha256, tornAt: torn.at },
});

/** recovers is whether `entry` is the recovery of exactly the torn bytes of `torn` (length and SHA-256). */
export const recovers = (entry: AuditEntry, torn: Pick<TornWrite, "bytes" | "sha256">): boolean =>
  entry.action === "recovery" && entry.details?.tornBytes === torn.bytes && entry.details?.tornSha256 === torn.sha256;

/** isJson is whether `text` parses as JSON: a cut-off entry never does (an entry whose newline alone is missing is whole). */
export function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
