import * as E from "fp-ts/Either";
import { describeWriteError } from "../genesys/describe";
import type { OperationContext } from "./context";

/**
 * The provider's `delete`: removes the remote source through the write
 * protocol (intent audited before the request, outcome after; one already
 * gone is success). A failure is a `Left` message.
 */
export async function removeSource(ctx: OperationContext, id: string, props: Record<string, unknown>): Promise<E.Either<string, void>> {
  const sourceId = typeof props.sourceId === "string" ? props.sourceId : id;
  const payloadHash = typeof props.payloadHash === "string" ? props.payloadHash : "";
  const removed = await ctx.api.delete(
    { remoteId: id, sourceId, payloadHash, progress: (line) => ctx.progress(`${sourceId}: ${line}`) },
    ctx.audit,
  );
  return E.isLeft(removed) ? E.left(`delete of EventBridge source '${sourceId}' failed: ${describeWriteError(removed.left.error)}`) : E.right(undefined);
}
