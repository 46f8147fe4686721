import * as fs from "fs";
import { Either, left, right } from "fp-ts/Either";

/**
 * Why a JSON file could not be read: `missing` (no such file, a usage
 * error), `unreadable` (a directory, no permission) or `syntax` (not JSON).
 * `message` is one line that names the file.
 */
export interface ReadProblem {
  readonly kind: "missing" | "unreadable" | "syntax";
  readonly message: string;
}

/** Reads and parses one JSON file; never throws. */
export function readJsonFile(file: string): Either<ReadProblem, unknown> {
  let content: string;
  try {
    content = fs.readFileSync(file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return left({ kind: "missing", message: `file not found: ${file}` });
    return left({ kind: "unreadable", message: `${file}: cannot read the file (${code ?? "error"})` });
  }
  try {
    return right(JSON.parse(content.charCodeAt(0) === 0xfeff ? content.slice(1) : content));
  } catch (e) {
    const reason = e instanceof Error ? e.message.split("\n")[0] : String(e);
    return left({ kind: "syntax", message: `${file}: not valid JSON: ${reason}` });
  }
}
