import { createHash } from "node:crypto";
import { canonicalJson } from "../definition/canonical-json";
import { AuditEntry, AuditRecord } from "../definition/vocabulary/audit-entry";

/** GENESIS_HASH is the `prevHash` of the first entry of every audit log: 64 zeros. */
export const GENESIS_HASH = "0".repeat(64);

/**
 * entryHash is the chain hash of an entry: the SHA-256 hex digest of the
 * canonical JSON of every field except `hash` itself.
 */
export function entryHash(entry: Omit<AuditEntry, "hash"> & { hash?: string }): string {
  const { hash: _ignored, ...rest } = entry;
  return createHash("sha256").update(canonicalJson(rest), "utf8").digest("hex");
}

/**
 * sealEntry is an {@link AuditRecord} linked after `prevHash`: it copies only
 * the known fields (so stray properties of the argument never reach the log)
 * and adds `prevHash` and `hash`.
 */
export function sealEntry(record: AuditRecord, prevHash: string): AuditEntry {
  const unsealed: Omit<AuditEntry, "hash"> = {
    auditId: record.auditId,
    timestamp: record.timestamp,
    action: record.action,
    sourceId: record.sourceId,
    payloadHash: record.payloadHash,
    result: record.result,
    ...(record.intentId === undefined ? {} : { intentId: record.intentId }),
    ...(record.error === undefined ? {} : { error: record.error }),
    ...(record.metrics === undefined ? {} : { metrics: { ...record.metrics } }),
    ...(record.details === undefined ? {} : { details: { ...record.details } }),
    prevHash,
  };
  // Round-trip through JSON so the hash is taken over exactly what a reader
  // will parse back (e.g. a NaN metric is stored, and hashed, as null).
  const normalised = JSON.parse(JSON.stringify(unsealed)) as Omit<AuditEntry, "hash">;
  return { ...normalised, hash: entryHash(normalised) };
}

/** entryLine is the JSON Lines form of a sealed entry: canonical JSON plus `\n`. */
export function entryLine(entry: AuditEntry): string {
  return `${canonicalJson(entry)}\n`;
}
