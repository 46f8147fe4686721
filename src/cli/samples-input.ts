import * as fs from "fs";
import * as path from "path";
import { Either, left, right } from "fp-ts/Either";
import { readJsonFile, ReadProblem } from "./read-json";

/** Raw sample values read from files, each with the name of the file it came from. */
export interface SampleInput {
  readonly values: ReadonlyArray<unknown>;
  readonly files: ReadonlyArray<string>;
}

/**
 * Reads sample events from a file or a directory (every `*.json` in it,
 * sorted by name). A file may hold one sample or an array of them; arrays are
 * flattened, so sample indexes count across files in order. Never throws.
 */
export function readSamples(location: string): Either<ReadProblem, SampleInput> {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(location);
  } catch {
    return left({ kind: "missing", message: `file not found: ${location}` });
  }
  const files = stat.isDirectory() ? jsonFilesIn(location) : right([location]);
  if (files._tag === "Left") return files;
  if (files.right.length === 0) return left({ kind: "unreadable", message: `${location}: no *.json sample files in the directory` });
  const values: unknown[] = [];
  const origins: string[] = [];
  for (const file of files.right) {
    const read = readJsonFile(file);
    if (read._tag === "Left") return read;
    const items = Array.isArray(read.right) ? read.right : [read.right];
    values.push(...items);
    origins.push(...items.map(() => path.basename(file)));
  }
  return right({ values, files: origins });
}

function jsonFilesIn(dir: string): Either<ReadProblem, string[]> {
  try {
    const names = fs.readdirSync(dir).filter((n) => n.endsWith(".json")).sort();
    return right(names.map((n) => path.join(dir, n)));
  } catch (e) {
    return left({ kind: "unreadable", message: `${dir}: cannot list the directory (${(e as NodeJS.ErrnoException).code ?? "error"})` });
  }
}
