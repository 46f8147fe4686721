import { Either, left, right } from "fp-ts/Either";
import { parseStrictJson } from "../definition";
import type { FileProblem } from "./problem";
import { readCapped } from "./read-capped";

/** A JSON file's value and its size in bytes. */
export interface JsonFileContent {
  readonly value: unknown;
  readonly bytes: number;
}

/**
 * Reads one JSON file the way every reader of definitions and samples does:
 * a regular file of at most `limit` bytes, UTF-8 (a leading byte order mark
 * is dropped), strict JSON (no duplicate keys, nesting at most 64 deep,
 * well-formed strings; problems with `line:column`). `name` is how messages
 * call the file, `what` whose limit it is. Never throws.
 */
export function readJsonFile(file: string, limit: number, name: string = file, what = "a JSON file"): Either<FileProblem, JsonFileContent> {
  const bytes = readCapped(file, limit, name, what);
  if (bytes._tag === "Left") return bytes;
  return parseJsonBytes(bytes.right, name);
}

/**
 * Decodes bytes already read (from a file or standard input) as
 * {@link readJsonFile} does: UTF-8 with an optional byte order mark, then
 * strict JSON. `name` is how messages call the source. Never throws.
 */
export function parseJsonBytes(bytes: Uint8Array, name: string): Either<FileProblem, JsonFileContent> {
  let text: string;
  try {
    // fatal: invalid UTF-8 is an error, not U+FFFD; the decoder drops a leading BOM.
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return left({ _tag: "NotUtf8", file: name });
  }
  const parsed = parseStrictJson(text);
  if (parsed._tag === "Left") return left({ _tag: "FileNotJson", file: name, problem: parsed.left });
  return right({ value: parsed.right, bytes: bytes.length });
}
