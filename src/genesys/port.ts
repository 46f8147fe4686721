import { Either } from "fp-ts/Either";
import type { SourceDefinition } from "../definition";
import type { GenesysError } from "./errors";

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
  /** The remote object in the adapter's representation (see `SourceApi.desiredState`). */
  readonly state: unknown;
  /** Adapter-specific read-only facts, e.g. `partnerEventSourceName`. */
  readonly facts: Readonly<Record<string, string>>;
}

/** What to do when a conditional write finds that the remote object changed underneath. */
export type ConflictPolicy = "overwrite" | "fail";

/** The result of a write: what the server holds afterwards (re-read) and what it took. */
export interface WriteOutcome {
  readonly source: RemoteSource;
  /** Requests repeated by the HTTP policy (429, 5xx, resets, token refresh). */
  readonly retries: number;
  /** Concurrency conflicts met (stale ETag / version) and resolved or reported. */
  readonly conflicts: number;
}

/** The state an integration is meant to be in: delivering events (`ENABLED`) or not (`DISABLED`). */
export type IntendedState = "ENABLED" | "DISABLED";

/**
 * Options of a write that only some API contracts know. An adapter without
 * the notion ignores them (the event-streams contract has no intended state).
 */
export interface WriteOptions {
  /** The integration's intended state; default `ENABLED`. */
  readonly intendedState?: IntendedState;
}

/**
 * The port between the provider and one Genesys API contract. The provider
 * depends on this interface only; each API contract is one adapter.
 */
export interface SourceApi {
  /** The adapter's name, e.g. `event-streams` or `integrations`. */
  readonly kind: string;
  /** Maps a definition to the representation `RemoteSource.state` uses, for drift checks. */
  desiredState(definition: SourceDefinition, options?: WriteOptions): unknown;
  /** Reads one source by remote id; `null` when it does not exist. */
  read(remoteId: string): Promise<Either<GenesysError, RemoteSource | null>>;
  /** Finds an existing source for a definition id (adoption); `null` when none exists. */
  find(definitionId: string): Promise<Either<GenesysError, RemoteSource | null>>;
  /** Creates the source if absent; an existing one is a `Conflict` error. */
  create(definition: SourceDefinition, options?: WriteOptions): Promise<Either<GenesysError, WriteOutcome>>;
  /** Replaces the source if its token still is `etag`; on conflict, `policy` decides. */
  replace(
    remoteId: string,
    definition: SourceDefinition,
    etag: string,
    policy: ConflictPolicy,
    options?: WriteOptions,
  ): Promise<Either<GenesysError, WriteOutcome>>;
  /** Deletes the source; one that is already gone is success. */
  delete(remoteId: string): Promise<Either<GenesysError, void>>;
}
