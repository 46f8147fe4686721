import { isRight } from "fp-ts/Either";
import { ErrorBody, OAuthErrorBody } from "./error-body";
import {
  ErrorContext,
  FieldProblem,
  GenesysError,
  badRequest,
  conflict,
  forbidden,
  notFound,
  preconditionFailed,
  rateLimited,
  serverError,
  unauthorized,
} from "./errors";
import { redact } from "../http/redact";

/** An HTTP answer with an error status, as the transport saw it. */
export interface ErrorAnswer {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
  /** The parsed `Retry-After`, in milliseconds. */
  readonly retryAfterMs?: number;
}

/** The `ININ-Correlation-Id` of an answer (header names are lower-cased by the transport). */
export function correlationIdOf(headers: Readonly<Record<string, string>>): string | undefined {
  return headers["inin-correlation-id"];
}

/**
 * The `GenesysError` for an HTTP error answer: the status picks the variant;
 * the standard error body (or the OAuth error body) gives `code`, `message`
 * and the field details. `secrets` are scrubbed from the server's words too.
 */
export function classifyAnswer(answer: ErrorAnswer, secrets: ReadonlyArray<string> = []): GenesysError {
  const { code, message, fields } = readBody(answer.body);
  const correlationId = correlationIdOf(answer.headers);
  const c: ErrorContext = {
    method: answer.method,
    path: answer.path,
    status: answer.status,
    ...(code === undefined ? {} : { code: redact(code, secrets) }),
    ...(message === undefined ? {} : { message: redact(message, secrets) }),
    ...(correlationId === undefined ? {} : { correlationId }),
  };
  switch (answer.status) {
    case 401:
      return unauthorized(c);
    case 403:
      return forbidden(c);
    case 404:
    case 410:
      return notFound(c);
    case 409:
      return conflict(c);
    case 412:
      return preconditionFailed(c);
    case 429:
      return rateLimited(c, answer.retryAfterMs);
  }
  if (answer.status >= 500) return serverError(c);
  return badRequest(c, fields.map((f) => redact(f, secrets)));
}

function readBody(body: unknown): { code?: string; message?: string; fields: FieldProblem[] } {
  const standard = ErrorBody.decode(body);
  if (isRight(standard) && (standard.right.code !== undefined || standard.right.message !== undefined)) {
    const fields: FieldProblem[] = [];
    for (const d of standard.right.details ?? []) {
      if (d.fieldName === undefined) continue;
      const message = d.message ?? d.entityName;
      fields.push({
        fieldName: d.fieldName,
        ...(d.errorCode === undefined ? {} : { errorCode: d.errorCode }),
        ...(message === undefined ? {} : { message }),
      });
    }
    return { code: standard.right.code, message: standard.right.message, fields };
  }
  const oauth = OAuthErrorBody.decode(body);
  if (isRight(oauth) && oauth.right.error !== undefined) {
    return { code: oauth.right.error, message: oauth.right.error_description ?? oauth.right.description, fields: [] };
  }
  return { fields: [] };
}
