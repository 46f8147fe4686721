import type { Either } from "fp-ts/Either";
import type { SourceDefinition } from "../definition";
import type { PreparedPayload } from "../definition/prepare";
import type { ApiKind } from "../definition/vocabulary/api-kind";
import type { IntendedState } from "../definition/vocabulary/intended-state";
import type { Clock } from "./clock";
import type { GenesysError } from "./errors";

type Result<A> = Either<GenesysError, A>;

/**
 * What the Genesys side holds for one EventBridge source, as one adapter sees it.
 *
 * `state` is the adapter's own representation of the remote object (the
 * event-streams payload, or the integration's config properties), already
 * normalised so that two reads of an unchanged object compare equal with
 * canonical JSON. Drift is `desiredState(applied) != state`.
 */
export interface RemoteSource {
  /** The id the API knows the object by (event-streams: the definition id; integrations: the integration id). */
  readonly remoteId: string;
  /** The optimistic-concurrency token: an HTTP ETag, or a config version rendered as a string. */
  readonly etag: string;
  /** The remote object in the adapter's representation (see `SourcePrimitives.desiredState`). */
  readonly state: unknown;
  /** Adapter-specific read-only facts, e.g. `partnerEventSourceName`. */
  readonly facts: Readonly<Record<string, string>>;
  /** The ownership marker the object carries when this package created it (see `ownerMarker`). */
  readonly owner?: string;
}

/**
 * Options of a write that only some API contracts know. An adapter without
 * the notion ignores them (the event-streams contract has no intended state).
 */
export interface WriteOptions {
  /** The integration's intended state; default `ENABLED`. */
  readonly intendedState?: IntendedState;
}

/**
 * What a create or a write asks the server to hold: the definition, and the
 * adapter's representation of it (`desiredState`), computed once per
 * operation by the write protocol and handed to every request of it.
 */
export interface WriteTarget<S = unknown> {
  readonly definition: SourceDefinition;
  readonly state: S;
}

/**
 * What a create primitive made. `current` is the object as the server
 * answered the create, when its answer shows all of it: then no re-read is
 * needed.
 */
export type Created =
  /** The object exists and holds the definition (one atomic request did it all). */
  | { readonly _tag: "Complete"; readonly remoteId: string; readonly current?: RemoteSource }
  /**
   * The object exists but its configuration still has to be written with a
   * conditional write; `current` is the object as first read (the adapter
   * waited for it), `null` when it did not become readable in `settleMs`.
   */
  | { readonly _tag: "Shell"; readonly remoteId: string; readonly current: RemoteSource | null }
  /** An object of that name already exists: nothing was made. */
  | { readonly _tag: "Exists" };

/**
 * The answer of a conditional write: done, or refused because the token is
 * stale (with the object as the adapter just read it, when it did, so that
 * the protocol need not read it again). After a write, `current` is what
 * the server's answers say it now holds, when they say all of it: the
 * protocol's re-read is then the answer itself.
 */
export type Written = { readonly _tag: "Written"; readonly current?: RemoteSource } | { readonly _tag: "Stale"; readonly current?: RemoteSource };

/**
 * The primitives one Genesys API contract offers; everything above them
 * (audit, conflict policy, re-read, read-after-write wait, idempotent create)
 * is the write protocol's, the same for every contract. An adapter maps
 * each primitive to as few requests as its API allows.
 */
export interface SourcePrimitives<S = unknown> {
  /** The contract's name, e.g. `event-streams` or `integrations`. */
  readonly kind: ApiKind;
  /** The clock the adapter's client waits with. */
  readonly clock: Clock;
  /**
   * `true` when `create` itself refuses an existing object of the same name
   * (an atomic create-if-absent), so that no lookup is needed before it.
   */
  readonly exclusiveCreate: boolean;
  /** How long a just-written object may stay unreadable, and how long a deleted one may stay readable (ms). */
  readonly settleMs: number;
  /** `true` when a successful delete may still be readable for a while, so that the protocol waits for it to go. */
  readonly lagsAfterDelete: boolean;
  /** The pause between two reads while waiting for the server to catch up (ms). */
  readonly pollIntervalMs: number;
  /** Maps a prepared definition to the representation `RemoteSource.state` uses, for writes and drift checks. */
  desiredState(prepared: PreparedPayload, options?: WriteOptions): S;
  /** The definition path (as the user wrote it) that a path of the state representation comes from. */
  definitionPath(statePath: string): string;
  /** Reads one object by remote id; `null` when it does not exist (yet, or any more). */
  read(remoteId: string): Promise<Result<RemoteSource | null>>;
  /** Every object that carries the definition id as its name (adoption, crash recovery). */
  find(definitionId: string): Promise<Result<ReadonlyArray<RemoteSource>>>;
  /** Makes the object, marked as owned by `owner`; see {@link Created}. */
  make(target: WriteTarget<S>, owner: string): Promise<Result<Created>>;
  /**
   * Writes the target if the object's token still is `token`. `current`
   * is the object as last read, when the protocol has it, so that the adapter
   * can leave out a request whose effect is already there.
   */
  write(remoteId: string, target: WriteTarget<S>, token: string, current?: RemoteSource): Promise<Result<Written>>;
  /** Deletes the object; `false` when it was already gone. */
  remove(remoteId: string): Promise<Result<boolean>>;
}
