import * as fs from "node:fs";
import * as path from "node:path";
import { isS3Location } from "./location";

/**
 * AUDIT_LOG_ENV is the environment variable that names the audit log
 * location when stack config does not; the provider, the webhook hook and
 * `audit verify` all read it.
 */
export const AUDIT_LOG_ENV = "GENESYS_EVENTBRIDGE_AUDIT_LOG";

/**
 * DEFAULT_AUDIT_LOG is the audit log location relative to the Pulumi project
 * root: `.genesys-eventbridge/audit.jsonl`, used when neither stack config
 * nor the environment names another.
 */
export const DEFAULT_AUDIT_LOG = path.join(".genesys-eventbridge", "audit.jsonl");

/** PROJECT_FILES are the file names that mark a Pulumi project root. */
const PROJECT_FILES = ["Pulumi.yaml", "Pulumi.yml"];

/**
 * findProjectRoot is the nearest folder at or above `from` that holds
 * `Pulumi.yaml` (or `Pulumi.yml`), or `undefined` when there is none.
 */
export function findProjectRoot(from: string): string | undefined {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    if (PROJECT_FILES.some((name) => fs.existsSync(path.join(dir, name)))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/**
 * resolveAuditLocation is the audit log location every part of the package
 * uses: `raw` (stack config, a CLI argument), else `$GENESYS_EVENTBRIDGE_AUDIT_LOG`,
 * else `.genesys-eventbridge/audit.jsonl`. An `s3://` location is returned as
 * it is; a relative path is resolved against the Pulumi project root found
 * upward from `cwd` (or `cwd` itself outside any project), so the provider
 * (whose working folder is the program's, e.g. `bin/`), the webhook hook and
 * `audit verify` run from the project root all name the same file.
 * Empty strings count as unset.
 */
export function resolveAuditLocation(
  raw?: string,
  cwd: string = process.cwd(),
  env: Readonly<Record<string, string | undefined>> = process.env,
): string {
  const fromEnv = env[AUDIT_LOG_ENV];
  const named = raw !== undefined && raw !== "" ? raw : fromEnv !== undefined && fromEnv !== "" ? fromEnv : DEFAULT_AUDIT_LOG;
  if (isS3Location(named)) return named;
  return path.resolve(findProjectRoot(cwd) ?? cwd, named);
}
