import { compileRoute, formatUndelivered, partnerEventSourceNameOf, patternGaps } from "../definition";
import { parseArgs } from "./args";
import { Command, ExitCode, UsageError } from "./command";
import { catalogProblems } from "./catalog";
import { loadInputs } from "./load";
import { printJson, reportProblems } from "./problems";

/**
 * The `compile` command: prints the AWS side of a definition for pipelines
 * whose AWS resources live in CloudFormation, CDK or Terraform: the event
 * pattern of the rule on the partner event bus, the input transformer of
 * its targets, and what they do not carry out, per condition, directive or
 * mapping. `--partner-event-source` (or `--org-id`, from which the name is
 * derived with the definition's event source suffix) adds `source` to the
 * pattern. `--json` prints `{ ok, eventPatterns, eventPattern, inputTransformer, transform, undelivered }`
 * (each pattern as the JSON string `EventRule` takes, one per rule;
 * `eventPattern` only when there is one rule; `transform` is the stage
 * between the rules and the targets, `null` when the input transformer
 * carries everything). Exit 1, with the
 * conditions' paths and no route, when the pattern cannot express the
 * definition's filters: such a rule would deliver events the definition
 * filters out.
 */
export const compileCommand: Command = {
  name: "compile",
  usage: "compile <definition.json | -> [--partner-event-source <name> | --org-id <id>] [--catalog <file>] [--json]",
  summary: "print the EventBridge event patterns (one per rule), input transformer and transform stage compiled from a definition, and what they do not carry out",
  details: [
    "arguments:",
    "  <definition.json>              the source definition; - reads it from standard input",
    "options:",
    "  --partner-event-source <name>  put this partner event source into the pattern's source",
    "  --org-id <id>                  the same, naming aws.partner/genesys.com/cloud/<id>/<event source suffix>",
    "  --catalog <file>               check the topics and the fields read against a saved topic catalog first",
    "  --json                         print {\"ok\":true,\"eventPatterns\",\"eventPattern\",\"inputTransformer\",\"transform\",\"undelivered\"}",
    "                                 (eventPatterns: one pattern per rule; eventPattern only when there is one)",
    "                                 or {\"ok\":false,\"problems\":[{\"message\",\"path\"}]}",
    "  -h, --help                     print this help",
    "",
    "Exits 1 when the pattern cannot express a condition: such a rule would deliver events the definition filters out.",
  ],
  async run(args, io) {
    const parsed = parseArgs(args, ["partner-event-source", "org-id", "catalog"], ["json"]);
    if (parsed.positional.length !== 1) throw new UsageError("expected exactly one definition file");
    const named = parsed.options["partner-event-source"];
    const orgId = parsed.options["org-id"];
    if (named !== undefined && orgId !== undefined) throw new UsageError("give --partner-event-source or --org-id, not both");
    const json = parsed.options["json"] === true;
    const loaded = await loadInputs(parsed.positional[0], undefined, io);
    if (loaded._tag === "Left") return reportProblems(io, loaded.left, json);
    const { definition } = loaded.right;
    const refuted = catalogProblems(definition, parsed.options["catalog"]);
    if (refuted.length > 0) return reportProblems(io, refuted, json);
    const partner = typeof named === "string" ? named : typeof orgId === "string" ? partnerEventSourceNameOf(orgId, definition) : undefined;
    const route = compileRoute(definition, partner);
    const gaps = patternGaps(route);
    if (gaps.length > 0) {
      return reportProblems(
        io,
        gaps.map((u) => ({ message: formatUndelivered(u), path: u.path })),
        json,
        `${definition.id}: the event pattern cannot express these conditions, so a rule would deliver events the definition filters out:`,
      );
    }
    if (json) return printJson(io, { ...route });
    io.out(
      [
        ...route.eventPatterns.flatMap((pattern, k) => [
          route.eventPatterns.length === 1 ? "event pattern:" : `event pattern of rule ${k + 1} of ${route.eventPatterns.length}:`,
          indent(JSON.stringify(JSON.parse(pattern), null, 2)),
        ]),
        "input transformer:",
        "  input paths:",
        indent(JSON.stringify(route.inputTransformer.inputPaths, null, 2), 4),
        "  input template:",
        indent(route.inputTransformer.inputTemplate, 4),
        ...(route.transform === null
          ? ["transform stage: none (the input transformer carries every directive and mapping)"]
          : [`transform stage (${route.transform.kind}, Step Functions Express; replaces the input transformer):`, indent(route.transform.expression, 4)]),
        route.undelivered.length === 0 ? "undelivered: none" : "undelivered:",
        ...route.undelivered.map((u) => `  ${formatUndelivered(u)}`),
      ].join("\n"),
    );
    return ExitCode.ok;
  },
};

function indent(text: string, spaces = 2): string {
  const pad = " ".repeat(spaces);
  return text
    .split("\n")
    .map((line) => `${pad}${line}`)
    .join("\n");
}
