import * as fs from "node:fs";
import * as path from "node:path";
import { Either, left, right } from "fp-ts/Either";
import { readFileOrFolder } from "./file-or-folder";
import { parseJsonBytes, readJsonFile } from "./json-file";
import { MAX_DEFINITION_FILE_BYTES, MAX_SAMPLE_FILE_BYTES, MAX_SAMPLE_FILES, MAX_SAMPLES_TOTAL_BYTES } from "./limits";
import type { FileProblem } from "./problem";

/** The files of one source: a definition file and, optionally, a sample file or a folder of `*.json` samples. */
export interface SourceFileNames {
  readonly definition: string;
  readonly samples?: string;
}

/** The file argument that stands for standard input (`validate -`, `--samples -`). */
export const STDIN_ARGUMENT = "-";

/** How messages call standard input: `<stdin>:3:7: ...`. */
export const STDIN_NAME = "<stdin>";

/** Options of {@link readSourceFiles}. */
export interface SourceFileOptions {
  /** The folder relative names are resolved against; default the working folder. */
  readonly root?: string;
  /**
   * What standard input held, read by the caller (see `readCappedStream`):
   * with it, a location given as `-` is these bytes instead of a file, with
   * the same size limit and JSON rules. At most one location may be `-`.
   */
  readonly stdin?: Uint8Array;
}

/** What the files of a source hold, not yet validated. */
export interface SourceFileValues {
  /** The definition file's value. */
  readonly definition: unknown;
  /** Sample values in file order, arrays flattened (absent without a samples location). */
  readonly samples?: ReadonlyArray<unknown>;
  /** For each sample, the base name of the file it came from. */
  readonly sampleFiles: ReadonlyArray<string>;
}

/**
 * Reads the definition and sample files of a source: the one loader of the
 * CLI and the stack program, so both accept and refuse the same files (see
 * {@link readJsonFile}; a definition file is at most 1 MiB, a sample file
 * 4 MiB, all samples together 16 MiB). A samples folder contributes every
 * `*.json` in it, sorted by name; a file holding an array contributes each
 * element. Names are resolved against `root` (default: the working folder)
 * and appear in problems as given. Both locations are read before a problem
 * is returned, and a missing file wins. With `options.stdin`, a location
 * given as `-` is standard input (called `<stdin>` in messages). Never throws.
 */
export function readSourceFiles(names: SourceFileNames, options: SourceFileOptions = {}): Either<FileProblem, SourceFileValues> {
  const resolve = (name: string) => path.resolve(options.root ?? process.cwd(), name);
  const stdin = options.stdin;
  const definition = stdin !== undefined && names.definition === STDIN_ARGUMENT
    ? capped(stdin, MAX_DEFINITION_FILE_BYTES, "a definition file")
    : readJsonFile(resolve(names.definition), MAX_DEFINITION_FILE_BYTES, names.definition, "a definition file");
  const samples = names.samples === undefined
    ? right(undefined)
    : stdin !== undefined && names.samples === STDIN_ARGUMENT
      ? stdinSamples(stdin)
      : readSampleValues(resolve(names.samples), names.samples);
  for (const read of [definition, samples]) {
    if (read._tag === "Left" && read.left._tag === "FileMissing") return read;
  }
  if (definition._tag === "Left") return definition;
  if (samples._tag === "Left") return samples;
  return right({
    definition: definition.right.value,
    ...(samples.right === undefined ? {} : { samples: samples.right.values }),
    sampleFiles: samples.right?.files ?? [],
  });
}

/** Bytes from standard input as JSON, within the limit of the file they stand for. */
function capped(bytes: Uint8Array, limit: number, what: string): Either<FileProblem, { value: unknown; bytes: number }> {
  if (bytes.length > limit) return left({ _tag: "FileTooLarge", file: STDIN_NAME, limit, what });
  return parseJsonBytes(bytes, STDIN_NAME);
}

/** Samples from standard input: one sample or an array of them, as a sample file holds. */
function stdinSamples(bytes: Uint8Array): Either<FileProblem, { values: unknown[]; files: string[] }> {
  const read = capped(bytes, MAX_SAMPLE_FILE_BYTES, "a sample file");
  if (read._tag === "Left") return read;
  const items = Array.isArray(read.right.value) ? read.right.value : [read.right.value];
  return right({ values: items, files: items.map(() => STDIN_NAME) });
}

function readSampleValues(location: string, name: string): Either<FileProblem, { values: unknown[]; files: string[] }> {
  return readFileOrFolder(location, name, {
    filesIn: jsonFilesIn,
    single: (file, as) => ({ file, name: as, base: path.basename(as) }),
    read: (f) => {
      const read = readJsonFile(f.file, MAX_SAMPLE_FILE_BYTES, f.name, "a sample file");
      if (read._tag === "Left") return read;
      const items = Array.isArray(read.right.value) ? read.right.value : [read.right.value];
      return right({ bytes: read.right.bytes, values: items, origin: f.base });
    },
    totalLimit: MAX_SAMPLES_TOTAL_BYTES,
    totalWhat: "the sample files of a source together",
  });
}

function jsonFilesIn(dir: string, name: string): Either<FileProblem, Array<{ file: string; name: string; base: string }>> {
  let entries: string[];
  try {
    entries = fs.readdirSync(dir).filter((n) => n.endsWith(".json")).sort();
  } catch (e) {
    return left({ _tag: "FileUnreadable", file: name, code: (e as NodeJS.ErrnoException).code ?? "error" });
  }
  if (entries.length === 0) return left({ _tag: "NoSampleFiles", file: name });
  if (entries.length > MAX_SAMPLE_FILES) {
    return left({ _tag: "TooManySampleFiles", file: name, limit: MAX_SAMPLE_FILES });
  }
  return right(entries.map((base) => ({ file: path.join(dir, base), name: path.join(name, base), base })));
}
