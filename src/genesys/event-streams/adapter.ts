import { Either, isLeft, left, right } from "fp-ts/Either";
import { PathReporter } from "io-ts/PathReporter";
import type { PreparedPayload } from "../../definition/prepare";
import { correlationIdOf } from "../classify";
import type { GenesysClient } from "../client";
import { GenesysError, decodeError } from "../errors";
import type { HttpAnswer } from "../http";
import type { Created, RemoteSource, SourcePrimitives, WriteTarget, Written } from "../primitives";
import { EventStreamBody, OWNER_FIELD, eventStreamPath, normaliseBody } from "./codec";

/** Options of the event-streams adapter. */
export interface EventStreamsOptions {
  /** How long a written object may stay unreadable, and a deleted one readable (ms); default 1000. */
  readonly settleMs?: number;
  /** The pause between two reads while waiting (ms); default 250. */
  readonly pollIntervalMs?: number;
}

type Result<A> = Either<GenesysError, A>;

/** The request header that carries the ownership marker of a create. */
export const OWNER_HEADER = "Genesys-EventBridge-Owner";

/**
 * The primitives of the event-streams contract of the original design:
 * `GET/PUT/DELETE /api/v2/configuration/event-streams/{id}`, with strong
 * ETags for optimistic concurrency. Create is one atomic `PUT` with
 * `If-None-Match: *` (so no lookup precedes it) that carries the ownership
 * marker in a header; a write is `PUT` with `If-Match: <etag>`, and a stale
 * ETag answers 409 (412 is accepted too). A write's answer is the stored
 * object with its new ETag, so it serves as the re-read; a delete's 204
 * means gone. Minimum chains: create 1 request, update 1, delete 1.
 */
export class EventStreamsApi implements SourcePrimitives {
  /** The adapter name. */
  readonly kind = "event-streams" as const;
  readonly exclusiveCreate = true;
  /** A 204 means gone: nothing to wait for. */
  readonly lagsAfterDelete = false;
  readonly settleMs: number;
  readonly pollIntervalMs: number;

  constructor(
    private readonly client: GenesysClient,
    options: EventStreamsOptions = {},
  ) {
    this.settleMs = Math.max(0, options.settleMs ?? 1000);
    this.pollIntervalMs = Math.max(1, options.pollIntervalMs ?? 250);
  }

  /** The clock the client waits with. */
  get clock() {
    return this.client.clock;
  }

  /** The canonical event-streams payload of a definition (`buildPayload`), read back from its canonical JSON. */
  desiredState(prepared: PreparedPayload): unknown {
    return JSON.parse(prepared.canonicalPayload) as unknown;
  }

  /** The state is the definition's own payload: its paths are the definition's. */
  definitionPath(statePath: string): string {
    return statePath;
  }

  /** Reads one event stream; `null` when the server answers 404. */
  async read(remoteId: string): Promise<Result<RemoteSource | null>> {
    const path = eventStreamPath(remoteId);
    const answer = await this.client.request({ method: "GET", path });
    if (isLeft(answer)) return answer.left._tag === "NotFound" ? right(null) : answer;
    return toRemoteSource(path, answer.right);
  }

  /** Event streams are addressed by the definition id, so finding is reading. */
  async find(definitionId: string): Promise<Result<ReadonlyArray<RemoteSource>>> {
    const read = await this.read(definitionId);
    return isLeft(read) ? read : right(read.right === null ? [] : [read.right]);
  }

  /** `PUT` with `If-None-Match: *`: the whole definition at once, or `Exists`. */
  async make({ definition, state }: WriteTarget, owner: string): Promise<Result<Created>> {
    const written = await this.client.request({
      method: "PUT",
      path: eventStreamPath(definition.id),
      headers: { "If-None-Match": "*", [OWNER_HEADER]: owner },
      json: state,
    });
    if (isLeft(written)) return isStale(written.left) ? right({ _tag: "Exists" }) : written;
    // The answer is the stored object with its ETag: it is the re-read.
    const current = toRemoteSource(eventStreamPath(definition.id), written.right);
    return right({ _tag: "Complete", remoteId: definition.id, ...(isLeft(current) ? {} : { current: current.right }) });
  }

  /** `PUT` with `If-Match: token`. */
  async write(remoteId: string, { state }: WriteTarget, token: string): Promise<Result<Written>> {
    const written = await this.client.request({
      method: "PUT",
      path: eventStreamPath(remoteId),
      headers: { "If-Match": token },
      json: state,
    });
    if (isLeft(written)) return isStale(written.left) ? right({ _tag: "Stale" }) : written;
    const current = toRemoteSource(eventStreamPath(remoteId), written.right);
    return right({ _tag: "Written", ...(isLeft(current) ? {} : { current: current.right }) });
  }

  /** `DELETE`; a 404 means it was already gone. */
  async remove(remoteId: string): Promise<Result<boolean>> {
    const answer = await this.client.request({ method: "DELETE", path: eventStreamPath(remoteId) });
    if (isLeft(answer)) return answer.left._tag === "NotFound" ? right(false) : answer;
    return right(true);
  }
}

function isStale(e: GenesysError): boolean {
  return e._tag === "Conflict" || e._tag === "PreconditionFailed";
}

function toRemoteSource(path: string, answer: HttpAnswer, method = "GET"): Result<RemoteSource> {
  const correlationId = correlationIdOf(answer.headers);
  const where = { method, path, status: answer.status, ...(correlationId === undefined ? {} : { correlationId }) };
  const decoded = EventStreamBody.decode(answer.body);
  if (isLeft(decoded)) return left(decodeError(where, PathReporter.report(decoded).join("; ")));
  const etag = answer.headers["etag"];
  if (etag === undefined || etag === "") return left(decodeError(where, "the answer has no ETag header"));
  const owner = decoded.right[OWNER_FIELD];
  return right({
    remoteId: decoded.right.id,
    etag,
    state: normaliseBody(decoded.right),
    facts: {},
    ...(typeof owner === "string" ? { owner } : {}),
  });
}
