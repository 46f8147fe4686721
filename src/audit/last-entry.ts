import { isLeft } from "fp-ts/Either";
import { entryHash } from "./chain";
import { AuditEntry } from "../definition/vocabulary/audit-entry";

/**
 * judgeLastEntry is whether the last entry of a log, given as its line of
 * text, may be extended: the entry, or why appending after it is refused
 * (truncated, unparsable, not an entry, or not matching its own hash).
 * `terminated` says whether a newline followed the text.
 */
export function judgeLastEntry(text: string, terminated: boolean): { ok: true; entry: AuditEntry } | { ok: false; reason: string } {
  const refuse = (reason: string) => ({ ok: false as const, reason });
  if (!terminated) return refuse("the last line is truncated (no terminating newline)");
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return refuse("the last line is not valid JSON");
  }
  const decoded = AuditEntry.decode(parsed);
  if (isLeft(decoded)) return refuse("the last line is not an audit entry");
  if (entryHash(parsed as AuditEntry) !== decoded.right.hash) return refuse("the last entry does not match its hash (edited)");
  return { ok: true, entry: decoded.right };
}
