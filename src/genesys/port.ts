import { Either } from "fp-ts/Either";
import type { PreparedPayload } from "../definition/prepare";
import type { AuditDetails, AuditEntryInput, AuditMark, WriteAction, WriteResult } from "../definition/vocabulary/audit-entry";
import type { GenesysError } from "./errors";
import type { ConflictPolicy } from "../definition/vocabulary/conflict-policy";
import type { RemoteSource, SourcePrimitives, WriteOptions } from "./primitives";

/**
 * One audit record the write protocol asks to have appended: an `intent`
 * before the first remote write of an operation, a `success` or `failure`
 * outcome after it (linked by `intentId`). The audit entry's own fields
 * (see `AuditEntryInput`), narrowed to a source write; values in `details`
 * are scalars and hold no secret.
 */
export type WriteRecord = Omit<AuditEntryInput, "action" | "result" | "auditId" | "timestamp" | "details"> & {
  readonly action: WriteAction;
  readonly result: WriteResult;
  readonly details: AuditDetails;
};

/**
 * Why the audit log wrote nothing, as the write protocol carries it: the tag
 * of the audit log's own error (`LockTimeout`, `DamagedLog`, `IoFailure`,
 * `BadLocation`, `StoreFailure`, `Contention`) and its one-line account.
 */
export interface AuditRefusal {
  readonly _tag: "AuditRefusal";
  /** The audit log's error tag, for choosing the fix. */
  readonly cause: string;
  readonly reason: string;
}

/** auditRefusal is the {@link AuditRefusal} constructor. */
export const auditRefusal = (cause: string, reason: string): AuditRefusal => ({ _tag: "AuditRefusal", cause, reason });

/**
 * The audit log as the write protocol sees it. `append` resolves to the
 * written entry's mark, or to a `Left` refusal when nothing could be written;
 * it never rejects.
 */
export interface WriteAudit {
  append(record: WriteRecord): Promise<Either<AuditRefusal, AuditMark>>;
}

/**
 * The audit log refused a record. Without `outcome` it was the write-ahead
 * intent, so nothing was sent to Genesys. With `outcome` the operation had
 * finished and its outcome record could not be appended: `outcome` says
 * whether a remote write happened, which one, and on which object.
 */
export interface AuditUnavailable {
  readonly _tag: "AuditUnavailable";
  readonly refusal: AuditRefusal;
  readonly outcome?: {
    readonly action: "create" | "update" | "delete";
    readonly sourceId: string;
    readonly remoteWrite: boolean;
    readonly status: WriteStatus;
    readonly remoteId?: string;
    /** The intent the missing outcome would have closed, left in doubt in the log. */
    readonly intentId?: string;
  };
}

/** Why an operation failed: a Genesys error, or an audit log that refused the intent. */
export type WriteError = GenesysError | AuditUnavailable;

/** What every operation shares: how to report long waits. */
export interface OperationRequest {
  /** Receives a line about a long wait (rate limits, read-after-write lag). */
  readonly progress?: (message: string) => void;
}

/** A create: the prepared definition (its payload hash is recorded in the audit entries), and who is creating it. */
export interface CreateRequest extends OperationRequest {
  readonly prepared: PreparedPayload;
  readonly options: WriteOptions;
  /** The marker this resource stamps on what it creates, so that an interrupted create is recognised as its own. */
  readonly owner: string;
  /** Take over a same-named object this resource did not create. */
  readonly adoptExisting: boolean;
}

/** An update of an object the stack already manages. */
export interface UpdateRequest extends OperationRequest {
  readonly remoteId: string;
  readonly prepared: PreparedPayload;
  readonly options: WriteOptions;
  /** The concurrency token recorded at the last write or refresh. */
  readonly token: string;
  readonly policy: ConflictPolicy;
  /**
   * SHA-256 of the remote state recorded at the last write or refresh: when
   * the new definition asks for exactly that state, nothing is sent.
   */
  readonly recordedStateHash?: string;
}

/** A delete of a managed object. */
export interface DeleteRequest extends OperationRequest {
  readonly remoteId: string;
  readonly sourceId: string;
  readonly payloadHash: string;
}

/** How an operation ended remotely. */
export type WriteStatus = "created" | "completed" | "adopted" | "updated" | "unchanged" | "deleted" | "absent";

/** The result of an operation: what the server holds now and what it took. */
export interface WriteOutcome {
  /** The object as re-read after the write; `null` after a delete. */
  readonly source: RemoteSource | null;
  readonly status: WriteStatus;
  /** Requests sent, every attempt counted. */
  readonly requests: number;
  /** Requests repeated by the HTTP policy (429, 5xx, resets, token refresh), lookups included. */
  readonly retries: number;
  /** Attempts answered 429, lookups included: rate limits the token pacing did not foresee. */
  readonly answered429: number;
  /** Concurrency conflicts met (stale ETag / version) and resolved. */
  readonly conflicts: number;
  /** The outcome entry's mark: its hash is the audit head to anchor in state. */
  readonly audit: AuditMark;
}

/** A failed operation: the error, the audit head it left, and the remote id when the object exists. */
export interface WriteFailure {
  readonly error: WriteError;
  /** The hash of the last entry the operation appended, when it appended one. */
  readonly auditHead?: string;
  /** Set when an object was made before the failure (the next create completes it). */
  readonly remoteId?: string;
}

/**
 * The port between the provider and Genesys: one API contract's primitives
 * plus the write protocol's audited operations over them (see
 * `write-protocol.ts`). The provider depends on this interface only.
 */
export interface SourceApi<S = unknown> extends SourcePrimitives<S> {
  /** Reads one source by remote id, reporting long waits; `null` when it does not exist. */
  read(remoteId: string, request?: OperationRequest): Promise<Either<GenesysError, RemoteSource | null>>;
  /** Creates (or completes its own interrupted create, or adopts) a source; audited. */
  create(request: CreateRequest, audit: WriteAudit): Promise<Either<WriteFailure, WriteOutcome>>;
  /** Updates a managed source with a conditional write; audited. */
  update(request: UpdateRequest, audit: WriteAudit): Promise<Either<WriteFailure, WriteOutcome>>;
  /** Deletes a managed source (one already gone is success); audited. */
  delete(request: DeleteRequest, audit: WriteAudit): Promise<Either<WriteFailure, WriteOutcome>>;
}
