import { Command, CliIo, ExitCode, UsageError } from "./cli/command";
import { commands } from "./cli/commands";

const processIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith("\n") ? text : `${text}\n`),
};

function usageText(all: ReadonlyArray<Command>): string {
  return ["usage: genesys-eventbridge <command> [options]", ...all.map((c) => `  ${c.usage}`)].join("\n");
}

/**
 * Runs the `genesys-eventbridge` CLI with `argv` (without the node and script
 * words) and resolves to the process exit code. Never throws: an unexpected
 * failure is printed as one line, without a stack trace.
 */
export async function main(argv: ReadonlyArray<string>, io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "help" || name === "--help" || name === "-h") {
    (name === undefined ? io.err : io.out)(usageText(commands));
    return name === undefined ? ExitCode.usage : ExitCode.ok;
  }
  const command = commands.find((c) => c.name === name);
  if (command === undefined) {
    io.err(`genesys-eventbridge: unknown command '${name}'\n${usageText(commands)}`);
    return ExitCode.usage;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`genesys-eventbridge ${name}: ${e.message}\nusage: genesys-eventbridge ${command.usage}`);
      return ExitCode.usage;
    }
    io.err(`genesys-eventbridge ${name}: ${e instanceof Error ? e.message : String(e)}`);
    return ExitCode.invalid;
  }
}
