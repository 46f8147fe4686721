import * as pulumi from "@pulumi/pulumi";
import { Either, left, right } from "fp-ts/Either";
import { DefinitionId } from "../src/definition";
import { describeFileProblem } from "../src/files/problem";
import { readSourceFiles } from "../src/files/source-files";

/** One source the stack deploys: a definition file and, optionally, sample events. */
export interface SourceFiles {
  /** Path of the definition JSON, relative to the project folder. */
  readonly definition: string;
  /** A sample file or a folder of `*.json` samples, relative to the project folder. */
  readonly samples?: string;
  /** Recorded events a preview replays to show the delivery impact of a change (a JSON or JSON Lines file or a folder), relative to the project folder. */
  readonly impactEvents?: string;
}

/** A loaded source: its id, the definition object and its samples. */
export interface LoadedSource {
  /** The definition's id: the resource name and the key of the source's outputs. */
  readonly id: string;
  readonly definition: Record<string, unknown>;
  readonly samples?: unknown[];
  /** The entry's `impactEvents` path, passed to the resource as given (the provider reads it). */
  readonly impactEvents?: string;
}

/** The config key that lists the sources, for messages. */
export const SOURCES_KEY = "genesys-eventbridge:sources";

/**
 * Checks the `sources` config value: a list of `{ definition, samples? }`
 * with file paths as strings. Problems name the entry (`sources[1].samples`).
 */
export function sourceEntries(value: unknown): Either<string[], SourceFiles[]> {
  if (!Array.isArray(value)) return left([`${SOURCES_KEY}: expected a list of { "definition": <file>, "samples"?: <file or folder> }`]);
  const problems: string[] = [];
  value.forEach((entry, i) => {
    const at = `${SOURCES_KEY}[${i}]`;
    if (entry === null || typeof entry !== "object" || Array.isArray(entry)) {
      problems.push(`${at}: expected { "definition": <file>, "samples"?: <file or folder> }`);
      return;
    }
    for (const key of Object.keys(entry)) {
      if (key !== "definition" && key !== "samples" && key !== "impactEvents") {
        problems.push(`${at}: unknown property ${JSON.stringify(key)}; expected definition, samples, impactEvents`);
      }
    }
    const { definition, samples, impactEvents } = entry as Record<string, unknown>;
    if (typeof definition !== "string" || definition === "") problems.push(`${at}.definition: expected a file path`);
    if (samples !== undefined && (typeof samples !== "string" || samples === "")) problems.push(`${at}.samples: expected a file or folder path`);
    if (impactEvents !== undefined && (typeof impactEvents !== "string" || impactEvents === "")) problems.push(`${at}.impactEvents: expected a file or folder path`);
  });
  return problems.length > 0 ? left(problems) : right(value as SourceFiles[]);
}

/**
 * Reads the definition and sample files a stack names with the loader the CLI
 * uses (`readSourceFiles`: size limits, UTF-8 with an optional BOM, strict
 * JSON). The provider's `check` validates the definitions; here a file that
 * cannot be read, a definition that is not an object, an invalid id (it
 * becomes a resource name and an output key) and an id used twice are
 * problems, one line each naming the entry and the file. Collects every
 * problem; never throws.
 */
export function readSources(entries: ReadonlyArray<SourceFiles>, root: string): Either<string[], LoadedSource[]> {
  const problems: string[] = [];
  const loaded: LoadedSource[] = [];
  const firstWithId = new Map<string, number>();
  entries.forEach((entry, i) => {
    const at = `${SOURCES_KEY}[${i}]`;
    const read = readSourceFiles({ definition: entry.definition, ...(entry.samples === undefined ? {} : { samples: entry.samples }) }, { root });
    if (read._tag === "Left") {
      problems.push(`${at}: ${describeFileProblem(read.left)}`);
      return;
    }
    const definition = read.right.definition;
    if (definition === null || typeof definition !== "object" || Array.isArray(definition)) {
      problems.push(`${at}: ${entry.definition}: expected a JSON object (an EventBridge source definition)`);
      return;
    }
    const record = definition as Record<string, unknown>;
    const id = DefinitionId.decode(Object.prototype.hasOwnProperty.call(record, "id") ? record.id : undefined);
    if (id._tag === "Left") {
      problems.push(`${at}: ${entry.definition}: id: ${id.left[0]?.message ?? "expected an id"}`);
      return;
    }
    const first = firstWithId.get(id.right);
    if (first !== undefined) {
      problems.push(`${at}: ${entry.definition}: id: ${JSON.stringify(id.right)} is already the id of ${SOURCES_KEY}[${first}] (${entries[first].definition}); ids must be unique`);
      return;
    }
    firstWithId.set(id.right, i);
    loaded.push({
      id: id.right,
      definition: record,
      ...(read.right.samples === undefined ? {} : { samples: [...read.right.samples] }),
      ...(entry.impactEvents === undefined ? {} : { impactEvents: entry.impactEvents }),
    });
  });
  return problems.length > 0 ? left(problems) : right(loaded);
}

/**
 * The stack programs' edge: checks the `sources` entries and reads them (see
 * {@link sourceEntries}, {@link readSources}), or throws a `pulumi.RunError`
 * listing every problem. The engine prints a RunError as its message alone,
 * without a stack trace: these are the user's problems to fix, not crashes.
 */
export function loadSources(entries: unknown, root: string): LoadedSource[] {
  const checked = sourceEntries(entries);
  const loaded = checked._tag === "Left" ? checked : readSources(checked.right, root);
  if (loaded._tag === "Left") throw new pulumi.RunError(loaded.left.join("\n"));
  return loaded.right;
}
