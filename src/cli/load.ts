import { Either, left, right } from "fp-ts/Either";
import { decodeSamples, definitionIssue, DefinitionIssue, SampleEvent, SourceDefinition, validateDefinition } from "../definition";
import { MAX_DEFINITION_FILE_BYTES, MAX_SAMPLE_FILE_BYTES } from "../files/limits";
import { STDIN_ARGUMENT, STDIN_NAME, readSourceFiles } from "../files/source-files";
import { readCappedStream } from "../files/read-stream";
import { CliIo, UsageError } from "./command";
import { Problem, fileProblem, issueProblem } from "./problems";
import { INTENDED_STATES, IntendedState } from "../definition/vocabulary/intended-state";

/** A definition with its sample events (and the file each sample came from), all decoded. */
export interface LoadedInputs {
  readonly definition: SourceDefinition;
  /** The definition file's `intendedState`, when it gives one (see {@link splitIntendedState}). */
  readonly intendedState?: IntendedState;
  readonly samples: ReadonlyArray<SampleEvent>;
  readonly sampleFiles: ReadonlyArray<string>;
}

/**
 * Reads a definition file and, optionally, samples (a file or a directory)
 * with the loader the stack program uses too (`readSourceFiles`), then
 * validates both. Either may be `-`, standard input (not both: that is a
 * usage error, thrown as {@link UsageError}), read with the limit of the
 * file it stands for. A file that cannot be read, missing ones included, is
 * invalid input like an invalid definition: the problems are returned.
 */
export async function loadInputs(definitionFile: string, samplesLocation: string | undefined, io: CliIo): Promise<Either<ReadonlyArray<Problem>, LoadedInputs>> {
  const definitionFromStdin = definitionFile === STDIN_ARGUMENT;
  const samplesFromStdin = samplesLocation === STDIN_ARGUMENT;
  if (definitionFromStdin && samplesFromStdin) throw new UsageError("standard input (-) can stand for the definition or the samples, not both");
  let stdin: Uint8Array | undefined;
  if (definitionFromStdin || samplesFromStdin) {
    const limit = definitionFromStdin ? MAX_DEFINITION_FILE_BYTES : MAX_SAMPLE_FILE_BYTES;
    const read = await readCappedStream(io.stdin ?? process.stdin, limit, STDIN_NAME, definitionFromStdin ? "a definition file" : "a sample file");
    if (read._tag === "Left") return left([fileProblem(read.left)]);
    stdin = read.right;
  }
  const names = samplesLocation === undefined ? { definition: definitionFile } : { definition: definitionFile, samples: samplesLocation };
  const read = readSourceFiles(names, stdin === undefined ? {} : { stdin });
  if (read._tag === "Left") return left([fileProblem(read.left)]);
  const split = splitIntendedState(read.right.definition);
  const definition = validateDefinition(split.definition);
  const samples = read.right.samples === undefined ? right([]) : decodeSamples(read.right.samples);
  const issues = [
    ...split.issues,
    ...(definition._tag === "Left" ? definition.left : []),
    ...(samples._tag === "Left" ? samples.left : []),
  ];
  if (definition._tag === "Left" || samples._tag === "Left" || issues.length > 0) return left(issues.map(issueProblem));
  return right({
    definition: definition.right,
    ...(split.intendedState === undefined ? {} : { intendedState: split.intendedState }),
    samples: samples.right,
    sampleFiles: read.right.sampleFiles,
  });
}

/**
 * Takes `intendedState` out of a definition file's value: it is not part of
 * the definition (the payload, its hash) but a property of the remote
 * integration, which the stack program passes to the resource with the rest
 * of the file, and which `export` writes. Anything but `ENABLED` or
 * `DISABLED` is an issue at `intendedState`.
 */
export function splitIntendedState(value: unknown): {
  readonly definition: unknown;
  readonly intendedState?: IntendedState;
  readonly issues: ReadonlyArray<DefinitionIssue>;
} {
  if (value === null || typeof value !== "object" || Array.isArray(value) || !Object.prototype.hasOwnProperty.call(value, "intendedState")) {
    return { definition: value, issues: [] };
  }
  const { intendedState, ...definition } = value as Record<string, unknown>;
  if (IntendedState.is(intendedState)) return { definition, intendedState, issues: [] };
  return {
    definition,
    issues: [definitionIssue("intendedState", `expected one of ${INTENDED_STATES.join(", ")}, found ${JSON.stringify(intendedState) ?? String(intendedState)}`)],
  };
}
