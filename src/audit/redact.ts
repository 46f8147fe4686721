/** REDACTED is the text that stands in for a removed secret. */
export const REDACTED = "[REDACTED]";

/**
 * redactSecrets is `text` with every occurrence of each non-empty secret
 * replaced by `[REDACTED]`, plus common credential shapes (`Bearer` tokens,
 * `Authorization:` header values, `client_secret=` and `password=` values).
 *
 * Audit entries copy their `error` verbatim, so callers must pass error text
 * through this (or an equivalent) before appending.
 */
export function redactSecrets(text: string, secrets: ReadonlyArray<string | undefined> = []): string {
  // Longest first, so a secret that contains another is removed whole.
  const known = secrets
    .filter((s): s is string => typeof s === "string" && s.length > 0)
    .sort((a, b) => b.length - a.length);
  let out = text;
  for (const secret of known) out = out.split(secret).join(REDACTED);
  return out
    .replace(/(authorization["']?\s*[:=]\s*["']?)(basic|bearer)?\s*[^\s"',;}]+/gi, (_m, head: string, scheme?: string) =>
      `${head}${scheme ? `${scheme} ` : ""}${REDACTED}`,
    )
    .replace(/\bbearer\s+(?!\[REDACTED\])[A-Za-z0-9._~+/=-]+/gi, `Bearer ${REDACTED}`)
    .replace(/((?:client_secret|password|secret|token)["']?\s*[:=]\s*["']?)(?!\[REDACTED\])[^\s"'&,;}]+/gi, `$1${REDACTED}`);
}
