import { Command } from "./command";
import { validateCommand } from "./validate";
import { projectCommand } from "./project";
import { auditCommand } from "./audit";

/** Every sub-command of the CLI, in the order `help` lists them. */
export const commands: ReadonlyArray<Command> = [
  validateCommand,
  projectCommand,
  auditCommand,
];
