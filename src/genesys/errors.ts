/**
 * Failures of a call to Genesys Cloud, as data.
 *
 * Every variant says where it happened (`method`, `path`), and when the server
 * answered, its HTTP status, the Genesys error `code` and `message` of the
 * standard error body and the `ININ-Correlation-Id` response header, which
 * Genesys support asks for. See the error model in the Platform API docs:
 * https://developer.genesys.cloud/platform/api/rest-api-errors
 *
 * The values are turned into `Error`s only at the edge (`toError`).
 */

/** Where a failed call went and what the server said about it. */
export interface ErrorContext {
  /** HTTP method of the failed request. */
  readonly method: string;
  /** Path of the failed request (no host, no query secrets). */
  readonly path: string;
  /** HTTP status, when the server answered. */
  readonly status?: number;
  /** The Genesys error `code` (or the OAuth `error`), when the body carried one. */
  readonly code?: string;
  /** The Genesys error `message` (or the OAuth `error_description`), redacted. */
  readonly message?: string;
  /** The `ININ-Correlation-Id` response header, when present. */
  readonly correlationId?: string;
}

/** One field the server rejected, from `details[]` of a 400 body. */
export interface FieldProblem {
  /** The `fieldName` of the detail: a property path of the payload. */
  readonly fieldName: string;
  /** The detail's `errorCode`, when given. */
  readonly errorCode?: string;
  /** The detail's human message (`entityName`/`message`), when given. */
  readonly message?: string;
}

/** HTTP 401: the token or the OAuth client credentials were refused. */
export interface Unauthorized extends ErrorContext { readonly _tag: "Unauthorized" }
/** HTTP 403: the OAuth client's role lacks a permission, or the AWS trust is wrong. */
export interface Forbidden extends ErrorContext { readonly _tag: "Forbidden" }
/** HTTP 404: the object does not exist. */
export interface NotFound extends ErrorContext { readonly _tag: "NotFound" }
/**
 * HTTP 409 (or a conflict found by an adapter): the object changed underneath.
 * `changedPaths` lists where the server's object differs from what the write
 * wanted; `currentEtag` is the server's token after the conflict.
 */
export interface Conflict extends ErrorContext {
  readonly _tag: "Conflict";
  readonly changedPaths?: ReadonlyArray<string>;
  readonly currentEtag?: string;
}
/** HTTP 412: a conditional request's precondition failed. */
export interface PreconditionFailed extends ErrorContext { readonly _tag: "PreconditionFailed" }
/** HTTP 400 (or another client error): the request was invalid; `fields` says where. */
export interface BadRequest extends ErrorContext {
  readonly _tag: "BadRequest";
  readonly fields: ReadonlyArray<FieldProblem>;
}
/** HTTP 429 after the retry budget was spent, or a `Retry-After` beyond the cap. */
export interface RateLimited extends ErrorContext {
  readonly _tag: "RateLimited";
  /** The last `Retry-After` the server asked for, in milliseconds. */
  readonly retryAfterMs?: number;
}
/** HTTP 5xx after the retry budget was spent (501 is never retried). */
export interface ServerError extends ErrorContext { readonly _tag: "ServerError" }
/** No usable HTTP answer: reset, refused, timeout, DNS. */
export interface Network extends ErrorContext {
  readonly _tag: "Network";
  /** The transport's error code (`ECONNRESET`, `ECONNABORTED`, ...) or a short reason. */
  readonly reason: string;
}
/** An answer whose body or headers did not have the documented shape. */
export interface Decode extends ErrorContext {
  readonly _tag: "Decode";
  /** What did not match, as io-ts or the parser reported it. */
  readonly reason: string;
}

/** Every way a call to Genesys Cloud can fail. */
export type GenesysError =
  | Unauthorized
  | Forbidden
  | NotFound
  | Conflict
  | PreconditionFailed
  | BadRequest
  | RateLimited
  | ServerError
  | Network
  | Decode;

/** The tag names of `GenesysError`. */
export type GenesysErrorTag = GenesysError["_tag"];

/** Makes an `Unauthorized` error. */
export const unauthorized = (c: ErrorContext): GenesysError => ({ _tag: "Unauthorized", ...c });
/** Makes a `Forbidden` error. */
export const forbidden = (c: ErrorContext): GenesysError => ({ _tag: "Forbidden", ...c });
/** Makes a `NotFound` error. */
export const notFound = (c: ErrorContext): GenesysError => ({ _tag: "NotFound", ...c });
/** Makes a `Conflict` error, optionally with the paths that changed remotely. */
export const conflict = (
  c: ErrorContext,
  changedPaths?: ReadonlyArray<string>,
  currentEtag?: string,
): GenesysError => ({
  _tag: "Conflict",
  ...c,
  ...(changedPaths === undefined ? {} : { changedPaths }),
  ...(currentEtag === undefined ? {} : { currentEtag }),
});
/** Makes a `PreconditionFailed` error. */
export const preconditionFailed = (c: ErrorContext): GenesysError => ({ _tag: "PreconditionFailed", ...c });
/** Makes a `BadRequest` error with the rejected fields. */
export const badRequest = (c: ErrorContext, fields: ReadonlyArray<FieldProblem>): GenesysError => ({
  _tag: "BadRequest",
  ...c,
  fields,
});
/** Makes a `RateLimited` error. */
export const rateLimited = (c: ErrorContext, retryAfterMs?: number): GenesysError => ({
  _tag: "RateLimited",
  ...c,
  ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
});
/** Makes a `ServerError` error. */
export const serverError = (c: ErrorContext): GenesysError => ({ _tag: "ServerError", ...c });
/** Makes a `Network` error. */
export const network = (c: ErrorContext, reason: string): GenesysError => ({ _tag: "Network", ...c, reason });
/** Makes a `Decode` error. */
export const decodeError = (c: ErrorContext, reason: string): GenesysError => ({ _tag: "Decode", ...c, reason });

/** The shared context of an error (where, status, code, message, correlation id), without its tag. */
export function contextOf(e: GenesysError): ErrorContext {
  return {
    method: e.method,
    path: e.path,
    ...(e.status === undefined ? {} : { status: e.status }),
    ...(e.code === undefined ? {} : { code: e.code }),
    ...(e.message === undefined ? {} : { message: e.message }),
    ...(e.correlationId === undefined ? {} : { correlationId: e.correlationId }),
  };
}
