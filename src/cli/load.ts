import { Either, left, right } from "fp-ts/Either";
import { decodeSamples, DefinitionIssue, formatIssue, SampleEvent, SourceDefinition, validateDefinition } from "../definition";
import { CliIo, ExitCode, UsageError } from "./command";
import { readJsonFile, ReadProblem } from "./read-json";
import { readSamples } from "./samples-input";

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
 * Reads a definition file and, optionally, samples (a file or a directory),
 * then validates both. Files are read before anything is validated, so a
 * missing file is always a usage error (thrown as {@link UsageError}); other
 * problems are printed to stderr, one line each, and returned.
 */
export function loadInputs(definitionFile: string, samplesLocation: string | undefined, io: CliIo): Either<Reported, LoadedInputs> {
  const rawDefinition = readJsonFile(definitionFile);
  const rawSamples = samplesLocation === undefined ? right({ values: [], files: [] }) : readSamples(samplesLocation);
  for (const read of [rawDefinition, rawSamples]) {
    if (read._tag === "Left" && read.left.kind === "missing") throw new UsageError(read.left.message);
  }
  if (rawDefinition._tag === "Left") return left(reportProblem(rawDefinition.left, io));
  if (rawSamples._tag === "Left") return left(reportProblem(rawSamples.left, io));
  const definition = validateDefinition(rawDefinition.right);
  const samples = samplesLocation === undefined ? right([]) : decodeSamples(rawSamples.right.values);
  const issues = [
    ...(definition._tag === "Left" ? definition.left : []),
    ...(samples._tag === "Left" ? samples.left : []),
  ];
  if (definition._tag === "Left" || samples._tag === "Left") return left(reportIssues(issues, io));
  return right({ definition: definition.right, samples: samples.right, sampleFiles: rawSamples.right.files });
}

/** Prints one line per issue (`<path>: <message>`) to stderr. */
export function reportIssues(issues: ReadonlyArray<DefinitionIssue>, io: CliIo): Reported {
  io.err(issues.map(formatIssue).join("\n"));
  return { exitCode: ExitCode.invalid };
}

function reportProblem(problem: ReadProblem, io: CliIo): Reported {
  io.err(problem.message);
  return { exitCode: ExitCode.invalid };
}
