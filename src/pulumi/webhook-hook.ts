import * as pulumi from "@pulumi/pulumi";
import { appendAuditEntry, resolveAuditLocation } from "../audit";
import { sendWebhook, WebhookEvent } from "../webhook";

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
 * log and reported as a warning on the resource.
 */
export function webhookHook(name: string, options: WebhookHookOptions): pulumi.ResourceHook {
  const secret = pulumi.output(options.secret);
  return new pulumi.ResourceHook(name, async (args) => {
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
    const result = await sendWebhook(options.url, event, key);
    if (result.ok) return;
    const reason = result.error ?? `HTTP ${result.status ?? "?"}`;
    await appendAuditEntry(resolveAuditLocation(options.auditLogPath), {
      action: "webhook",
      sourceId: event.sourceId,
      payloadHash: event.payloadHash,
      result: "failure",
      error: `webhook delivery failed after ${result.attempts} attempts: ${reason}`,
      details: { event: event.event, etag: event.etag },
    }, { s3Endpoint: options.auditS3Endpoint }).catch(() => undefined);
    pulumi.log.warn(`webhook for ${event.sourceId} not delivered after ${result.attempts} attempts: ${reason}`);
  });
}
