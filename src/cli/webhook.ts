import * as path from "node:path";
import { isS3Location } from "../audit/location";
import { resolveAuditLocation } from "../audit/default-path";
import { sendWebhook } from "../webhook";
import { DEFAULT_KEEP_PENDING_DAYS, OutboxStore, PendingDelivery, deliverPending, readPending } from "../pulumi/webhook-outbox";
import { Command, CliIo, ExitCode, UsageError } from "./command";
import { parseArgs } from "./args";

/** WEBHOOK_SECRET_ENV names the variable `webhook deliver` reads the signing key from (never an argument: arguments are visible to other users). */
export const WEBHOOK_SECRET_ENV = "GENESYS_EVENTBRIDGE_WEBHOOK_SECRET";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const line = (d: PendingDelivery) =>
  `  ${d.keptAt}  ${d.stack}  ${d.event.event} ${d.event.sourceId} etag ${d.event.etag} (key ${d.idempotencyKey.slice(0, 12)}…, ` +
  `${plural(d.failures + 1, "failed delivery", "failed deliveries")}: ${d.lastError})`;

const json = (d: PendingDelivery) => ({
  auditId: d.auditId,
  keptAt: d.keptAt,
  stack: d.stack,
  idempotencyKey: d.idempotencyKey,
  failures: d.failures + 1,
  lastError: d.lastError,
  event: d.event,
});

/**
 * webhookCommand is the `webhook` sub-command: `webhook pending` lists the
 * deliveries the audit log keeps pending (a warehouse that was down during
 * `pulumi up`), `webhook deliver --url <url>` sends them outside Pulumi,
 * oldest first, with the key from `$GENESYS_EVENTBRIDGE_WEBHOOK_SECRET`,
 * recording each outcome as the next `pulumi up` would.
 */
export const webhookCommand: Command = {
  name: "webhook",
  usage: "webhook pending|deliver [file | s3://bucket/prefix] [--stack <project/stack>] [--url <url>] [--keep-days <n>] [--json] [--s3-endpoint <url>]",
  summary: "list the webhook deliveries kept pending in the audit log, or send them",
  details: [
    "actions:",
    "  pending                    list the pending deliveries, oldest first",
    "  deliver                    send them, oldest first, stopping at the first that fails again;",
    `                             the signing key is read from $${WEBHOOK_SECRET_ENV}`,
    "arguments:",
    "  file | s3://bucket/prefix  the audit log; default as for `audit verify`",
    "options:",
    "  --stack <project/stack>    only this stack's deliveries",
    "  --url <url>                deliver: the receiving endpoint (the stack's genesys:webhookUrl)",
    `  --keep-days <n>            deliver: record older ones as expired instead (default ${DEFAULT_KEEP_PENDING_DAYS}, genesys:webhookKeepPendingDays)`,
    "  --s3-endpoint <url>        an S3-compatible server (default $AWS_ENDPOINT_URL_S3)",
    "  --json                     print one JSON object",
    "  -h, --help                 print this help",
  ],
  async run(args, io) {
    const { positional, options } = parseArgs(args, ["stack", "url", "keep-days", "s3-endpoint"], ["json"]);
    const [action, given, ...extra] = positional;
    if (action === undefined) throw new UsageError("missing action (expected 'pending' or 'deliver')");
    if (action !== "pending" && action !== "deliver") throw new UsageError(`unknown action '${action}' (expected 'pending' or 'deliver')`);
    if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0]}'`);
    const location = given === undefined ? resolveAuditLocation() : isS3Location(given) ? given : path.resolve(given);
    const store: OutboxStore = { location, ...(options["s3-endpoint"] === undefined ? {} : { s3Endpoint: options["s3-endpoint"] as string }) };
    const stack = options.stack as string | undefined;
    const asJson = options.json === true;
    if (action === "pending") {
      if (options.url !== undefined || options["keep-days"] !== undefined) throw new UsageError("--url and --keep-days are options of 'deliver'");
      return listPending(io, store, stack, asJson);
    }
    const url = options.url as string | undefined;
    if (url === undefined) throw new UsageError("deliver needs --url <url> (the stack's genesys:webhookUrl)");
    const days = options["keep-days"] === undefined ? DEFAULT_KEEP_PENDING_DAYS : Number(options["keep-days"]);
    if (!Number.isFinite(days) || days < 0) throw new UsageError(`option --keep-days needs a number of days (0 or more), found '${options["keep-days"]}'`);
    const secret = process.env[WEBHOOK_SECRET_ENV] ?? "";
    if (secret === "") {
      io.err(`set ${WEBHOOK_SECRET_ENV} to the webhook's signing key (the stack's genesys:webhookSecret)`);
      return ExitCode.usage;
    }
    return deliver(io, store, stack, url, secret, days, asJson);
  },
};

async function listPending(io: CliIo, store: OutboxStore, stack: string | undefined, asJson: boolean): Promise<number> {
  const read = await readPending(store, stack);
  if (!read.ok) {
    if (asJson) io.out(JSON.stringify({ ok: false, location: store.location, reason: read.error }));
    else io.err(read.error);
    return ExitCode.invalid;
  }
  if (asJson) {
    io.out(JSON.stringify({ ok: true, location: store.location, pending: read.pending.map(json) }));
    return ExitCode.ok;
  }
  io.out(`${plural(read.pending.length, "webhook delivery", "webhook deliveries")} pending${read.pending.length === 0 ? "" : ", oldest first:"}`);
  for (const d of read.pending) io.out(line(d));
  return ExitCode.ok;
}

async function deliver(io: CliIo, store: OutboxStore, stack: string | undefined, url: string, secret: string, days: number, asJson: boolean): Promise<number> {
  const read = await readPending(store, stack);
  if (!read.ok) {
    if (asJson) io.out(JSON.stringify({ ok: false, location: store.location, reason: read.error }));
    else io.err(read.error);
    return ExitCode.invalid;
  }
  const report = await deliverPending(store, read.pending, (event) => sendWebhook(url, event, secret), { keepPendingDays: days });
  const ok = report.failed === undefined && report.auditError === undefined;
  if (asJson) {
    io.out(
      JSON.stringify({
        ok,
        location: store.location,
        delivered: report.delivered.map(json),
        expired: report.expired.map(json),
        remaining: report.remaining.map(json),
        ...(report.failed === undefined ? {} : { failed: { ...json(report.failed.delivery), error: report.failed.error } }),
        ...(report.auditError === undefined ? {} : { auditError: report.auditError }),
      }),
    );
    return ok ? ExitCode.ok : ExitCode.invalid;
  }
  io.out(`delivered ${report.delivered.length}, expired ${report.expired.length}, still pending ${report.remaining.length}`);
  for (const d of report.expired) io.out(`expired (kept more than ${days} days): ${d.event.event} ${d.event.sourceId} etag ${d.event.etag}`);
  if (report.failed !== undefined) io.err(`${report.failed.delivery.event.sourceId}: ${report.failed.error}; the later ones wait behind it`);
  if (report.auditError !== undefined) io.err(`audit log: ${report.auditError}`);
  return ok ? ExitCode.ok : ExitCode.invalid;
}
