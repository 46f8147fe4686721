import { Either, isLeft, left, right } from "fp-ts/Either";
import { changedPaths } from "../definition/changed-paths";
import { GenesysError, conflict, notFound } from "./errors";
import type { ConflictPolicy } from "../definition/vocabulary/conflict-policy";
import type { RemoteSource, SourcePrimitives, WriteTarget } from "./primitives";

/** What a conditional write needs: the object, what it should hold, its expected token and the conflict policy. */
export interface ConditionalWrite<S> {
  readonly remoteId: string;
  readonly target: WriteTarget<S>;
  readonly token: string;
  readonly policy: ConflictPolicy;
  /** Conditional writes `overwrite` tries before giving up. */
  readonly attempts: number;
  /** The object as last read, when known. */
  readonly current?: RemoteSource;
}

/** What a conditional write achieved: the conflicts it met, and the object as the server's answer showed it, if it did. */
export interface WriteResult {
  readonly conflicts: number;
  readonly current?: RemoteSource;
}

/**
 * Writes the definition with the expected token and applies the conflict
 * policy to a stale one: the object is re-read; `overwrite` writes again
 * with the fresh token (a bounded number of times), `fail` stops and names
 * the paths where the server differs, with the fix.
 */
export async function conditionalWrite<S>(p: SourcePrimitives<S>, w: ConditionalWrite<S>): Promise<Either<GenesysError, WriteResult>> {
  const { definition, state: desired } = w.target;
  let token = w.token;
  let current = w.current;
  for (let attempt = 1; ; attempt++) {
    const written = await p.write(w.remoteId, w.target, token, current);
    if (isLeft(written)) {
      if (written.left._tag !== "NotFound") return written;
      return left(notFound({ ...written.left, message: `source '${definition.id}' (${w.remoteId}) was deleted remotely; run \`pulumi refresh\`, then \`pulumi up\` to create it again` }));
    }
    if (written.right._tag === "Written") {
      const seen = written.right.current;
      return right({ conflicts: attempt - 1, ...(seen === undefined ? {} : { current: seen }) });
    }
    const now = written.right.current === undefined ? await p.read(w.remoteId) : right(written.right.current);
    if (isLeft(now)) return now;
    if (now.right === null) {
      return left(notFound({ method: "GET", path: w.remoteId, message: `source '${definition.id}' (${w.remoteId}) was deleted remotely while it was being written; run \`pulumi refresh\`, then \`pulumi up\`` }));
    }
    if (w.policy === "fail" || attempt >= w.attempts) {
      const why = w.policy === "fail"
        ? `source '${definition.id}' changed remotely (${now.right.etag === token ? `the server refused token ${token} as stale` : `token ${token} is stale, the server holds ${now.right.etag}`}); run \`pulumi refresh\`, then \`pulumi up\` to apply on top of the current version, or set conflictPolicy 'overwrite'`
        : `source '${definition.id}' kept changing remotely: gave up after ${attempt} conditional writes; run \`pulumi up\` again when the other writer is done`;
      const paths = [...new Set(changedPaths(desired, now.right.state).map((sp) => p.definitionPath(sp)))];
      return left(conflict({ method: "PUT", path: w.remoteId, message: why }, paths, now.right.etag));
    }
    token = now.right.etag;
    current = now.right;
  }
}
