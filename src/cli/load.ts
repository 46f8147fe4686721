import { Either, left, right } from "fp-ts/Either";
import { decodeSamples, DefinitionIssue, formatIssue, SampleEvent, SourceDefinition, validateDefinition } from "../definition";
import { describeFileProblem, readSourceFiles } from "../files";
import { CliIo, ExitCode, UsageError } from "./command";

/** A failure already printed to stderr, carrying the exit code to return. */
export interface Reported {
  readonly exitCode: number;
}

/** A definition with its sample events (and the file each sample came from), all decoded. */
export interface LoadedInputs {
  readonly definition: SourceDefinition;
  readonly samples: ReadonlyArray<SampleEvent>;
  readonly sampleFiles: ReadonlyArray<string>;
}

/**
 * Reads a definition file and, optionally, samples (a file or a directory)
 * with the loader the stack program uses too (`readSourceFiles`), then
 * validates both. A missing file is a usage error (thrown as
 * {@link UsageError}); other problems are printed to stderr, one line each,
 * and returned.
 */
export function loadInputs(definitionFile: string, samplesLocation: string | undefined, io: CliIo): Either<Reported, LoadedInputs> {
  const read = readSourceFiles(samplesLocation === undefined ? { definition: definitionFile } : { definition: definitionFile, samples: samplesLocation });
  if (read._tag === "Left") {
    if (read.left._tag === "FileMissing") throw new UsageError(describeFileProblem(read.left));
    io.err(describeFileProblem(read.left));
    return left({ exitCode: ExitCode.invalid });
  }
  const definition = validateDefinition(read.right.definition);
  const samples = read.right.samples === undefined ? right([]) : decodeSamples(read.right.samples);
  const issues = [
    ...(definition._tag === "Left" ? definition.left : []),
    ...(samples._tag === "Left" ? samples.left : []),
  ];
  if (definition._tag === "Left" || samples._tag === "Left") return left(reportIssues(issues, io));
  return right({ definition: definition.right, samples: samples.right, sampleFiles: read.right.sampleFiles });
}

/** Prints one line per issue (`<path>: <message>`) to stderr. */
export function reportIssues(issues: ReadonlyArray<DefinitionIssue>, io: CliIo): Reported {
  io.err(issues.map(formatIssue).join("\n"));
  return { exitCode: ExitCode.invalid };
}
