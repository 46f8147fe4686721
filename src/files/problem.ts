import { describeJsonProblem, JsonProblem } from "../definition";

/**
 * Why a definition or sample file could not be read as JSON: missing, not a
 * regular file (a directory, a device, a pipe), unreadable, over its size
 * limit, not UTF-8, not strict JSON, or a samples (events) folder without
 * files to read or with too many. `file` is the name as the caller gave it.
 */
export type FileProblem =
  | { readonly _tag: "FileMissing"; readonly file: string }
  | { readonly _tag: "NotARegularFile"; readonly file: string; readonly kind: string }
  | { readonly _tag: "FileUnreadable"; readonly file: string; readonly code: string }
  | { readonly _tag: "FileTooLarge"; readonly file: string; readonly limit: number; readonly what: string }
  | { readonly _tag: "NotUtf8"; readonly file: string }
  | { readonly _tag: "FileNotJson"; readonly file: string; readonly problem: JsonProblem }
  | { readonly _tag: "NoSampleFiles"; readonly file: string }
  | { readonly _tag: "TooManySampleFiles"; readonly file: string; readonly limit: number }
  | { readonly _tag: "NoEventFiles"; readonly file: string }
  | { readonly _tag: "TooManyEventFiles"; readonly file: string; readonly limit: number };

/** The one-line message for a {@link FileProblem}, opening with the file name (and `line:column` for JSON problems). */
export function describeFileProblem(p: FileProblem): string {
  switch (p._tag) {
    case "FileMissing":
      return `file not found: ${p.file}`;
    case "NotARegularFile":
      return `${p.file}: not a regular file (${p.kind}); expected a JSON file`;
    case "FileUnreadable":
      return `${p.file}: cannot read the file (${p.code})`;
    case "FileTooLarge":
      return `${p.file}: larger than ${sizeText(p.limit)}, the limit for ${p.what}`;
    case "NotUtf8":
      return `${p.file}: not UTF-8 text; save the file as UTF-8`;
    case "FileNotJson":
      return `${p.file}:${describeJsonProblem(p.problem)}`;
    case "NoSampleFiles":
      return `${p.file}: no *.json sample files in the directory`;
    case "TooManySampleFiles":
      return `${p.file}: more than ${p.limit} *.json sample files in the directory`;
    case "NoEventFiles":
      return `${p.file}: no *.json, *.jsonl or *.ndjson event files in the directory`;
    case "TooManyEventFiles":
      return `${p.file}: more than ${p.limit} event files in the directory`;
  }
}

function sizeText(bytes: number): string {
  return bytes % 1_048_576 === 0 ? `${bytes / 1_048_576} MiB (${bytes} bytes)` : `${bytes} bytes`;
}
