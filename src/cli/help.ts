import { Command, EXIT_CODE_LINES } from "./command";

const PROGRAM = "genesys-eventbridge";

/** Whether `args` ask for help: `-h` or `--help` anywhere before a `--` separator. */
export function wantsHelp(args: ReadonlyArray<string>): boolean {
  const end = args.indexOf("--");
  return (end === -1 ? args : args.slice(0, end)).some((a) => a === "-h" || a === "--help");
}

/** The overview `genesys-eventbridge --help` prints: synopsis, the commands with their summaries, the exit codes. */
export function overviewHelp(commands: ReadonlyArray<Command>): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    `usage: ${PROGRAM} <command> [options]`,
    `       ${PROGRAM} <command> --help`,
    `       ${PROGRAM} --version`,
    "",
    "commands:",
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary ?? c.usage}`),
    "",
    "A file argument given as - is read from standard input.",
    "With --json, a command prints one JSON document on one line on stdout, for success (exit 0, \"ok\": true)",
    "and for invalid input or a failed check (exit 1, \"ok\": false, the problems inside); usage errors (exit 2)",
    "are printed as text on stderr.",
    "",
    ...EXIT_CODE_LINES,
  ].join("\n");
}

/** The help `genesys-eventbridge <command> --help` prints: its usage line, what it does, its options, the exit codes. */
export function commandHelp(command: Command): string {
  return [
    `usage: ${PROGRAM} ${command.usage}`,
    ...(command.summary === undefined ? [] : ["", command.summary]),
    ...(command.details === undefined || command.details.length === 0 ? [] : ["", ...command.details]),
    "",
    ...EXIT_CODE_LINES,
  ].join("\n");
}

/** The short usage printed with a usage error: the command's synopsis, or the overview's. */
export function usageLine(command?: Command): string {
  return command === undefined ? `usage: ${PROGRAM} <command> [options] (${PROGRAM} --help lists the commands)` : `usage: ${PROGRAM} ${command.usage}`;
}
