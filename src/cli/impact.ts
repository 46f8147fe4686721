import { Either, left, right } from "fp-ts/Either";
import { DefinitionIssue, SourceDefinition, validateDefinition } from "../definition";
import { CorpusEvent, decodeCorpus } from "../definition/impact/corpus-event";
import { deliveryImpact, DeliveryImpact } from "../definition/impact/impact";
import { exampleLines, impactLine } from "../definition/impact/summary";
import { MAX_DEFINITION_FILE_BYTES, MAX_EVENT_FILE_BYTES } from "../files/limits";
import { STDIN_ARGUMENT, STDIN_NAME } from "../files/source-files";
import { parseEventBytes, readEventCorpus } from "../files/event-corpus";
import { parseJsonBytes } from "../files/json-file";
import { readCappedStream } from "../files/read-stream";
import { parseArgs } from "./args";
import { CliIo, Command, ExitCode, UsageError } from "./command";
import { gitShow } from "./git-show";
import { loadInputs, splitIntendedState } from "./load";
import { fileProblem, issueProblem, printJson, Problem, reportProblems } from "./problems";

/**
 * The `impact` command: replays recorded events through an old and a new
 * definition and prints what the change does to delivery (see
 * `deliveryImpact`): one line of counts, the totals and a few examples;
 * `--json` prints the counts and examples as one document. The old
 * definition is a file, or with `--base <ref>` the new file's path at that
 * git revision. Exit 0 whatever the impact, 1 for invalid input, and 1 when
 * `--fail-on-dropped N` is given and more than N events would no longer be
 * delivered.
 */
export const impactCommand: Command = {
  name: "impact",
  usage: "impact (<old-definition.json> <new-definition.json> | <definition.json> --base <git-ref>) --events <file | dir | -> [--json] [--fail-on-dropped N]",
  summary: "replay recorded events through an old and a new definition: what a change does to delivery",
  details: [
    "arguments:",
    "  <old-definition.json>  the definition as deployed; - reads it from standard input",
    "  <new-definition.json>  the definition as changed",
    "options:",
    "  --events <path>        recorded events: a JSON file (one event or an array), JSON Lines (one per line, as an",
    "                         EventBridge archive replay or export gives), a folder of *.json/*.jsonl/*.ndjson files,",
    "                         or - (standard input); each event is { eventType, event } or an EventBridge envelope; required",
    "  --base <git-ref>       take the old definition from git: the new definition's file at this revision",
    "  --fail-on-dropped <N>  exit 1 when more than N events would no longer be delivered",
    "  --per-event            with --json, also list every event's verdicts (\"events\")",
    "  --json                 print {\"ok\":true,\"total\",\"deliveredBefore\",\"deliveredAfter\",\"newlyDropped\",\"newlyDelivered\",",
    "                         \"reshaped\",\"unchanged\",\"reshapedTargets\",\"examples\"} or {\"ok\":false,\"problems\":[...]}",
    "  -h, --help             print this help",
    "",
    "An event is delivered when the compiled event pattern selects it and the projection produces the output.",
  ],
  async run(args, io) {
    const parsed = parseArgs(args, ["events", "base", "fail-on-dropped"], ["json", "per-event"]);
    const base = parsed.options["base"];
    const expected = typeof base === "string" ? 1 : 2;
    if (parsed.positional.length !== expected) {
      throw new UsageError(expected === 1 ? "with --base, expected exactly one definition file" : "expected an old and a new definition file");
    }
    const events = parsed.options["events"];
    if (typeof events !== "string") throw new UsageError("option --events is required");
    const gate = failOnDropped(parsed.options["fail-on-dropped"]);
    const json = parsed.options["json"] === true;
    const stdinUsers = [...parsed.positional, events].filter((a) => a === STDIN_ARGUMENT).length;
    if (stdinUsers > 1) throw new UsageError("standard input (-) can stand for one file only");
    if (typeof base === "string" && parsed.positional[0] === STDIN_ARGUMENT) throw new UsageError("--base needs the definition's file, not standard input");

    const newFile = parsed.positional[expected - 1];
    const [old, next, corpus] = [
      typeof base === "string" ? definitionAt(base, newFile) : await definitionIn(parsed.positional[0], io),
      await definitionIn(newFile, io),
      await corpusIn(events, io),
    ];
    const problems = [old, next, corpus].flatMap((r) => (r._tag === "Left" ? r.left : []));
    if (old._tag === "Left" || next._tag === "Left" || corpus._tag === "Left") return reportProblems(io, problems, json);

    const impact = deliveryImpact(old.right, next.right, corpus.right);
    const failed = gate !== undefined && impact.newlyDropped > gate;
    if (json) {
      printJson(io, {
        ...document(impact),
        ...(gate === undefined ? {} : { failOnDropped: { limit: gate, passed: !failed } }),
        ...(parsed.options["per-event"] === true ? { events: impact.events.map((e) => ({ event: corpusKey(corpus.right[e.index]), ...e })) } : {}),
      });
    } else {
      io.out(
        [
          impactLine(impact),
          `delivered before: ${impact.deliveredBefore}, after: ${impact.deliveredAfter}; unchanged: ${impact.unchanged}`,
          ...exampleLines(impact).map((l) => `  ${l}`),
        ].join("\n"),
      );
    }
    if (failed) {
      // With --json the document says it (failOnDropped.passed); stderr stays empty.
      if (!json) io.err(`${impact.newlyDropped} event${impact.newlyDropped === 1 ? "" : "s"} would no longer be delivered, more than --fail-on-dropped ${gate}`);
      return ExitCode.invalid;
    }
    return ExitCode.ok;
  },
};

/** The `--json` document's counts and examples (the per-event list only on request). */
function document(impact: DeliveryImpact): Record<string, unknown> {
  const { events: _events, ...rest } = impact;
  return rest;
}

function corpusKey(e: { readonly id?: string; readonly label?: string; readonly index: number }): string {
  return e.id ?? e.label ?? `events[${e.index}]`;
}

function failOnDropped(value: string | true | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string" || !/^\d{1,15}$/.test(value)) throw new UsageError(`option --fail-on-dropped needs a whole number of events, such as 0 or 10`);
  return Number(value);
}

type Loaded<A> = Either<ReadonlyArray<Problem>, A>;

async function definitionIn(file: string, io: CliIo): Promise<Loaded<SourceDefinition>> {
  const loaded = await loadInputs(file, undefined, io);
  return loaded._tag === "Left" ? left(loaded.left.map((p) => ({ file: p.file ?? (file === STDIN_ARGUMENT ? STDIN_NAME : file), ...p }))) : right(loaded.right.definition);
}

function definitionAt(ref: string, file: string): Loaded<SourceDefinition> {
  const name = `${file} at ${ref}`;
  const shown = gitShow(ref, file, MAX_DEFINITION_FILE_BYTES);
  if (shown._tag === "Left") return left([{ message: shown.left, file: name }]);
  const parsed = parseJsonBytes(shown.right, name);
  if (parsed._tag === "Left") return left([fileProblem(parsed.left)]);
  return decoded(splitIntendedState(parsed.right.value), name);
}

function decoded(split: { readonly definition: unknown; readonly issues: ReadonlyArray<DefinitionIssue> }, file: string): Loaded<SourceDefinition> {
  const definition = validateDefinition(split.definition);
  const issues = [...split.issues, ...(definition._tag === "Left" ? definition.left : [])];
  if (issues.length > 0 || definition._tag === "Left") return left(issues.map((i) => ({ ...issueProblem(i), message: `${file}: ${issueProblem(i).message}`, file })));
  return right(definition.right);
}

async function corpusIn(location: string, io: CliIo): Promise<Loaded<ReadonlyArray<CorpusEvent>>> {
  let values: ReadonlyArray<unknown>;
  let files: ReadonlyArray<string>;
  if (location === STDIN_ARGUMENT) {
    const bytes = await readCappedStream(io.stdin ?? process.stdin, MAX_EVENT_FILE_BYTES, STDIN_NAME, "an event file");
    const read = bytes._tag === "Left" ? bytes : parseEventBytes(bytes.right, STDIN_NAME);
    if (read._tag === "Left") return left([fileProblem(read.left)]);
    values = read.right;
    files = read.right.map(() => STDIN_NAME);
  } else {
    const read = readEventCorpus(location);
    if (read._tag === "Left") return left([fileProblem(read.left)]);
    ({ values, files } = read.right);
  }
  const corpus = decodeCorpus(values);
  if (corpus._tag === "Left") {
    return left(corpus.left.map((i) => ({ ...issueProblem(i), file: files[Number(/^events\[(\d+)\]/.exec(i.path)?.[1] ?? 0)] })));
  }
  return right(corpus.right);
}
