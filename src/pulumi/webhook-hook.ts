import * as pulumi from "@pulumi/pulumi";
import { resolveAuditLocation } from "../audit/default-path";
import { defaultWebhookRetryPolicy, sendWebhook, WebhookEvent } from "../webhook";
import { LogSeverity, programEngineLog } from "./engine-log";
import { throttledProgress } from "./throttled-progress";
import { DEFAULT_KEEP_PENDING_DAYS, OutboxReport, StackOutbox } from "./webhook-outbox";

/** Where and how the data warehouse is told about deployments. */
export interface WebhookHookOptions {
  /** The receiving endpoint. */
  readonly url: string;
  /** The HMAC-SHA256 key; a secret Output is fine. */
  readonly secret: pulumi.Input<string>;
  /** The audit log that keeps deliveries that still failed after their retries (default: the provider's, see `resolveAuditLocation`). */
  readonly auditLogPath?: string;
  /** An S3-compatible endpoint for an `s3://` audit log (the provider's `genesys:auditS3Endpoint`). */
  readonly auditS3Endpoint?: string;
  /**
   * Days a delivery that keeps failing stays pending before it is recorded
   * as expired (default: `genesys:webhookKeepPendingDays`, else 7).
   */
  readonly keepPendingDays?: number;
}

/** One outbox per audit log and stack in this program process, shared by every hook. */
const outboxes = new Map<string, StackOutbox>();

function outboxFor(options: WebhookHookOptions): StackOutbox {
  const location = resolveAuditLocation(options.auditLogPath);
  const stack = `${pulumi.getProject()}/${pulumi.getStack()}`;
  const key = `${location}@${options.auditS3Endpoint ?? ""}#${stack}`;
  let outbox = outboxes.get(key);
  if (outbox === undefined) {
    const configured = new pulumi.Config("genesys").getNumber("webhookKeepPendingDays", { min: 0 });
    const keepPendingDays = options.keepPendingDays ?? configured ?? DEFAULT_KEEP_PENDING_DAYS;
    outbox = new StackOutbox({ location, ...(options.auditS3Endpoint === undefined ? {} : { s3Endpoint: options.auditS3Endpoint }) }, stack, { keepPendingDays });
    outboxes.set(key, outbox);
  }
  return outbox;
}

type Say = (severity: LogSeverity, line: string) => void;

/** Lines about what a pass over the pending deliveries did. */
function reportEarlier(say: Say, report: OutboxReport): void {
  for (const d of report.delivered) say("info", `webhook for ${d.event.sourceId} (${d.event.event} at ${d.event.timestamp}) delivered, pending since ${d.keptAt}`);
  for (const d of report.expired) say("warning", `webhook for ${d.event.sourceId} (${d.event.event} at ${d.event.timestamp}) expired: kept pending since ${d.keptAt}, recorded as expired in the audit log`);
  if (report.failed !== undefined) {
    const n = report.remaining.length;
    say("warning", `webhook for ${report.failed.delivery.event.sourceId} still not delivered: ${report.failed.error}; ${n} pending (\`genesys-eventbridge webhook pending\`)`);
  }
  if (report.auditError !== undefined) say("warning", `webhook outbox: ${report.auditError}`);
}

/**
 * A resource hook (`afterCreate`, `afterUpdate`) that posts a signed
 * `{ event, sourceId, etag, payloadHash, status, timestamp }` to the data
 * warehouse after each successful create or update.
 *
 * A delivery that still fails after its retries does not undo or fail the
 * deployment (the source is live and correct): it is kept pending in the
 * audit log (its body and idempotency key; no URL, no secret) and reported
 * as a warning on the resource. Every `pulumi up` of the stack, also one
 * with no changes, first sends what is pending, oldest first, and a new
 * event waits behind older pending ones, so the warehouse sees every change
 * once and in order. While the retries wait, a line on the resource says
 * so, at most every few seconds.
 *
 * The hook is told the resource's URN, not given the resource: its lines go
 * straight to the engine's log on that URN (see `programEngineLog`; through
 * `pulumi.log` they would wait for the resource's registration, which waits
 * for this hook).
 */
export function webhookHook(name: string, options: WebhookHookOptions): pulumi.ResourceHook {
  const secret = pulumi.output(options.secret);
  const key = () => new Promise<string>((resolve) => secret.apply((s) => resolve(s)));
  const sender = (say: Say) => {
    const progress = throttledProgress((line) => say("info", line), Date.now);
    return async (event: WebhookEvent) => {
      let failed = 0;
      return sendWebhook(options.url, event, await key(), {
        sleep: (ms) => {
          failed++;
          // Like the Genesys transport: a pause of 2 s or more is announced; shorter ones once 3 s have gone by.
          progress(`webhook for ${event.sourceId}: attempt ${failed} of ${defaultWebhookRetryPolicy.maxRetries + 1} not accepted; retrying in ${(ms / 1000).toFixed(1)} s`, ms >= 2000);
          return new Promise((resolve) => setTimeout(resolve, ms));
        },
      });
    };
  };
  if (!pulumi.runtime.isDryRun()) {
    // Every update sends what earlier ones left pending, even when no resource changes.
    const done = pulumi.runtime.rpcKeepAlive();
    const say: Say = (severity, line) => void ({ debug: pulumi.log.debug, info: pulumi.log.info, warning: pulumi.log.warn, error: pulumi.log.error })[severity](line);
    void outboxFor(options)
      .flush(sender(say))
      .then((report) => reportEarlier(say, report), (e: unknown) => say("warning", `webhook outbox: ${e instanceof Error ? e.message : String(e)}`))
      .finally(done);
  }
  return new pulumi.ResourceHook(name, async (args) => {
    const log = programEngineLog();
    const fallback = { debug: pulumi.log.debug, info: pulumi.log.info, warning: pulumi.log.warn, error: pulumi.log.error };
    const say: Say = (severity, line) => (log === undefined ? void fallback[severity](line) : log.log(severity, line, args.urn));
    const outs = args.newOutputs ?? {};
    const event: WebhookEvent = {
      event: args.oldOutputs === undefined ? "source.created" : "source.updated",
      sourceId: String(outs.sourceId ?? ""),
      etag: String(outs.etag ?? ""),
      payloadHash: String(outs.payloadHash ?? ""),
      status: String((outs.metrics as { registrationStatus?: string } | undefined)?.registrationStatus ?? "unknown"),
      timestamp: new Date().toISOString(),
    };
    const result = await outboxFor(options).notify(event, sender(say));
    reportEarlier(say, result.earlier);
    if (result._tag === "Pending") {
      const kept = result.auditError === undefined
        ? "kept pending; the next `pulumi up` sends it"
        : `and it could not be kept pending: ${result.auditError}`;
      say("warning", `webhook for ${event.sourceId} not delivered: ${result.reason}; ${kept}`);
    }
    await log?.flush();
  });
}
