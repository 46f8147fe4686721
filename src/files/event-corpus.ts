import * as fs from "node:fs";
import * as path from "node:path";
import { Either, left, right } from "fp-ts/Either";
import { JsonProblem, parseStrictJson } from "../definition";
import { MAX_EVENT_CORPUS_BYTES, MAX_EVENT_FILE_BYTES, MAX_EVENT_FILES } from "./limits";
import type { FileProblem } from "./problem";
import { readFileOrFolder } from "./file-or-folder";
import { readCapped } from "./read-capped";

/** The recorded events of a corpus, not yet decoded, with the file each came from. */
export interface EventCorpusValues {
  /** Each event's value, in file order (files sorted by name); arrays flattened. */
  readonly values: ReadonlyArray<unknown>;
  /** For each event, the name of the file it came from (as given, joined with the folder's). */
  readonly files: ReadonlyArray<string>;
}

/** The file endings a corpus folder contributes; `.jsonl` and `.ndjson` are read as JSON Lines. */
export const EVENT_FILE_ENDINGS: ReadonlyArray<string> = [".json", ".jsonl", ".ndjson"];

/**
 * Reads a corpus of recorded events (for a delivery impact): a file, or a
 * folder whose `*.json`, `*.jsonl` and `*.ndjson` files are read in name
 * order. A file holds one event, an array of events, or JSON Lines (one
 * event per line, the shape an EventBridge archive replay or an export
 * gives): a `.jsonl`/`.ndjson` file always, another when it is not one JSON
 * value but its first line is. Read with the strict loader's rules (regular
 * files only, UTF-8, strict JSON with `line:column` in problems), at most
 * {@link MAX_EVENT_FILE_BYTES} a file and {@link MAX_EVENT_CORPUS_BYTES}
 * together. `name` is how messages call the location. Never throws.
 */
export function readEventCorpus(location: string, name: string = location): Either<FileProblem, EventCorpusValues> {
  return readFileOrFolder(location, name, {
    filesIn: eventFilesIn,
    single: (file, as) => ({ file, name: as }),
    read: (f) => {
      const bytes = readCapped(f.file, MAX_EVENT_FILE_BYTES, f.name, "an event file");
      if (bytes._tag === "Left") return bytes;
      const read = parseEventBytes(bytes.right, f.name);
      return read._tag === "Left" ? read : right({ bytes: bytes.right.length, values: read.right, origin: f.name });
    },
    totalLimit: MAX_EVENT_CORPUS_BYTES,
    totalWhat: "the event files of a corpus together",
  });
}

/**
 * Decodes the bytes of one event file (or standard input) as
 * {@link readEventCorpus} does: UTF-8 (a leading byte order mark dropped),
 * then one JSON value (an array gives its elements) or JSON Lines. `name`
 * is how messages call the source. Never throws.
 */
export function parseEventBytes(bytes: Uint8Array, name: string): Either<FileProblem, ReadonlyArray<unknown>> {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return left({ _tag: "NotUtf8", file: name });
  }
  const lines = /\.(jsonl|ndjson)$/i.test(name);
  if (!lines) {
    const whole = parseStrictJson(text);
    if (whole._tag === "Right") return right(Array.isArray(whole.right) ? whole.right : [whole.right]);
    const first = text.split("\n").find((l) => l.trim() !== "");
    if (first === undefined || first.trim() === text.trim() || parseStrictJson(first)._tag === "Left") return left({ _tag: "FileNotJson", file: name, problem: whole.left });
  }
  return jsonLines(text, name);
}

function jsonLines(text: string, name: string): Either<FileProblem, ReadonlyArray<unknown>> {
  const values: unknown[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].endsWith("\r") ? lines[i].slice(0, -1) : lines[i];
    if (line.trim() === "") continue;
    const parsed = parseStrictJson(line);
    if (parsed._tag === "Left") return left({ _tag: "FileNotJson", file: name, problem: onLine(parsed.left, i + 1) });
    values.push(parsed.right);
  }
  return right(values);
}

/** A problem found in one line, placed at that line of the file. */
function onLine(p: JsonProblem, line: number): JsonProblem {
  return p._tag === "JsonDuplicateKey" ? { ...p, line, first: { ...p.first, line } } : { ...p, line };
}

function eventFilesIn(dir: string, name: string): Either<FileProblem, Array<{ file: string; name: string }>> {
  let entries: string[];
  try {
    entries = fs.readdirSync(dir).filter((n) => EVENT_FILE_ENDINGS.some((e) => n.toLowerCase().endsWith(e))).sort();
  } catch (e) {
    return left({ _tag: "FileUnreadable", file: name, code: (e as NodeJS.ErrnoException).code ?? "error" });
  }
  if (entries.length === 0) return left({ _tag: "NoEventFiles", file: name });
  if (entries.length > MAX_EVENT_FILES) return left({ _tag: "TooManyEventFiles", file: name, limit: MAX_EVENT_FILES });
  return right(entries.map((base) => ({ file: path.join(dir, base), name: path.join(name, base) })));
}
