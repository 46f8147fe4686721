import { Command } from "./command";
import { auditCommand } from "./audit";

/** Every sub-command of the CLI, in the order `help` lists them. */
export const commands: ReadonlyArray<Command> = [
  auditCommand,
];
