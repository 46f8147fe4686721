import * as path from "node:path";
import type { VerifyResult } from "../audit/verify-lines";
import { isS3Location } from "../audit/location";
import { resolveAuditLocation } from "../audit/default-path";
import { verifyAuditLog } from "../audit/verify";
import { Command, CliIo, ExitCode, UsageError } from "./command";
import { parseArgs } from "./args";

const SHA256 = /^[0-9a-f]{64}$/i;

/**
 * auditCommand is the `audit` sub-command. `audit verify [location]` checks
 * the hash chain of an audit log: a file, or `s3://bucket/prefix` (endpoint
 * from `--s3-endpoint` or `$AWS_ENDPOINT_URL_S3`, credentials from the
 * standard AWS chain). Without a location it reads
 * `$GENESYS_EVENTBRIDGE_AUDIT_LOG`, else `.genesys-eventbridge/audit.jsonl`
 * in the Pulumi project found upward from the working folder, as the provider
 * does. `--head <sha256>` also requires that anchored hash to be in the log;
 * `--json` prints the verdict as one JSON object on stdout, with `ok` true
 * exactly when the exit code is 0.
 *
 * Exit 0 when intact (intents in doubt are listed, they are not tampering);
 * exit 1 when broken, unreadable or missing the head; exit 2 on usage errors.
 */
export const auditCommand: Command = {
  name: "audit",
  usage: "audit verify [file | s3://bucket/prefix] [--head <sha256>] [--json] [--s3-endpoint <url>]",
  summary: "check the audit log's hash chain: edited, removed, reordered or truncated entries, a missing anchored head",
  details: [
    "arguments:",
    "  file | s3://bucket/prefix  the audit log; default $GENESYS_EVENTBRIDGE_AUDIT_LOG, else .genesys-eventbridge/audit.jsonl",
    "                             in the Pulumi project found upward from the working folder",
    "options:",
    "  --head <sha256>            also require this hash (a stack's auditHead output) to be in the log",
    "  --s3-endpoint <url>        an S3-compatible server (default $AWS_ENDPOINT_URL_S3)",
    "  --json                     print {\"ok\",\"verdict\":\"intact\"|\"broken\"|\"unreadable\",\"location\",...}",
    "  -h, --help                 print this help",
    "",
    "Intents without an outcome are listed as in doubt; they are not tampering (exit 0).",
    "A torn write (an append a crash cut short) followed by the recovery entry that names its length and",
    "SHA-256 is listed as recovered; it is not tampering either (exit 0). The next append records that recovery.",
  ],
  async run(args, io) {
    const { positional, options } = parseArgs(args, ["head", "s3-endpoint"], ["json"]);
    const [action, given, ...extra] = positional;
    if (action === undefined) throw new UsageError("missing action (expected 'verify')");
    if (action !== "verify") throw new UsageError(`unknown action '${action}' (expected 'verify')`);
    if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0]}'`);
    const head = options.head as string | undefined;
    if (head !== undefined && !SHA256.test(head)) throw new UsageError(`option --head needs a SHA-256 hex digest (64 hex digits), found '${head}'`);
    // A location typed on the command line is relative to the working folder, as shells expect.
    const location = given === undefined ? resolveAuditLocation() : isS3Location(given) ? given : path.resolve(given);
    const result = await verifyAuditLog(location, {
      ...(head === undefined ? {} : { head }),
      ...(options["s3-endpoint"] === undefined ? {} : { s3Endpoint: options["s3-endpoint"] as string }),
    });
    if (options.json === true) {
      io.out(JSON.stringify(verdictJson(location, result, head)));
    } else {
      report(io, location, result);
    }
    return result.ok ? ExitCode.ok : ExitCode.invalid;
  },
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Prints the human-readable verdict: results to stdout, failures to stderr. */
function report(io: CliIo, location: string, result: VerifyResult): void {
  const place = isS3Location(location) ? "entry" : "line";
  switch (result._tag) {
    case "Intact":
      io.out(`audit log intact: ${plural(result.entries, "entry", "entries")}`);
      for (const r of result.recovered ?? []) {
        io.out(`recovered: 1 torn write at ${place} ${r.line} (${plural(r.bytes, "byte", "bytes")}, sha256 ${r.sha256}), an append interrupted by a crash`);
      }
      if (result.head !== undefined) io.out(`head ${result.head.hash} found at ${place} ${result.head.line}`);
      if (result.inDoubt.length > 0) {
        io.out(`in doubt: ${plural(result.inDoubt.length, "intent", "intents")} without an outcome`);
        for (const d of result.inDoubt) io.out(`  ${place} ${d.line}: ${d.action} ${d.sourceId} (intent ${d.auditId}, ${d.timestamp})`);
      }
      return;
    case "HeadMissing":
      io.err(
        `head ${result.head} is not in the audit log (${plural(result.entries, "entry", "entries")}, last ${result.lastHash}): ` +
          "entries from the anchored head on were removed, or the hash belongs to another log",
      );
      return;
    case "Broken":
      io.err(result.key === undefined ? `line ${result.line}: ${result.reason}` : `entry ${result.line} (${result.key}): ${result.reason}`);
      return;
    case "Unreadable":
      io.err(result.reason);
      return;
  }
}

/** The `--json` verdict: `ok`, and `verdict` `intact`, `broken` or `unreadable`. */
function verdictJson(location: string, result: VerifyResult, head: string | undefined): Record<string, unknown> {
  return { ok: result.ok, ...verdictFields(location, result, head) };
}

function verdictFields(location: string, result: VerifyResult, head: string | undefined): Record<string, unknown> {
  switch (result._tag) {
    case "Intact":
      return {
        verdict: "intact",
        location,
        entries: result.entries,
        lastHash: result.lastHash,
        inDoubt: result.inDoubt,
        recovered: result.recovered ?? [],
        ...(head === undefined ? {} : { head: { hash: head.toLowerCase(), found: true, line: result.head?.line } }),
      };
    case "HeadMissing":
      return {
        verdict: "broken",
        location,
        reason: "the anchored head is not in the log",
        entries: result.entries,
        lastHash: result.lastHash,
        inDoubt: result.inDoubt,
        head: { hash: result.head, found: false },
      };
    case "Broken":
      return { verdict: "broken", location, line: result.line, ...(result.key === undefined ? {} : { key: result.key }), reason: result.reason };
    case "Unreadable":
      return { verdict: "unreadable", location, reason: result.reason };
  }
}
