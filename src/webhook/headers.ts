/** SIGNATURE_HEADER is the header that carries `sha256=<hex HMAC>` of the signed string. */
export const SIGNATURE_HEADER = "X-Genesys-EventBridge-Signature";
/** TIMESTAMP_HEADER is the header that carries the signing time in Unix seconds. */
export const TIMESTAMP_HEADER = "X-Genesys-EventBridge-Timestamp";
/** IDEMPOTENCY_HEADER is the header that carries the delivery's idempotency key. */
export const IDEMPOTENCY_HEADER = "Idempotency-Key";
/** SIGNATURE_PREFIX is the scheme tag in front of the hex digest in {@link SIGNATURE_HEADER}. */
export const SIGNATURE_PREFIX = "sha256=";

/** HeaderBag is a set of HTTP headers as Node.js or a framework presents them. */
export type HeaderBag = Readonly<Record<string, string | ReadonlyArray<string> | undefined>>;

/** headerValue is the first value of header `name` in `headers`, matched case-insensitively. */
export function headerValue(headers: HeaderBag, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue;
    return typeof value === "string" ? value : value[0];
  }
  return undefined;
}
