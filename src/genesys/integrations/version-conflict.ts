import type { GenesysError } from "../errors";

const staleVersion = /does not match the current version/i;

/**
 * Whether a failed config write means "your version is stale": a 409, or a
 * 400 whose message says the version "does not match the current version"
 * (the Genesys Terraform provider treats both as a reason to re-read and retry).
 */
export function isVersionConflict(e: GenesysError): boolean {
  if (e._tag === "Conflict" || e._tag === "PreconditionFailed") return true;
  return e._tag === "BadRequest" && e.message !== undefined && staleVersion.test(e.message);
}
