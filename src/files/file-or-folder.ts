import * as fs from "node:fs";
import { Either, left, right } from "fp-ts/Either";
import type { FileProblem } from "./problem";

/** What one file of a location gave: its size in bytes, its values (arrays flattened) and how to name where they came from. */
export interface FilePart {
  readonly bytes: number;
  readonly values: ReadonlyArray<unknown>;
  readonly origin: string;
}

/** How a location that is a file or a folder of files is read (see {@link readFileOrFolder}). */
export interface FileOrFolder<F> {
  /** The files of a folder to read, in order; a `Left` when the folder cannot be listed or holds none or too many. */
  readonly filesIn: (dir: string, name: string) => Either<FileProblem, ReadonlyArray<F>>;
  /** The one file a location that is no folder stands for. */
  readonly single: (location: string, name: string) => F;
  /** Reads one file. */
  readonly read: (file: F) => Either<FileProblem, FilePart>;
  /** At most this many bytes all files together, and how the problem names them. */
  readonly totalLimit: number;
  readonly totalWhat: string;
}

/**
 * Reads a location that is a file or a folder of files: every value, in
 * order, with the origin of each. A missing location is `FileMissing`; the
 * files together may hold at most `totalLimit` bytes. `name` is how
 * messages call the location. Never throws.
 */
export function readFileOrFolder<F>(location: string, name: string, how: FileOrFolder<F>): Either<FileProblem, { values: unknown[]; files: string[] }> {
  let isDirectory: boolean;
  try {
    isDirectory = fs.statSync(location).isDirectory();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? "error";
    return left(code === "ENOENT" || code === "ENOTDIR" ? { _tag: "FileMissing", file: name } : { _tag: "FileUnreadable", file: name, code });
  }
  const files = isDirectory ? how.filesIn(location, name) : right([how.single(location, name)]);
  if (files._tag === "Left") return files;
  const values: unknown[] = [];
  const origins: string[] = [];
  let total = 0;
  for (const f of files.right) {
    const part = how.read(f);
    if (part._tag === "Left") return part;
    total += part.right.bytes;
    if (total > how.totalLimit) return left({ _tag: "FileTooLarge", file: name, limit: how.totalLimit, what: how.totalWhat });
    values.push(...part.right.values);
    origins.push(...part.right.values.map(() => part.right.origin));
  }
  return right({ values, files: origins });
}
