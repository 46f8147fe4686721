import type { GenesysError } from "./errors";
import type { WriteError } from "./port";
import { redact } from "../http/redact";

/**
 * The one-paragraph message for a `GenesysError`: what happened, where, and
 * what to do about it. Carries the `ININ-Correlation-Id` so that a support
 * case can point at the request. Never contains a credential.
 */
export function describeError(e: GenesysError): string {
  const where = `${e.method} ${e.path}`;
  const said = e.message === undefined ? "" : `: ${e.message}`;
  const code = e.code === undefined ? "" : ` [${e.code}]`;
  const status = e.status === undefined ? "" : ` (HTTP ${e.status})`;
  const head = `${where}${status}${code}${said}`;
  const text = `${head}. ${advice(e)}${correlation(e)}`;
  return redact(text);
}

/**
 * The message for a failed write: a Genesys error as {@link describeError}
 * says it, or the audit log that refused the write-ahead intent (then nothing
 * was sent to Genesys).
 */
export function describeWriteError(e: WriteError): string {
  if (e._tag !== "AuditUnavailable") return describeError(e);
  const o = e.outcome;
  const { reason } = e.refusal;
  const fix = `${auditFix(e.refusal.cause)}, then run \`pulumi up\` again`;
  if (o === undefined) {
    return redact(`nothing was written to Genesys because the audit log refused the intent entry: ${reason}. ${fix}.`);
  }
  const on = o.remoteId === undefined ? `source '${o.sourceId}'` : `source '${o.sourceId}' (${o.remoteId})`;
  if (!o.remoteWrite) {
    return redact(
      `no remote write happened (${o.action} of ${on}: ${o.status}, nothing needed sending to Genesys), ` +
        `but its outcome could not be audited: ${reason}. Nothing changed in Genesys. ${fix}.`,
    );
  }
  const doubt = o.intentId === undefined ? "" : ` The intent entry ${o.intentId} stays in doubt in the log.`;
  return redact(
    `the remote write happened (${o.action} of ${on}: ${o.status}), but its outcome could not be audited: ${reason}.${doubt} ` +
      `Genesys holds the change. ${fix}.`,
  );
}

/** What to do about an audit log that refused an append, from the audit error's tag. */
function auditFix(cause: string): string {
  if (cause === "DamagedLog") return "Run `genesys-eventbridge audit verify` to see which entry is damaged and restore the log from its backup or remove what was put there";
  if (cause === "LockTimeout") return "Wait for the other writer to finish (or remove the lock file if no process is writing)";
  return "Make the audit log writable (genesys:auditLogPath)";
}

/** The `Error` for a `GenesysError`, for the edge where exceptions are expected; keeps the value as `cause`. */
export function toError(e: GenesysError): Error {
  const error = new Error(describeError(e), { cause: e });
  error.name = `Genesys${e._tag}`;
  return error;
}

function correlation(e: GenesysError): string {
  return e.correlationId === undefined ? "" : ` (ININ-Correlation-Id: ${e.correlationId})`;
}

function advice(e: GenesysError): string {
  switch (e._tag) {
    case "Unauthorized":
      return "Genesys refused the credentials: check the OAuth client id and secret, that the client uses the client-credentials grant in this region, and the permissions of its role.";
    case "Forbidden":
      return "The OAuth client's role lacks permissions: grant integrations:integration:view/add/edit/delete (or, for the AWS side, check the account id, region and the trust of the role).";
    case "NotFound":
      return "The object does not exist (it may have been deleted outside this program; refresh the stack).";
    case "Conflict": {
      const paths = e.changedPaths ?? [];
      const changed = paths.length === 0 ? "" : ` Changed remotely: ${paths.join(", ")}.`;
      // The protocol's conflicts carry their own fix in the message; a bare 409 gets the general one.
      const fix = e.message === undefined ? " Run `pulumi refresh`, then `pulumi up` to apply on top of the current version." : "";
      return `The object was changed concurrently.${changed}${fix}`;
    }
    case "PreconditionFailed":
      return "The object's version no longer matches: it was changed concurrently. Run `pulumi refresh`, then `pulumi up`.";
    case "BadRequest": {
      const fields = e.fields.map((f) => (f.message === undefined ? f.fieldName : `${f.fieldName} (${f.message})`));
      return fields.length === 0
        ? "Genesys rejected the request; check the definition."
        : `Genesys rejected these fields: ${fields.join(", ")}.`;
    }
    case "RateLimited": {
      const after = e.retryAfterMs === undefined ? "" : ` (Retry-After ${Math.ceil(e.retryAfterMs / 1000)} s)`;
      return `Rate limited by Genesys${after}: retry later or lower the request rate.`;
    }
    case "ServerError":
      return "Genesys had a server error; retry later.";
    case "Network":
      return `No answer from Genesys (${e.reason}): check the region or base URL, the network and the timeout.`;
    case "Decode":
      return `The answer did not have the documented shape (${e.reason}).`;
  }
}
