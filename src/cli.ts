import { CliIo, ExitCode, UsageError } from "./cli/command";
import { commands } from "./cli/commands";
import { commandHelp, overviewHelp, usageLine, wantsHelp } from "./cli/help";
import { packageVersion } from "./cli/version";

const processIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith("\n") ? text : `${text}\n`),
  stdin: process.stdin,
};

/**
 * Runs the `genesys-eventbridge` CLI with `argv` (without the node and script
 * words) and resolves to the process exit code. `--help` (or `-h`), at the
 * top or after a command, prints help on stdout and exits 0; `--version`
 * prints the package version. Never throws: an unexpected failure is printed
 * as one line, without a stack trace.
 */
export async function main(argv: ReadonlyArray<string>, io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.err(overviewHelp(commands));
    return ExitCode.usage;
  }
  if (name === "--help" || name === "-h") {
    io.out(overviewHelp(commands));
    return ExitCode.ok;
  }
  if (name === "--version") {
    io.out(packageVersion());
    return ExitCode.ok;
  }
  if (name === "help") {
    const about = rest[0] === undefined ? undefined : commands.find((c) => c.name === rest[0]);
    if (rest[0] !== undefined && about === undefined) {
      io.err(`genesys-eventbridge help: unknown command '${rest[0]}'\n${usageLine()}`);
      return ExitCode.usage;
    }
    io.out(about === undefined ? overviewHelp(commands) : commandHelp(about));
    return ExitCode.ok;
  }
  const command = commands.find((c) => c.name === name);
  if (command === undefined) {
    io.err(`genesys-eventbridge: ${name.startsWith("-") ? `unknown option ${name}` : `unknown command '${name}'`}\n${overviewHelp(commands)}`);
    return ExitCode.usage;
  }
  if (wantsHelp(rest)) {
    io.out(commandHelp(command));
    return ExitCode.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`genesys-eventbridge ${name}: ${e.message}\n${usageLine(command)}`);
      return ExitCode.usage;
    }
    io.err(`genesys-eventbridge ${name}: ${e instanceof Error ? e.message : String(e)}`);
    return ExitCode.invalid;
  }
}
