/**
 * A sub-command of the `genesys-eventbridge` CLI.
 *
 * Exit codes are a contract (see {@link ExitCode}): 0 success, 1 invalid
 * input or a failed check, 2 a usage error. Results go to `out`, problems to
 * `err`; with `--json`, exits 0 and 1 print one JSON document on `out` instead.
 */
export interface Command {
  /** The word that selects the command, e.g. `validate`. */
  readonly name: string;
  /** The synopsis after the program name, e.g. `validate <definition.json> [--samples <file-or-dir>]`; printed on usage errors. */
  readonly usage: string;
  /** One line saying what the command does, for the command list of `--help`. */
  readonly summary?: string;
  /** Lines describing the arguments and options, for `<command> --help`. */
  readonly details?: ReadonlyArray<string>;
  /** Runs the command with the arguments after its name; resolves to the exit code. */
  run(args: ReadonlyArray<string>, io: CliIo): Promise<number>;
}

/** Where a command writes and reads: injectable so tests can capture the output and feed standard input. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Standard input, for a file argument given as `-`; default `process.stdin`. */
  readonly stdin?: AsyncIterable<Uint8Array | string>;
}

/** Exit codes shared by every command. */
export const ExitCode = { ok: 0, invalid: 1, usage: 2 } as const;

/** The exit-code table printed by `--help` (and shown in the README). */
export const EXIT_CODE_LINES: ReadonlyArray<string> = [
  "exit codes:",
  "  0  success",
  "  1  invalid input or a failed check: a file that cannot be read (missing, a directory, too large, not JSON),",
  "     an invalid definition, a sample that does not resolve, a pattern that cannot express a condition,",
  "     a broken audit log, an error from Genesys Cloud",
  "  2  usage error: unknown command or option, a missing or extra argument, an option value of the wrong form,",
  "     missing Genesys Cloud settings",
];

/** A usage error raised while parsing arguments; the dispatcher prints it with the usage line. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}
