import { Command } from "./command";

/** Every sub-command of the CLI, in the order `help` lists them. */
export const commands: ReadonlyArray<Command> = [];
