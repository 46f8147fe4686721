import { projectSamples } from "../definition";
import { parseArgs } from "./args";
import { Command, ExitCode, UsageError } from "./command";
import { loadInputs } from "./load";
import { issueProblem, printJson, reportProblems } from "./problems";

/**
 * The `project` command: runs sample events through a definition and prints
 * the projected event (one sample) or an array of them (several) as JSON on
 * one line (`--pretty` indents it). Samples whose filter conditions do not
 * hold are still projected, with a note on stderr; unresolved fields are
 * mismatches (exit 1). `--json` wraps each projection with its sample,
 * filter and match in one document, notes included.
 */
export const projectCommand: Command = {
  name: "project",
  usage: "project <definition.json | -> --event <file | dir | -> [--pretty] [--json]",
  summary: "print the event each sample becomes after the definition's transformations and attribute mappings",
  details: [
    "arguments:",
    "  <definition.json>   the source definition; - reads it from standard input",
    "options:",
    "  --event <path>      a sample file (one event or an array), a folder of *.json samples, or - (standard input); required",
    "  --pretty            indent the JSON, also with --json (default: one line)",
    "  --json              print {\"ok\":true,\"projections\":[{\"sample\",\"eventType\",\"file\",\"filter\",\"matched\",\"failedCondition\",\"event\"}]}",
    "                      or {\"ok\":false,\"problems\":[...]}; samples that do not match are flagged inside, not on stderr",
    "  -h, --help          print this help",
    "",
    "Prints one projected event, or an array of them for several samples.",
  ],
  async run(args, io) {
    const parsed = parseArgs(args, ["event"], ["pretty", "json"]);
    if (parsed.positional.length !== 1) throw new UsageError("expected exactly one definition file");
    const event = parsed.options["event"];
    if (typeof event !== "string") throw new UsageError("option --event is required");
    const json = parsed.options["json"] === true;
    const indent = parsed.options["pretty"] === true ? 2 : undefined;
    const loaded = await loadInputs(parsed.positional[0], event, io);
    if (loaded._tag === "Left") return reportProblems(io, loaded.left, json);
    const projected = projectSamples(loaded.right.definition, loaded.right.samples);
    if (projected._tag === "Left") return reportProblems(io, projected.left.map(issueProblem), json);
    if (json) {
      const projections = projected.right.map((p) => ({
        sample: p.sample,
        eventType: p.eventType,
        file: loaded.right.sampleFiles[p.sample],
        filter: p.filter,
        matched: p.matched,
        failedCondition: p.failedCondition,
        event: p.projected,
      }));
      if (indent === undefined) return printJson(io, { projections });
      io.out(JSON.stringify({ ok: true, projections }, null, indent));
      return ExitCode.ok;
    }
    for (const p of projected.right.filter((x) => !x.matched)) {
      io.err(`note: samples[${p.sample}] (${p.eventType}) does not match ${p.failedCondition}; it would not be sent`);
    }
    const events = projected.right.map((p) => p.projected);
    io.out(JSON.stringify(events.length === 1 ? events[0] : events, null, indent));
    return ExitCode.ok;
  },
};
