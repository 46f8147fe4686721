import * as fs from "node:fs";
import * as path from "node:path";
import { findProjectRoot } from "../audit/default-path";
import { formatIssue, parseRoleArn } from "../definition";
import { EVENTBRIDGE_INTEGRATION_TYPE } from "../genesys/integrations/paths";
import { definitionOfIntegration } from "../genesys/integrations/definition-of";
import type { ExportedDefinition } from "../genesys/integrations/definition-of";
import { IntegrationsApi } from "../genesys/integrations/adapter";
import type { IntegrationSource } from "../genesys/integrations/adapter";
import { createGenesysClient } from "../genesys/client";
import { describeError } from "../genesys/describe";
import { describeUnknownRegion } from "../genesys/regions";
import { parseArgs } from "./args";
import { CliIo, Command, ExitCode, UsageError } from "./command";
import { genesysSettingsFromEnv } from "./genesys-settings";

/** The stack config keys `export` prints, read by this package's stack program. */
export const SOURCES_CONFIG_KEY = "genesys-eventbridge:sources";
/** See {@link SOURCES_CONFIG_KEY}. */
export const ADOPT_CONFIG_KEY = "genesys-eventbridge:adoptExisting";

/** One integration written as a definition file. */
interface Written {
  readonly exported: ExportedDefinition;
  readonly remoteId: string;
  /** Absolute path of the file. */
  readonly file: string;
  /** The path the stack config names: relative to the Pulumi project root when the file is inside it. */
  readonly configPath: string;
}

/** An integration that was not exported, or a file that was not written. */
interface ExportProblem {
  readonly message: string;
  readonly remoteId?: string;
  readonly name?: string;
  readonly path?: string;
  readonly file?: string;
}

/**
 * The `export` command: brings an organization's existing EventBridge
 * sources under Pulumi. Lists every `amazon-eventbridge-source` integration
 * (Integrations API, paging), writes one definition file per integration
 * into `--out` (see `definitionOfIntegration`: topics become filters without
 * conditions; account, region and suffix become `configuration` and
 * `eventSourceSuffix`; the intended state is kept), and prints the stack
 * config that deploys them with `adoptExisting: true`, so that one
 * `pulumi up` adopts them, writing nothing where nothing differs.
 *
 * An integration does not carry the IAM role: `--role-arn` (repeatable, one
 * per AWS account) fills `configuration.roleArn` for the integrations in its
 * account; the others get a placeholder that `validate` and `pulumi preview`
 * refuse until it is replaced. Existing files are not overwritten without
 * `--force`. Credentials and hosts come from the provider's environment
 * variables. Exit 1 when an integration cannot be exported (its name is not
 * a valid definition id, two share a name, a property is invalid), when a
 * file exists, or when Genesys Cloud answers with an error; 2 on usage
 * errors and missing settings.
 */
export const exportCommand: Command = {
  name: "export",
  usage: "export [--out <dir>] [--role-arn <arn>]... [--force] [--json]",
  summary: "write a definition file for each amazon-eventbridge-source integration of the organization, and the stack config that adopts them",
  details: [
    "options:",
    "  --out <dir>         where to write <id>.json per integration (default: the working folder; created when missing)",
    "  --role-arn <arn>    the IAM role ARN for the integrations in that ARN's AWS account; repeat it for several accounts.",
    "                      An integration does not carry its role: without a matching --role-arn, configuration.roleArn",
    "                      holds a placeholder (<set: arn:aws:iam::<account>:role/NAME>) that validate and preview refuse",
    "  --force             overwrite definition files that exist (default: refuse, and write nothing)",
    "  --json              print {\"ok\",\"directory\",\"sources\":[{\"id\",\"remoteId\",\"file\",\"intendedState\",\"roleArnMissing\",\"writes\"}],",
    "                      \"config\":{...},\"problems\":[...]} instead of the YAML",
    "  -h, --help          print this help",
    "",
    "Prints the stack config (YAML) for this package's stack program on stdout: paste it into Pulumi.<stack>.yaml,",
    `then \`pulumi up\` adopts the integrations (${ADOPT_CONFIG_KEY}: true), writing nothing where they already match.`,
    "Names of integrations become definition ids: an integration whose name is not an id (1..128 of letters, digits, . _ -)",
    "or whose name another integration shares is reported and not exported (exit 1).",
    "Genesys Cloud settings come from the environment: GENESYSCLOUD_OAUTHCLIENT_ID, GENESYSCLOUD_OAUTHCLIENT_SECRET,",
    "GENESYSCLOUD_REGION (or GENESYSCLOUD_API_BASE_URL, GENESYSCLOUD_AUTH_BASE_URL); the client needs integrations:integration:view.",
  ],
  async run(args, io) {
    const parsed = parseArgs(args, ["out", "role-arn"], ["force", "json"]);
    if (parsed.positional.length > 0) throw new UsageError(`unexpected argument '${parsed.positional[0]}'`);
    const roleArns = checkedRoleArns(parsed.repeated["role-arn"] ?? []);
    const json = parsed.options["json"] === true;
    const settings = genesysSettingsFromEnv();
    if (settings._tag === "Left") throw new UsageError(`missing or invalid Genesys Cloud settings:\n  ${settings.left.join("\n  ")}`);
    const client = createGenesysClient(settings.right);
    if (client._tag === "Left") throw new UsageError(describeUnknownRegion(client.left));
    const directory = path.resolve(typeof parsed.options["out"] === "string" ? parsed.options["out"] : ".");

    const listed = await new IntegrationsApi(client.right).list();
    if (listed._tag === "Left") return fail(io, json, [{ message: describeError(listed.left) }]);

    const { exportable, problems } = exportableSources(listed.right, roleArns);
    const root = findProjectRoot(process.cwd()) ?? process.cwd();
    const planned = exportable.map(({ exported, remoteId }) => {
      const file = path.join(directory, `${exported.id}.json`);
      const relative = path.relative(root, file);
      const configPath = relative.startsWith("..") || path.isAbsolute(relative) ? file : relative.split(path.sep).join("/");
      return { exported, remoteId, file, configPath };
    });
    const blocked = parsed.options["force"] === true ? [] : existing(planned, directory);
    if (blocked.length > 0) return fail(io, json, [...blocked, ...problems]);
    const written = writeFiles(planned, directory);
    if (written.length > 0) return fail(io, json, [...written, ...problems]);

    if (json) {
      io.out(JSON.stringify({
        ok: problems.length === 0,
        directory,
        sources: planned.map((w) => ({
          id: w.exported.id,
          remoteId: w.remoteId,
          file: w.configPath,
          intendedState: w.exported.intendedState,
          roleArnMissing: w.exported.roleArnMissing,
          writes: w.exported.writes,
        })),
        config: configOf(planned),
        problems,
      }));
    } else {
      io.out(configYaml(planned, directory));
      for (const w of planned.filter((p) => p.exported.roleArnMissing)) {
        io.err(`note: ${w.configPath}: configuration.roleArn is a placeholder; pass --role-arn for account ${String((w.exported.file["configuration"] as Record<string, unknown>)["awsAccountId"])} or edit the file`);
      }
      for (const w of planned.filter((p) => p.exported.writes.length > 0)) {
        io.err(`note: ${w.exported.id}: the integration differs from its definition at ${w.exported.writes.join(", ")}; adopting it writes them`);
      }
      if (problems.length > 0) io.err(problems.map((p) => p.message).join("\n"));
    }
    return problems.length === 0 ? ExitCode.ok : ExitCode.invalid;
  },
};

/** The `--role-arn` values, each a valid role ARN, at most one per AWS account. */
function checkedRoleArns(values: ReadonlyArray<string>): string[] {
  const byAccount = new Map<string, string>();
  for (const arn of values) {
    const parsed = parseRoleArn(arn);
    if (parsed._tag === "Left") throw new UsageError(`option --role-arn: ${parsed.left}`);
    const other = byAccount.get(parsed.right.accountId);
    if (other !== undefined && other !== arn) throw new UsageError(`option --role-arn: two roles for account ${parsed.right.accountId} (${other}, ${arn}); give one per account`);
    byAccount.set(parsed.right.accountId, arn);
  }
  return [...byAccount.values()];
}

/** The integrations that map to a definition, and why the others do not. */
function exportableSources(
  sources: ReadonlyArray<IntegrationSource>,
  roleArns: ReadonlyArray<string>,
): { exportable: Array<{ exported: ExportedDefinition; remoteId: string }>; problems: ExportProblem[] } {
  const problems: ExportProblem[] = [];
  const exportable: Array<{ exported: ExportedDefinition; remoteId: string }> = [];
  const byName = new Map<string, IntegrationSource[]>();
  for (const s of sources) {
    // Definition ids become file names: names that differ only in case would share a file on some file systems.
    const key = s.state.name.toLowerCase();
    byName.set(key, [...(byName.get(key) ?? []), s]);
  }
  for (const source of sources) {
    const name = source.state.name;
    const namesakes = byName.get(name.toLowerCase()) ?? [];
    const where = `${JSON.stringify(name)} (${source.remoteId})`;
    if (namesakes.length > 1) {
      const others = namesakes.filter((s) => s !== source).map((s) => `${s.remoteId} ${JSON.stringify(s.state.name)}`);
      problems.push({
        message: `${where}: shares its name with ${others.join(", ")}: a definition id names one integration; rename or delete all but one in Genesys Cloud`,
        remoteId: source.remoteId,
        name,
      });
      continue;
    }
    const mapped = definitionOfIntegration(source.state, roleArns);
    if (mapped._tag === "Left") {
      problems.push(...mapped.left.map((i) => ({ message: `${where}: ${formatIssue(i)}`, remoteId: source.remoteId, name, path: i.path })));
      continue;
    }
    exportable.push({ exported: mapped.right, remoteId: source.remoteId });
  }
  return { exportable, problems };
}

/** The definition files that exist already (nothing is written then), or `--out` being a file. */
function existing(planned: ReadonlyArray<Written>, directory: string): ExportProblem[] {
  if (fs.existsSync(directory) && !fs.statSync(directory).isDirectory()) return [{ message: `${directory}: not a directory`, file: directory }];
  return planned
    .filter((w) => fs.existsSync(w.file))
    .map((w) => ({ message: `${w.file}: exists; pass --force to overwrite it, or choose another --out`, file: w.file }));
}

/** Writes the definition files (each through a temporary file and a rename); the problems of the ones that failed. */
function writeFiles(planned: ReadonlyArray<Written>, directory: string): ExportProblem[] {
  const problems: ExportProblem[] = [];
  try {
    fs.mkdirSync(directory, { recursive: true });
  } catch (e) {
    return [{ message: `${directory}: cannot create the folder (${(e as NodeJS.ErrnoException).code ?? "error"})`, file: directory }];
  }
  for (const w of planned) {
    const temporary = `${w.file}.${process.pid}.tmp`;
    try {
      fs.writeFileSync(temporary, `${JSON.stringify(w.exported.file, null, 2)}\n`);
      fs.renameSync(temporary, w.file);
    } catch (e) {
      fs.rmSync(temporary, { force: true });
      problems.push({ message: `${w.file}: cannot write the file (${(e as NodeJS.ErrnoException).code ?? "error"})`, file: w.file });
    }
  }
  return problems;
}

/** The stack config entries that deploy the exported definitions and adopt the integrations. */
function configOf(planned: ReadonlyArray<Written>): Record<string, unknown> {
  return { [ADOPT_CONFIG_KEY]: true, [SOURCES_CONFIG_KEY]: planned.map((w) => ({ definition: w.configPath })) };
}

/** The stack config as YAML to paste under a stack file's `config:`, with comments naming each integration. */
function configYaml(planned: ReadonlyArray<Written>, directory: string): string {
  if (planned.length === 0) return `# no ${EVENTBRIDGE_INTEGRATION_TYPE} integrations to export`;
  const plural = planned.length === 1 ? "" : "s";
  return [
    `# ${planned.length} ${EVENTBRIDGE_INTEGRATION_TYPE} integration${plural} exported to ${directory}`,
    ...planned.map((w) => `#   ${w.configPath} <- integration ${w.remoteId} (${w.exported.intendedState})`),
    "# Stack config for Pulumi.<stack>.yaml (add the entries to a sources list the stack has already);",
    "# `pulumi up` then adopts the integrations:",
    "config:",
    `  ${ADOPT_CONFIG_KEY}: true`,
    `  ${SOURCES_CONFIG_KEY}:`,
    // JSON strings are YAML double-quoted scalars.
    ...planned.map((w) => `    - definition: ${JSON.stringify(w.configPath)}`),
  ].join("\n");
}

/** Reports problems that stop the export before anything is printed: text on stderr, or a `--json` document. */
function fail(io: CliIo, json: boolean, problems: ReadonlyArray<ExportProblem>): number {
  if (json) io.out(JSON.stringify({ ok: false, problems }));
  else io.err(problems.map((p) => p.message).join("\n"));
  return ExitCode.invalid;
}
