import { Either, isLeft, left, right } from "fp-ts/Either";
import { PathReporter } from "io-ts/PathReporter";
import { buildPayload, canonicalJson, SourceDefinition } from "../../definition";
import { changedPaths } from "../../definition/changed-paths";
import { correlationIdOf } from "../classify";
import { GenesysClient } from "../client";
import { GenesysError, conflict, contextOf, decodeError, notFound } from "../errors";
import { HttpAnswer } from "../http";
import { ConflictPolicy, RemoteSource, SourceApi, WriteOutcome } from "../port";
import { EventStreamBody, eventStreamPath, normaliseBody } from "./codec";

/** Options of the event-streams adapter. */
export interface EventStreamsOptions {
  /** How many conditional writes `overwrite` tries before giving up; default 3. */
  readonly conflictAttempts?: number;
  /** How many times a write's re-read is repeated while the object is not yet visible; default 3. */
  readonly readAfterWriteAttempts?: number;
}

type Result<A> = Either<GenesysError, A>;

/**
 * The `SourceApi` adapter for the event-streams contract of the original
 * design: `GET/PUT/DELETE /api/v2/configuration/event-streams/{id}`, with
 * strong ETags for optimistic concurrency. Create is `PUT` with
 * `If-None-Match: *`; replace is `PUT` with `If-Match: <etag>`; a stale ETag
 * answers 409 (412 is accepted too). Every write is followed by a read, so
 * the outcome shows what the server now holds.
 */
export class EventStreamsApi implements SourceApi {
  /** The adapter name. */
  readonly kind = "event-streams";
  private readonly conflictAttempts: number;
  private readonly readAttempts: number;

  constructor(
    private readonly client: GenesysClient,
    options: EventStreamsOptions = {},
  ) {
    this.conflictAttempts = Math.max(1, options.conflictAttempts ?? 3);
    this.readAttempts = Math.max(1, options.readAfterWriteAttempts ?? 3);
  }

  /** The canonical event-streams payload of a definition (`buildPayload`). */
  desiredState(definition: SourceDefinition): unknown {
    return JSON.parse(canonicalJson(buildPayload(definition))) as unknown;
  }

  /** Reads one event stream; `null` when the server answers 404. */
  async read(remoteId: string): Promise<Result<RemoteSource | null>> {
    const read = await this.readCounting(remoteId);
    return isLeft(read) ? read : right(read.right.source);
  }

  /** Event streams are addressed by the definition id, so finding is reading. */
  find(definitionId: string): Promise<Result<RemoteSource | null>> {
    return this.read(definitionId);
  }

  /** Creates the event stream with `If-None-Match: *`; an existing one is a `Conflict`. */
  async create(definition: SourceDefinition): Promise<Result<WriteOutcome>> {
    const id = definition.id;
    const path = eventStreamPath(id);
    const written = await this.client.request({
      method: "PUT",
      path,
      headers: { "If-None-Match": "*" },
      json: this.desiredState(definition),
    });
    if (isLeft(written)) {
      const e = written.left;
      if (e._tag === "Conflict" || e._tag === "PreconditionFailed") {
        return left(conflict({ ...contextOf(e), message: `an event stream with id '${id}' already exists; adopt it instead of creating it` }));
      }
      return written;
    }
    return this.settle(id, written.right.retries, 0);
  }

  /**
   * Replaces the event stream if its ETag still is `etag`. On a conflict the
   * object is re-read: `overwrite` re-applies the desired payload with the
   * fresh ETag (bounded attempts); `fail` reports the paths that differ.
   */
  async replace(remoteId: string, definition: SourceDefinition, etag: string, policy: ConflictPolicy): Promise<Result<WriteOutcome>> {
    const path = eventStreamPath(remoteId);
    const desired = this.desiredState(definition);
    let token = etag;
    let retries = 0;
    let conflicts = 0;
    for (let attempt = 1; ; attempt++) {
      const written = await this.client.request({ method: "PUT", path, headers: { "If-Match": token }, json: desired });
      if (!isLeft(written)) return this.settle(remoteId, retries + written.right.retries, conflicts);
      const e = written.left;
      if (e._tag !== "Conflict" && e._tag !== "PreconditionFailed") return written;
      conflicts++;
      const current = await this.readCounting(remoteId);
      if (isLeft(current)) return current;
      retries += current.right.retries;
      const now = current.right.source;
      if (now === null) {
        return left(notFound({ method: "PUT", path, message: `event stream '${remoteId}' was deleted while it was being updated` }));
      }
      if (policy === "fail" || attempt >= this.conflictAttempts) {
        const why = policy === "fail"
          ? `event stream '${remoteId}' changed remotely (ETag ${token} is stale, the server holds ${now.etag})`
          : `event stream '${remoteId}' kept changing remotely: gave up after ${attempt} conditional writes`;
        return left(conflict({ ...contextOf(e), message: why }, changedPaths(desired, now.state), now.etag));
      }
      token = now.etag;
    }
  }

  /** Deletes the event stream; a 404 counts as success. */
  async delete(remoteId: string): Promise<Result<void>> {
    const answer = await this.client.request({ method: "DELETE", path: eventStreamPath(remoteId) });
    if (isLeft(answer)) return answer.left._tag === "NotFound" ? right(undefined) : answer;
    return right(undefined);
  }

  /** Re-reads after a write (repeating while the object is not yet visible) and builds the outcome. */
  private async settle(id: string, retries: number, conflicts: number): Promise<Result<WriteOutcome>> {
    let total = retries;
    for (let attempt = 1; ; attempt++) {
      const read = await this.readCounting(id);
      if (isLeft(read)) return read;
      total += read.right.retries;
      if (read.right.source !== null) return right({ source: read.right.source, retries: total, conflicts });
      if (attempt >= this.readAttempts) {
        return left(notFound({ method: "GET", path: eventStreamPath(id), message: `event stream '${id}' is not readable after it was written` }));
      }
      await this.client.clock.sleep(250 * attempt);
    }
  }

  private async readCounting(id: string): Promise<Result<{ source: RemoteSource | null; retries: number }>> {
    const path = eventStreamPath(id);
    const answer = await this.client.request({ method: "GET", path });
    if (isLeft(answer)) return answer.left._tag === "NotFound" ? right({ source: null, retries: 0 }) : answer;
    const source = toRemoteSource(id, path, answer.right);
    return isLeft(source) ? source : right({ source: source.right, retries: answer.right.retries });
  }
}

function toRemoteSource(id: string, path: string, answer: HttpAnswer): Result<RemoteSource> {
  const correlationId = correlationIdOf(answer.headers);
  const where = { method: "GET", path, status: answer.status, ...(correlationId === undefined ? {} : { correlationId }) };
  const decoded = EventStreamBody.decode(answer.body);
  if (isLeft(decoded)) return left(decodeError(where, PathReporter.report(decoded).join("; ")));
  const etag = answer.headers["etag"];
  if (etag === undefined || etag === "") return left(decodeError(where, "the answer has no ETag header"));
  return right({ remoteId: decoded.right.id, etag, state: normaliseBody(decoded.right), facts: {} });
}
