import * as pulumi from "@pulumi/pulumi";
import { appendAuditEntry, resolveAuditLocation } from "../audit";
import { defaultWebhookRetryPolicy, sendWebhook, WebhookEvent } from "../webhook";
import { LogSeverity, programEngineLog } from "./engine-log";
import { throttledProgress } from "./throttled-progress";

/** Where and how the data warehouse is told about deployments. */
export interface WebhookHookOptions {
  /** The receiving endpoint. */
  readonly url: string;
  /** The HMAC-SHA256 key; a secret Output is fine. */
  readonly secret: pulumi.Input<string>;
  /** The audit log that records a delivery that still failed after its retries (default: the provider's, see `resolveAuditLocation`). */
  readonly auditLogPath?: string;
  /** An S3-compatible endpoint for an `s3://` audit log (the provider's `genesys:auditS3Endpoint`). */
  readonly auditS3Endpoint?: string;
}

/**
 * A resource hook (`afterCreate`, `afterUpdate`) that posts a signed
 * `{ event, sourceId, etag, payloadHash, status, timestamp }` to the data
 * warehouse after each successful create or update.
 *
 * A delivery that still fails after its retries does not undo or fail the
 * deployment (the source is live and correct): it is written to the audit
 * log and reported as a warning on the resource. While the retries wait, a
 * line on the resource says so, at most every few seconds.
 *
 * The hook is told the resource's URN, not given the resource: its lines go
 * straight to the engine's log on that URN (see `programEngineLog`; through
 * `pulumi.log` they would wait for the resource's registration, which waits
 * for this hook).
 */
export function webhookHook(name: string, options: WebhookHookOptions): pulumi.ResourceHook {
  const secret = pulumi.output(options.secret);
  return new pulumi.ResourceHook(name, async (args) => {
    const log = programEngineLog();
    const fallback = { debug: pulumi.log.debug, info: pulumi.log.info, warning: pulumi.log.warn, error: pulumi.log.error };
    const say = (severity: LogSeverity, line: string) =>
      log === undefined ? void fallback[severity](line) : log.log(severity, line, args.urn);
    const outs = args.newOutputs ?? {};
    const event: WebhookEvent = {
      event: args.oldOutputs === undefined ? "source.created" : "source.updated",
      sourceId: String(outs.sourceId ?? ""),
      etag: String(outs.etag ?? ""),
      payloadHash: String(outs.payloadHash ?? ""),
      status: String((outs.metrics as { registrationStatus?: string } | undefined)?.registrationStatus ?? "unknown"),
      timestamp: new Date().toISOString(),
    };
    const key = await new Promise<string>((resolve) => secret.apply((s) => resolve(s)));
    const progress = throttledProgress((line) => say("info", line), Date.now);
    let failed = 0;
    const result = await sendWebhook(options.url, event, key, {
      sleep: (ms) => {
        failed++;
        // Like the Genesys transport: a pause of 2 s or more is announced; shorter ones once 3 s have gone by.
        progress(`webhook for ${event.sourceId}: attempt ${failed} of ${defaultWebhookRetryPolicy.maxRetries + 1} not accepted; retrying in ${(ms / 1000).toFixed(1)} s`, ms >= 2000);
        return new Promise((resolve) => setTimeout(resolve, ms));
      },
    });
    if (result.ok) return log?.flush();
    const reason = result.error ?? `HTTP ${result.status ?? "?"}`;
    await appendAuditEntry(resolveAuditLocation(options.auditLogPath), {
      action: "webhook",
      sourceId: event.sourceId,
      payloadHash: event.payloadHash,
      result: "failure",
      error: `webhook delivery failed after ${result.attempts} attempts: ${reason}`,
      details: { event: event.event, etag: event.etag },
    }, { s3Endpoint: options.auditS3Endpoint }).catch(() => undefined);
    say("warning", `webhook for ${event.sourceId} not delivered: ${reason.replace(/^webhook not delivered: /, "")}`);
    await log?.flush();
  });
}
