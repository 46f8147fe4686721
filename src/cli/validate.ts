import { buildPayload, MAX_PAYLOAD_BYTES, payloadBytes, payloadHash, projectSamples, Projection } from "../definition";
import { parseArgs } from "./args";
import { Command, ExitCode, UsageError } from "./command";
import { loadInputs, reportIssues } from "./load";

/**
 * The `validate` command: checks a definition (schema, rules, size limit)
 * and, with `--samples`, projects sample events through it. Prints a short
 * summary on success; one `<path>: <reason>` line per problem otherwise.
 */
export const validateCommand: Command = {
  name: "validate",
  usage: "validate <definition.json> [--samples <file-or-dir>]",
  async run(args, io) {
    const parsed = parseArgs(args, ["samples"]);
    if (parsed.positional.length !== 1) throw new UsageError("expected exactly one definition file");
    const samplesOption = parsed.options["samples"];
    const loaded = loadInputs(parsed.positional[0], typeof samplesOption === "string" ? samplesOption : undefined, io);
    if (loaded._tag === "Left") return loaded.left.exitCode;
    const { definition, samples, sampleFiles } = loaded.right;
    const projected = projectSamples(definition, samples);
    if (projected._tag === "Left") return reportIssues(projected.left, io).exitCode;
    const payload = buildPayload(definition);
    const conditions = definition.filters.reduce((n, f) => n + f.conditions.length, 0);
    io.out(
      [
        `valid: ${definition.id}`,
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
