import * as E from "fp-ts/Either";
import type * as pulumi from "@pulumi/pulumi";
import { changedPaths } from "../definition";
import { preparePayload } from "../definition/prepare";
import { intendedStateOr } from "../definition/vocabulary/intended-state";
import type { WriteOptions } from "../genesys/primitives";
import { describeError } from "../genesys/describe";
import type { OperationContext } from "./context";
import { stateHash } from "./apply";
import { definitionOf, inputPathOf } from "./inputs";
import { inputsOf } from "./outputs";
import { remoteInputs } from "./remote-inputs";

/**
 * The provider's `read` (`pulumi refresh`): re-reads the remote source. A
 * source that is gone is reported gone (no id), so the engine drops it from
 * state. A source that differs from the applied definition keeps that
 * definition in its outputs and lists the differing paths in `drift`, so the
 * next `up` shows an update that puts the declared definition back. The
 * inputs it reports are the recorded ones with the drifted values as the
 * server holds them, so that the preview of that update names each drifted
 * input (see {@link remoteInputs}). A failed read is a `Left` message.
 */
export async function refreshSource(
  ctx: OperationContext,
  id: string,
  props: Record<string, unknown>,
): Promise<E.Either<string, pulumi.dynamic.ReadResult>> {
  const read = await ctx.api.read(id, { progress: (line) => ctx.progress(`${String(props.sourceId ?? id)}: ${line}`) });
  if (E.isLeft(read)) return E.left(`refresh of EventBridge source '${String(props.sourceId ?? id)}' failed: ${describeError(read.left)}`);
  if (read.right === null) return E.right({});
  const remote = read.right;
  // Only what drift needs: the applied definition's payload, not its samples or route.
  const applied = preparePayload(definitionOf(props));
  const options: WriteOptions = { intendedState: intendedStateOr(props.intendedState) };
  const desired = E.isRight(applied) ? ctx.api.desiredState(applied.right, options) : undefined;
  // Reported in the names the user wrote: `configuration.region`, not the API's `properties.awsAccountRegion`.
  const drift = E.isRight(applied)
    ? [...new Set(changedPaths(desired, remote.state).map((p) => inputPathOf(ctx.api.definitionPath(p))))]
    : ["definition"];
  return E.right({
    id: remote.remoteId,
    ...(E.isRight(applied) ? { inputs: remoteInputs(inputsOf(props), desired, remote.state, (p) => ctx.api.definitionPath(p)) } : {}),
    props: {
      ...props,
      etag: remote.etag,
      remoteStateHash: stateHash(remote.state),
      drift,
      facts: { ...remote.facts },
    },
  });
}
