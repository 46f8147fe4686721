/**
 * A sub-command of the `genesys-eventbridge` CLI.
 *
 * Exit codes are a contract (see DESIGN.md): 0 success, 1 invalid input or a
 * failed check, 2 a usage error. Results go to `out`, problems to `err`.
 */
export interface Command {
  /** The word that selects the command, e.g. `validate`. */
  readonly name: string;
  /** One usage line, printed on usage errors and by `help`. */
  readonly usage: string;
  /** Runs the command with the arguments after its name; resolves to the exit code. */
  run(args: ReadonlyArray<string>, io: CliIo): Promise<number>;
}

/** Where a command writes: injectable so tests can capture the output. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

/** Exit codes shared by every command. */
export const ExitCode = { ok: 0, invalid: 1, usage: 2 } as const;

/** A usage error raised while parsing arguments; the dispatcher prints it with the usage line. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}
