import { projectSamples } from "../definition";
import { parseArgs } from "./args";
import { Command, ExitCode, UsageError } from "./command";
import { loadInputs, reportIssues } from "./load";

/**
 * The `project` command: runs sample events through a definition and prints
 * the projected event (one sample) or an array of them (several) as JSON.
 * Samples whose filter conditions do not hold are still projected, with a
 * note on stderr; unresolved fields are mismatches (exit 1).
 */
export const projectCommand: Command = {
  name: "project",
  usage: "project <definition.json> --event <sample.json|dir>",
  async run(args, io) {
    const parsed = parseArgs(args, ["event"]);
    if (parsed.positional.length !== 1) throw new UsageError("expected exactly one definition file");
    const event = parsed.options["event"];
    if (typeof event !== "string") throw new UsageError("option --event is required");
    const loaded = loadInputs(parsed.positional[0], event, io);
    if (loaded._tag === "Left") return loaded.left.exitCode;
    const projected = projectSamples(loaded.right.definition, loaded.right.samples);
    if (projected._tag === "Left") return reportIssues(projected.left, io).exitCode;
    for (const p of projected.right.filter((x) => !x.matched)) {
      io.err(`note: samples[${p.sample}] (${p.eventType}) does not match ${p.failedCondition}; it would not be sent`);
    }
    const events = projected.right.map((p) => p.projected);
    io.out(JSON.stringify(events.length === 1 ? events[0] : events, null, 2));
    return ExitCode.ok;
  },
};
