import { Command } from "./command";
import { validateCommand } from "./validate";
import { projectCommand } from "./project";
import { auditCommand } from "./audit";
import { emulatorCommand } from "./emulator";
import { compileCommand } from "./compile";
import { exportCommand } from "./export";
import { impactCommand } from "./impact";
import { topicsCommand } from "./topics";
import { sampleCommand } from "./sample";
import { webhookCommand } from "./webhook";

/** Every sub-command of the CLI, in the order `help` lists them. */
export const commands: ReadonlyArray<Command> = [
  validateCommand,
  projectCommand,
  compileCommand,
  impactCommand,
  auditCommand,
  webhookCommand,
  exportCommand,
  topicsCommand,
  sampleCommand,
  emulatorCommand,
];
