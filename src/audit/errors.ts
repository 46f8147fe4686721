/**
 * AuditError is why an audit log operation failed, as data. Turn it into an
 * `Error` only at the edge with {@link auditErrorToError}.
 */
export type AuditError = LockTimeout | DamagedLog | IoFailure | BadLocation | StoreFailure | Contention;

/** LockTimeout is an append that could not take the log's lock in time. */
export interface LockTimeout {
  readonly _tag: "LockTimeout";
  readonly lockPath: string;
  readonly waitedMs: number;
  /** Who held the lock when we gave up, as recorded in the lock file, if readable. */
  readonly holder?: { readonly pid: number; readonly host: string; readonly since: string };
}

/** DamagedLog is an append refused because the log's last line is not a sound entry. */
export interface DamagedLog {
  readonly _tag: "DamagedLog";
  readonly path: string;
  readonly reason: string;
}

/** IoFailure is a file system error while reading or writing the log. */
export interface IoFailure {
  readonly _tag: "IoFailure";
  readonly path: string;
  readonly operation: string;
  readonly code?: string;
  readonly message: string;
}

/** BadLocation is an audit log location that names no store (e.g. `s3://` without a bucket). */
export interface BadLocation {
  readonly _tag: "BadLocation";
  readonly location: string;
  readonly reason: string;
}

/**
 * StoreFailure is a request to a remote audit store that failed (for S3:
 * access denied, no such bucket, a network error). `code` is the service's
 * error code and `status` its HTTP status when it answered at all.
 */
export interface StoreFailure {
  readonly _tag: "StoreFailure";
  readonly location: string;
  readonly operation: string;
  readonly code?: string;
  readonly status?: number;
  readonly message: string;
}

/** Contention is an append that kept losing the race for the next entry to other writers until its time ran out. */
export interface Contention {
  readonly _tag: "Contention";
  readonly location: string;
  readonly attempts: number;
  readonly waitedMs: number;
}

/** lockTimeout is the {@link LockTimeout} constructor. */
export const lockTimeout = (lockPath: string, waitedMs: number, holder?: LockTimeout["holder"]): LockTimeout => ({
  _tag: "LockTimeout",
  lockPath,
  waitedMs,
  ...(holder === undefined ? {} : { holder }),
});

/** damagedLog is the {@link DamagedLog} constructor. */
export const damagedLog = (path: string, reason: string): DamagedLog => ({ _tag: "DamagedLog", path, reason });

/** ioFailure is the {@link IoFailure} constructor, built from a caught Node.js error. */
export function ioFailure(path: string, operation: string, cause: unknown): IoFailure {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  return {
    _tag: "IoFailure",
    path,
    operation,
    ...(typeof code === "string" ? { code } : {}),
    message: cause instanceof Error ? cause.message : String(cause),
  };
}

/** badLocation is the {@link BadLocation} constructor. */
export const badLocation = (location: string, reason: string): BadLocation => ({ _tag: "BadLocation", location, reason });

/** storeFailure is the {@link StoreFailure} constructor, built from an error a store client threw. */
export function storeFailure(location: string, operation: string, cause: unknown): StoreFailure {
  const e = cause as { name?: unknown; Code?: unknown; code?: unknown; $metadata?: { httpStatusCode?: unknown } } | undefined;
  const code = [e?.Code, e?.name, e?.code].find((c): c is string => typeof c === "string" && c !== "Error" && c !== "");
  const status = e?.$metadata?.httpStatusCode;
  return {
    _tag: "StoreFailure",
    location,
    operation,
    ...(code === undefined ? {} : { code }),
    ...(typeof status === "number" ? { status } : {}),
    message: cause instanceof Error ? cause.message : String(cause),
  };
}

/** contention is the {@link Contention} constructor. */
export const contention = (location: string, attempts: number, waitedMs: number): Contention => ({
  _tag: "Contention",
  location,
  attempts,
  waitedMs,
});

/** describeAuditError is a one-line, human-readable account of an {@link AuditError}. */
export function describeAuditError(error: AuditError): string {
  switch (error._tag) {
    case "LockTimeout": {
      const who = error.holder ? ` (held by pid ${error.holder.pid} on ${error.holder.host} since ${error.holder.since})` : "";
      return `could not lock ${error.lockPath} within ${error.waitedMs} ms${who}; if no process is writing, remove the lock file`;
    }
    case "DamagedLog":
      return `audit log ${error.path} is damaged, refusing to append: ${error.reason}`;
    case "IoFailure":
      return `audit log ${error.path}: ${error.operation} failed: ${error.message}`;
    case "BadLocation":
      return `audit log location ${JSON.stringify(error.location)} is not usable: ${error.reason}`;
    case "StoreFailure": {
      const why = [error.code, error.status === undefined ? undefined : `HTTP ${error.status}`].filter(Boolean).join(", ");
      return `audit log ${error.location}: ${error.operation} failed${why === "" ? "" : ` (${why})`}: ${error.message}`;
    }
    case "Contention":
      return `audit log ${error.location}: other writers took every next entry for ${error.waitedMs} ms (${error.attempts} attempts); nothing was written`;
  }
}

/** AuditLogError is the `Error` an {@link AuditError} becomes at the edge; `detail` keeps the data. */
export class AuditLogError extends Error {
  override readonly name = "AuditLogError";
  constructor(readonly detail: AuditError) {
    super(describeAuditError(detail));
  }
}

/** auditErrorToError is the edge conversion of an {@link AuditError} into an {@link AuditLogError}. */
export const auditErrorToError = (error: AuditError): AuditLogError => new AuditLogError(error);
