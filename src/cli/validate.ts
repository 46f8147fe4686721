import { buildPayload, MAX_PAYLOAD_BYTES, payloadBytes, payloadHash, projectSamples, Projection } from "../definition";
import { parseArgs } from "./args";
import { Command, ExitCode, UsageError } from "./command";
import { catalogProblems } from "./catalog";
import { loadInputs } from "./load";
import { issueProblem, printJson, reportProblems } from "./problems";

/**
 * The `validate` command: checks a definition (schema, rules, size limit)
 * and, with `--samples`, projects sample events through it. Prints a short
 * summary on success; one `<path>: <reason>` line per problem otherwise.
 * `--json` prints either as one JSON document. `-` reads standard input.
 */
export const validateCommand: Command = {
  name: "validate",
  usage: "validate <definition.json | -> [--samples <file | dir | ->] [--catalog <file>] [--json]",
  summary: "check a definition (schema, rules, 256 KiB payload limit) and project sample events through it",
  details: [
    "arguments:",
    "  <definition.json>   the source definition; - reads it from standard input",
    "options:",
    "  --samples <path>    a sample file (one event or an array), a folder of *.json samples, or - (standard input)",
    "  --catalog <file>    check the topics and the fields read against a saved topic catalog",
    "                      (genesys-eventbridge topics --out <file>), without credentials",
    "  --json              print the result as one JSON document: {\"ok\":true,\"id\",\"payloadBytes\",\"sha256\",\"samples\",...}",
    "                      or {\"ok\":false,\"problems\":[{\"message\",\"path\"?,\"file\"?,\"line\"?,\"column\"?}]}",
    "  -h, --help          print this help",
  ],
  async run(args, io) {
    const parsed = parseArgs(args, ["samples", "catalog"], ["json"]);
    if (parsed.positional.length !== 1) throw new UsageError("expected exactly one definition file");
    const json = parsed.options["json"] === true;
    const samplesOption = parsed.options["samples"];
    const loaded = await loadInputs(parsed.positional[0], typeof samplesOption === "string" ? samplesOption : undefined, io);
    if (loaded._tag === "Left") return reportProblems(io, loaded.left, json);
    const { definition, intendedState, samples, sampleFiles } = loaded.right;
    const refuted = catalogProblems(definition, parsed.options["catalog"]);
    if (refuted.length > 0) return reportProblems(io, refuted, json);
    const projected = projectSamples(definition, samples);
    if (projected._tag === "Left") return reportProblems(io, projected.left.map(issueProblem), json);
    const payload = buildPayload(definition);
    const conditions = definition.filters.reduce((n, f) => n + f.conditions.length, 0);
    if (json) {
      return printJson(io, {
        id: definition.id,
        ...(intendedState === undefined ? {} : { intendedState }),
        filters: definition.filters.length,
        conditions,
        transformations: definition.transformations.length,
        attributeMappings: definition.attributeMappings.length,
        payloadBytes: payloadBytes(payload),
        payloadLimit: MAX_PAYLOAD_BYTES,
        sha256: payloadHash(payload),
        samples: projected.right.map((p) => sampleJson(p, sampleFiles[p.sample])),
      });
    }
    io.out(
      [
        `valid: ${definition.id}`,
        ...(intendedState === undefined ? [] : [`  intended state: ${intendedState}`]),
        `  filters: ${definition.filters.length} (${conditions} conditions)`,
        `  transformations: ${definition.transformations.length}`,
        `  attribute mappings: ${definition.attributeMappings.length}`,
        `  payload: ${payloadBytes(payload)} bytes (limit ${MAX_PAYLOAD_BYTES})`,
        `  sha256: ${payloadHash(payload)}`,
        `  samples: ${projected.right.length} projected, ${projected.right.filter((p) => p.matched).length} matched their filter`,
        ...projected.right.map((p) => `    ${sampleLine(p, sampleFiles[p.sample])}`),
      ].join("\n"),
    );
    return ExitCode.ok;
  },
};

function sampleLine(p: Projection, file: string | undefined): string {
  const where = `samples[${p.sample}] ${p.eventType}${file === undefined ? "" : ` (${file})`}`;
  if (p.matched) return `${where}: matched filters[${p.filter}]`;
  const failed = p.conditions.find((c) => !c.matched);
  return `${where}: did not match ${p.failedCondition}${failed === undefined ? "" : ` (${failed.reason})`}`;
}

/** One sample's outcome in the `--json` document. */
function sampleJson(p: Projection, file: string | undefined): Record<string, unknown> {
  const failed = p.conditions.find((c) => !c.matched);
  return {
    sample: p.sample,
    eventType: p.eventType,
    ...(file === undefined ? {} : { file }),
    filter: p.filter,
    matched: p.matched,
    ...(p.matched ? {} : { failedCondition: p.failedCondition, ...(failed === undefined ? {} : { reason: failed.reason }) }),
  };
}
