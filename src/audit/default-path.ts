import * as path from "node:path";

/** AUDIT_LOG_ENV is the environment variable that overrides the audit log location. */
export const AUDIT_LOG_ENV = "GENESYS_AUDIT_LOG";

/** DEFAULT_AUDIT_LOG is the audit log location relative to the working directory: `.pulumi-genesys/audit.jsonl`. */
export const DEFAULT_AUDIT_LOG = path.join(".pulumi-genesys", "audit.jsonl");

/**
 * defaultAuditLogPath is where the audit log lives when no path is given:
 * `$GENESYS_AUDIT_LOG` if set and non-empty, else `.pulumi-genesys/audit.jsonl`
 * under `cwd` (the Pulumi project directory when run by `pulumi up`).
 */
export function defaultAuditLogPath(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string {
  const fromEnv = env[AUDIT_LOG_ENV];
  return path.resolve(cwd, fromEnv !== undefined && fromEnv !== "" ? fromEnv : DEFAULT_AUDIT_LOG);
}
