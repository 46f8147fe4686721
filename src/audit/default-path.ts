import * as path from "node:path";

/**
 * AUDIT_LOG_ENV is the environment variable that overrides the audit log
 * location; the provider settings read the same variable.
 */
export const AUDIT_LOG_ENV = "GENESYS_EVENTBRIDGE_AUDIT_LOG";

/**
 * DEFAULT_AUDIT_LOG is the audit log location relative to the working
 * directory: `.genesys-eventbridge/audit.jsonl`, where the provider writes it
 * when neither stack config nor the environment names another.
 */
export const DEFAULT_AUDIT_LOG = path.join(".genesys-eventbridge", "audit.jsonl");

/**
 * defaultAuditLogPath is where the audit log lives when no path is given:
 * `$GENESYS_EVENTBRIDGE_AUDIT_LOG`, else `.genesys-eventbridge/audit.jsonl`, resolved against `cwd` (the Pulumi
 * project directory when run by `pulumi up`).
 */
export function defaultAuditLogPath(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string {
  const named = env[AUDIT_LOG_ENV];
  return path.resolve(cwd, named === undefined || named === "" ? DEFAULT_AUDIT_LOG : named);
}
