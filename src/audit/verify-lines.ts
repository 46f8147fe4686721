import { isLeft } from "fp-ts/Either";
import { GENESIS_HASH, entryHash } from "./chain";
import { AuditEntry } from "../definition/vocabulary/audit-entry";
import { recovers, tornWrite } from "./recovery";

/**
 * VerifyResult is the verdict on an audit log: intact (with its entry count,
 * head hash and intents still in doubt), broken at the first offending entry
 * with the reason, intact but missing the head it was asked to find, or
 * unreadable as a whole (e.g. the file or bucket does not exist).
 */
export type VerifyResult = Intact | Broken | HeadMissing | Unreadable;

/**
 * InDoubt is an intent entry that no outcome entry names: the write it
 * announced may or may not have reached the remote side. It is not
 * tampering; it tells the operator which sources to check.
 */
export interface InDoubt {
  /** 1-based position of the intent in the log (the line of a file, the sequence number of an S3 object). */
  readonly line: number;
  readonly auditId: string;
  readonly timestamp: string;
  readonly action: string;
  readonly sourceId: string;
  readonly payloadHash: string;
}

/**
 * Recovered is a torn write (bytes an interrupted append left) followed by
 * the recovery entry that names exactly those bytes: not tampering, reported
 * so the operator knows a crash happened there.
 */
export interface Recovered {
  /** 1-based position of the torn bytes (the line of a file, the sequence number of an S3 object). */
  readonly line: number;
  readonly bytes: number;
  readonly sha256: string;
}

/** HeadFound is where the anchored head hash asked for was found. */
export interface HeadFound {
  readonly hash: string;
  readonly line: number;
}

/** Intact is a log whose every entry is sound and chained to the one before. */
export interface Intact {
  readonly _tag: "Intact";
  readonly ok: true;
  readonly entries: number;
  /** Hash of the last entry (the genesis hash for an empty log): what a caller anchors as `auditHead`. */
  readonly lastHash: string;
  /** Intents without an outcome, in log order. */
  readonly inDoubt: ReadonlyArray<InDoubt>;
  /** Present when a head was asked for: where it is. */
  readonly head?: HeadFound;
  /** Present when the log holds torn writes followed by their recovery, in log order. */
  readonly recovered?: ReadonlyArray<Recovered>;
}

/** Broken is a log with a first bad entry: edited, removed, reordered, inserted, truncated or malformed. */
export interface Broken {
  readonly _tag: "Broken";
  readonly ok: false;
  /** 1-based position of the first bad entry (the line of a file, the sequence number of an S3 object). */
  readonly line: number;
  readonly reason: string;
  /** For an S3 log: the object key at fault. */
  readonly key?: string;
}

/**
 * HeadMissing is a sound chain that does not contain the anchored head hash
 * it was asked for: entries up to and including the head were removed from
 * its end (or the hash belongs to another log).
 */
export interface HeadMissing {
  readonly _tag: "HeadMissing";
  readonly ok: false;
  readonly head: string;
  readonly entries: number;
  readonly lastHash: string;
  readonly inDoubt: ReadonlyArray<InDoubt>;
}

/** Unreadable is a log that could not be read at all. */
export interface Unreadable {
  readonly _tag: "Unreadable";
  readonly ok: false;
  readonly reason: string;
}

/** VerifyOptions tunes a verification. */
export interface VerifyOptions {
  /** An anchored head hash (e.g. a stack's `auditHead`) that must be in the log. */
  readonly head?: string;
  /** Called with each sound, chained entry in log order: a reader that trusts only what verifies. */
  readonly onEntry?: (entry: AuditEntry) => void;
}

/** ChainState is what verification remembers between entries. */
export interface ChainState {
  /** Entries accepted so far. */
  readonly entries: number;
  /** Lines (file) or objects (S3) read so far: entries plus recovered torn writes. */
  readonly lines: number;
  /** Hash of the last accepted entry, or the genesis hash. */
  readonly lastHash: string;
  /** auditIds seen so far: a repeated id means a copied entry. */
  readonly seenIds: ReadonlySet<string>;
  /** Intents not yet concluded by an outcome, by auditId, in log order. */
  readonly open: ReadonlyMap<string, InDoubt>;
  /** The head hash looked for, if any, and where it was found. */
  readonly head?: string;
  readonly headLine?: number;
  /** A line that is not a sound entry, kept until the next line says whether it is a recovered torn write. */
  readonly suspect?: { readonly line: number; readonly reason: string; readonly bytes: number; readonly sha256: string };
  /** Torn writes recovered so far. */
  readonly recovered: ReadonlyArray<Recovered>;
  readonly onEntry?: (entry: AuditEntry) => void;
}

/** initialChainState is the state before the first entry, looking for `options.head` if given. */
export const initialChainState = (options: VerifyOptions = {}): ChainState => ({
  entries: 0,
  lines: 0,
  recovered: [],
  lastHash: GENESIS_HASH,
  seenIds: new Set(),
  open: new Map(),
  ...(options.head === undefined ? {} : { head: options.head.toLowerCase() }),
  ...(options.onEntry === undefined ? {} : { onEntry: options.onEntry }),
});

const TRUNCATED = "truncated: no terminating newline (an interrupted append; the next append records its recovery)";

/** LineVerdict is the advanced state, or why (and at which 1-based line) the log breaks. */
export type LineVerdict = { ok: true; state: ChainState } | { ok: false; reason: string; line: number };

/**
 * checkLine is the verdict on the next entry of a log, given as one line of
 * text: the advanced state, or the reason (and line) the log breaks.
 * `terminated` says whether a newline followed the line; `raw` is the line's
 * bytes as stored when they may differ from `text` encoded (a torn write can
 * end inside a character). A line that is not a sound entry is held as a
 * suspect: it is a recovered torn write when the very next entry is a
 * recovery naming its length and SHA-256, and breaks the log otherwise
 * (settled by the next line or by {@link concludeChain}). The collections in
 * the state are extended in place for speed; treat the old state as consumed.
 */
export function checkLine(state: ChainState, text: string, terminated: boolean, raw?: Uint8Array): LineVerdict {
  const line = state.lines + 1;
  const judged = judgeLine(state, text, terminated);
  const suspect = state.suspect;
  if (suspect !== undefined) {
    const { suspect: _settled, ...rest } = state;
    if (!judged.ok || !recovers(judged.entry, suspect)) return { ok: false, reason: suspect.reason, line: suspect.line };
    const recovered = [...state.recovered, { line: suspect.line, bytes: suspect.bytes, sha256: suspect.sha256 }];
    return accept({ ...rest, recovered }, judged.entry, line);
  }
  if (!judged.ok) {
    if (!judged.torn) return { ok: false, reason: judged.reason, line };
    const torn = tornWrite(raw ?? Buffer.from(text, "utf8"), "");
    return { ok: true, state: { ...state, lines: line, suspect: { line, reason: judged.reason, bytes: torn.bytes, sha256: torn.sha256 } } };
  }
  if (judged.entry.action === "recovery") return { ok: false, reason: "a recovery entry without a torn write before it", line };
  return accept(state, judged.entry, line);
}

/**
 * Judges one line on its own and against the chain. `torn` marks a line that
 * may be a torn write: a cut-off entry is never valid JSON (an entry whose
 * newline alone is missing is whole), so only such lines qualify.
 */
function judgeLine(
  state: ChainState,
  text: string,
  terminated: boolean,
): { ok: true; entry: AuditEntry } | { ok: false; reason: string; torn: boolean } {
  const fail = (reason: string, torn = false) => ({ ok: false as const, reason, torn });
  if (!terminated) return fail(TRUNCATED, true);
  if (text.trim() === "") return fail("malformed: empty line");
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return fail("malformed: not valid JSON", true);
  }
  const decoded = AuditEntry.decode(parsed);
  if (isLeft(decoded)) return fail("malformed: not an audit entry (missing or mistyped fields)");
  const entry = decoded.right;
  if (entryHash(parsed as AuditEntry) !== entry.hash) return fail("hash mismatch: the entry was edited");
  if (entry.prevHash !== state.lastHash) {
    return fail(
      state.entries === 0
        ? "prevHash mismatch: the first entry does not start the chain (lines removed or inserted before it)"
        : `prevHash mismatch: does not follow line ${state.lines} (a line was removed, reordered or inserted)`,
    );
  }
  if (state.seenIds.has(entry.auditId)) return fail(`duplicate auditId ${entry.auditId}`);
  return { ok: true, entry };
}

/** Advances the state past a sound, chained entry at `line`. */
function accept(state: ChainState, entry: AuditEntry, line: number): LineVerdict {
  (state.seenIds as Set<string>).add(entry.auditId);
  state.onEntry?.(entry);
  const open = state.open as Map<string, InDoubt>;
  if (entry.result === "intent") {
    const { auditId, timestamp, action, sourceId, payloadHash } = entry;
    open.set(auditId, { line, auditId, timestamp, action, sourceId, payloadHash });
  } else if (entry.intentId !== undefined) {
    open.delete(entry.intentId);
  }
  const headLine = state.headLine ?? (state.head === entry.hash ? line : undefined);
  return {
    ok: true,
    state: { ...state, entries: state.entries + 1, lines: line, lastHash: entry.hash, ...(headLine === undefined ? {} : { headLine }) },
  };
}

/**
 * concludeChain is the verdict on a log whose every entry passed
 * {@link checkLine}: intact, or head missing when a head was asked for and
 * not met.
 */
export function concludeChain(state: ChainState): Intact | HeadMissing | Broken {
  if (state.suspect !== undefined) return broken(state.suspect.line, state.suspect.reason);
  const inDoubt = [...state.open.values()];
  if (state.head !== undefined && state.headLine === undefined) {
    return { _tag: "HeadMissing", ok: false, head: state.head, entries: state.entries, lastHash: state.lastHash, inDoubt };
  }
  return {
    _tag: "Intact",
    ok: true,
    entries: state.entries,
    lastHash: state.lastHash,
    inDoubt,
    ...(state.head === undefined || state.headLine === undefined ? {} : { head: { hash: state.head, line: state.headLine } }),
    ...(state.recovered.length === 0 ? {} : { recovered: state.recovered }),
  };
}

/**
 * verifyAuditText is the verdict on the whole content of an audit log given
 * as one string: every line is checked in order and the first failure wins.
 * The empty string is an intact log with no entries.
 */
export function verifyAuditText(content: string, options: VerifyOptions = {}): VerifyResult {
  return verifyAuditLines(content.split("\n"), options);
}

/**
 * verifyAuditLines is the verdict on a log split at newlines, as
 * `content.split("\n")` gives it: the final element is the text after the last
 * newline, which must be empty for an undamaged log.
 */
export function verifyAuditLines(lines: ReadonlyArray<string>, options: VerifyOptions = {}): VerifyResult {
  let state = initialChainState(options);
  const last = lines.length - 1;
  for (let i = 0; i < lines.length; i++) {
    if (i === last && lines[i] === "") break;
    const verdict = checkLine(state, lines[i], i < last);
    if (!verdict.ok) return broken(verdict.line, verdict.reason);
    state = verdict.state;
  }
  return concludeChain(state);
}

/** intact is the {@link Intact} constructor for a log without intents in doubt. */
export const intact = (entries: number, lastHash: string, inDoubt: ReadonlyArray<InDoubt> = []): Intact => ({
  _tag: "Intact",
  ok: true,
  entries,
  lastHash,
  inDoubt,
});
/** broken is the {@link Broken} constructor. */
export const broken = (line: number, reason: string, key?: string): Broken => ({
  _tag: "Broken",
  ok: false,
  line,
  reason,
  ...(key === undefined ? {} : { key }),
});
/** unreadable is the {@link Unreadable} constructor. */
export const unreadable = (reason: string): Unreadable => ({ _tag: "Unreadable", ok: false, reason });
