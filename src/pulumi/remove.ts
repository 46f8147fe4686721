import * as E from "fp-ts/Either";
import { appendAuditEntry } from "../audit";
import { describeError } from "../genesys";
import type { OperationContext } from "./context";

/**
 * The provider's `delete`: removes the remote source (one already gone is
 * success) and audits the attempt either way.
 */
export async function removeSource(ctx: OperationContext, id: string, props: Record<string, unknown>): Promise<void> {
  const sourceId = typeof props.sourceId === "string" ? props.sourceId : id;
  const payloadHash = typeof props.payloadHash === "string" ? props.payloadHash : "";
  const removed = await ctx.api.delete(id);
  const failed = E.isLeft(removed) ? describeError(removed.left) : undefined;
  await appendAuditEntry(ctx.settings.auditLogPath, {
    action: "delete",
    sourceId,
    payloadHash,
    result: failed === undefined ? "success" : "failure",
    ...(failed === undefined ? {} : { error: failed }),
    details: { api: ctx.api.kind, remoteId: id },
  });
  if (failed !== undefined) throw new Error(`delete of EventBridge source '${sourceId}' failed: ${failed}`);
}
