import { UsageError } from "./command";

/** Parsed command-line arguments: positional values and `--flag value` options. */
export interface ParsedArgs {
  readonly positional: string[];
  /** Each option's value (the last one when given more than once); `true` for a switch. */
  readonly options: Record<string, string | true>;
  /** Every value of each valued option, in order, for options that may be repeated. */
  readonly repeated: Record<string, string[]>;
}

/**
 * Parses `args` against the allowed options. `valued` options take the next
 * argument (or `--name=value`); `switches` take none. Anything else that starts
 * with `-` is a usage error naming the flag, except `-` itself (standard
 * input) and everything after `--`, which are positional.
 */
export function parseArgs(
  args: ReadonlyArray<string>,
  valued: ReadonlyArray<string>,
  switches: ReadonlyArray<string> = [],
): ParsedArgs {
  const positional: string[] = [];
  const options: Record<string, string | true> = {};
  const repeated: Record<string, string[]> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--") {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (arg === "-" || !arg.startsWith("-")) {
      positional.push(arg);
      continue;
    }
    if (!arg.startsWith("--")) throw new UsageError(`unknown option ${arg}`);
    const eq = arg.indexOf("=");
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    if (switches.includes(name) && eq === -1) {
      options[name] = true;
    } else if (valued.includes(name)) {
      const value = eq === -1 ? args[++i] : arg.slice(eq + 1);
      if (value === undefined || value === "") throw new UsageError(`option --${name} needs a value`);
      options[name] = value;
      (repeated[name] ??= []).push(value);
    } else {
      throw new UsageError(`unknown option --${name}`);
    }
  }
  return { positional, options, repeated };
}
