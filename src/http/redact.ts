/**
 * The value with every secret replaced by `[REDACTED]`: `Authorization`
 * headers, `client_secret`, `access_token`, bearer and basic credentials, and
 * any of the `known` secret strings (the client secret, issued tokens).
 *
 * Used by the request logger and by error construction so that nothing that
 * is printed can carry a credential (the same rule as octokit's RequestError).
 * Strings are scrubbed by pattern; objects are copied with sensitive keys
 * replaced; other values are returned as they are.
 */
export function redact<T>(value: T, known: ReadonlyArray<string> = []): T {
  return redactValue(value, known, 0) as T;
}

/** The marker that replaces a secret. */
export const REDACTED = "[REDACTED]";

const sensitiveKeys = new Set([
  "authorization",
  "proxy-authorization",
  "client_secret",
  "clientsecret",
  "access_token",
  "accesstoken",
  "refresh_token",
  "password",
]);

const patterns: ReadonlyArray<[RegExp, string]> = [
  [/\b(Bearer|Basic)\s+(?!\[REDACTED\])[A-Za-z0-9._~+/=-]+/gi, `$1 ${REDACTED}`],
  [/(["']?(?:client_secret|access_token|refresh_token|authorization|password|secret|token)["']?\s*[:=]\s*["']?)(?!\[REDACTED\])(?:(?:Basic|Bearer)\s+)?[^"'&\s,;}]+/gi, `$1${REDACTED}`],
];

function redactString(text: string, known: ReadonlyArray<string>): string {
  let out = text;
  // Longest first, so that a secret containing another is removed whole.
  for (const secret of [...known].sort((a, b) => b.length - a.length)) {
    // Very short strings would blank out ordinary words; real secrets are long.
    if (secret.length >= 6) out = out.split(secret).join(REDACTED);
  }
  for (const [pattern, replacement] of patterns) out = out.replace(pattern, replacement);
  return out;
}

function redactValue(value: unknown, known: ReadonlyArray<string>, depth: number): unknown {
  if (typeof value === "string") return redactString(value, known);
  if (depth > 32 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => redactValue(v, known, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    out[k] = sensitiveKeys.has(k.toLowerCase()) ? REDACTED : redactValue(v, known, depth + 1);
  }
  return out;
}
