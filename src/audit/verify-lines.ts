import { isLeft } from "fp-ts/Either";
import { GENESIS_HASH, entryHash } from "./chain";
import { AuditEntry } from "./entry";

/**
 * VerifyResult is the verdict on an audit log: intact with its entry count,
 * broken at the first offending 1-based line with the reason, or unreadable
 * as a whole (e.g. the file does not exist).
 */
export type VerifyResult = Intact | Broken | Unreadable;

/** Intact is a log whose every line is a sound entry chained to the one before. */
export interface Intact {
  readonly _tag: "Intact";
  readonly ok: true;
  readonly entries: number;
}

/** Broken is a log with a first bad line: edited, removed, reordered, inserted, truncated or malformed. */
export interface Broken {
  readonly _tag: "Broken";
  readonly ok: false;
  readonly line: number;
  readonly reason: string;
}

/** Unreadable is a log that could not be read at all. */
export interface Unreadable {
  readonly _tag: "Unreadable";
  readonly ok: false;
  readonly reason: string;
}

/** ChainState is what verification remembers between lines. */
export interface ChainState {
  /** Entries accepted so far (also the 1-based number of the last accepted line). */
  readonly entries: number;
  /** Hash of the last accepted entry, or the genesis hash. */
  readonly lastHash: string;
  /** auditIds seen so far: a repeated id means a copied line. */
  readonly seenIds: ReadonlySet<string>;
}

/** initialChainState is the state before the first line. */
export const initialChainState = (): ChainState => ({ entries: 0, lastHash: GENESIS_HASH, seenIds: new Set() });

/**
 * checkLine is the verdict on the next line of a log: the advanced state, or
 * the reason the line breaks the log. `terminated` says whether a newline
 * followed the line; only the last line of a damaged file lacks one.
 * The set in the state is extended in place for speed; treat the old state
 * as consumed.
 */
export function checkLine(
  state: ChainState,
  text: string,
  terminated: boolean,
): { ok: true; state: ChainState } | { ok: false; reason: string } {
  const fail = (reason: string) => ({ ok: false as const, reason });
  if (!terminated) return fail("truncated: the last line has no terminating newline");
  if (text.trim() === "") return fail("malformed: empty line");
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return fail("malformed: not valid JSON");
  }
  const decoded = AuditEntry.decode(parsed);
  if (isLeft(decoded)) return fail("malformed: not an audit entry (missing or mistyped fields)");
  const entry = decoded.right;
  if (entryHash(parsed as AuditEntry) !== entry.hash) return fail("hash mismatch: the entry was edited");
  if (entry.prevHash !== state.lastHash) {
    return fail(
      state.entries === 0
        ? "prevHash mismatch: the first entry does not start the chain (lines removed or inserted before it)"
        : `prevHash mismatch: does not follow line ${state.entries} (a line was removed, reordered or inserted)`,
    );
  }
  if (state.seenIds.has(entry.auditId)) return fail(`duplicate auditId ${entry.auditId}`);
  (state.seenIds as Set<string>).add(entry.auditId);
  return { ok: true, state: { entries: state.entries + 1, lastHash: entry.hash, seenIds: state.seenIds } };
}

/**
 * verifyAuditText is the verdict on the whole content of an audit log given
 * as one string: every line is checked in order and the first failure wins.
 * The empty string is an intact log with no entries.
 */
export function verifyAuditText(content: string): VerifyResult {
  return verifyAuditLines(content.split("\n"));
}

/**
 * verifyAuditLines is the verdict on a log split at newlines, as
 * `content.split("\n")` gives it: the final element is the text after the last
 * newline, which must be empty for an undamaged log.
 */
export function verifyAuditLines(lines: ReadonlyArray<string>): VerifyResult {
  let state = initialChainState();
  const last = lines.length - 1;
  for (let i = 0; i < lines.length; i++) {
    if (i === last && lines[i] === "") break;
    const verdict = checkLine(state, lines[i], i < last);
    if (!verdict.ok) return broken(i + 1, verdict.reason);
    state = verdict.state;
  }
  return intact(state.entries);
}

/** intact is the {@link Intact} constructor. */
export const intact = (entries: number): Intact => ({ _tag: "Intact", ok: true, entries });
/** broken is the {@link Broken} constructor. */
export const broken = (line: number, reason: string): Broken => ({ _tag: "Broken", ok: false, line, reason });
/** unreadable is the {@link Unreadable} constructor. */
export const unreadable = (reason: string): Unreadable => ({ _tag: "Unreadable", ok: false, reason });
