import { createHash } from "crypto";

type Frame = { readonly text: string } | { readonly value: unknown };

/**
 * Canonical JSON of a JSON value: object keys sorted (by UTF-16 code units),
 * no whitespace, numbers and strings as `JSON.stringify` writes them. Equal
 * values give equal text whatever their key order. Like `JSON.stringify`,
 * `undefined` properties are dropped and non-JSON values become `null`.
 * Iterative, so deep nesting cannot overflow the stack.
 */
export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  const stack: Frame[] = [{ value }];
  while (stack.length > 0) {
    const frame = stack.pop() as Frame;
    if ("text" in frame) {
      out.push(frame.text);
      continue;
    }
    const v = frame.value;
    if (typeof v === "string") out.push(JSON.stringify(v));
    else if (typeof v === "number") out.push(Number.isFinite(v) ? JSON.stringify(v) : "null");
    else if (typeof v === "boolean") out.push(v ? "true" : "false");
    else if (typeof v === "bigint") out.push(v.toString());
    else if (Array.isArray(v)) pushArray(stack, v);
    else if (typeof v === "object" && v !== null) pushObject(stack, v as Record<string, unknown>);
    else out.push("null");
  }
  return out.join("");
}

function pushArray(stack: Frame[], items: ReadonlyArray<unknown>): void {
  stack.push({ text: "]" });
  for (let i = items.length - 1; i >= 0; i--) {
    stack.push({ value: items[i] });
    if (i > 0) stack.push({ text: "," });
  }
  stack.push({ text: "[" });
}

function pushObject(stack: Frame[], record: Record<string, unknown>): void {
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined && typeof record[k] !== "function" && typeof record[k] !== "symbol")
    .sort();
  stack.push({ text: "}" });
  for (let i = keys.length - 1; i >= 0; i--) {
    stack.push({ value: record[keys[i]] });
    stack.push({ text: `${i > 0 ? "," : ""}${JSON.stringify(keys[i])}:` });
  }
  stack.push({ text: "{" });
}

/** The audit hash of a payload: SHA-256 (lower-case hex) of its canonical JSON in UTF-8. */
export function payloadHash(payload: unknown): string {
  return textHash(canonicalJson(payload));
}

/** SHA-256 (lower-case hex) of a text in UTF-8: the hash of canonical JSON already written. */
export function textHash(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** The size of a payload: bytes of its canonical JSON in UTF-8. */
export function payloadBytes(payload: unknown): number {
  return Buffer.byteLength(canonicalJson(payload), "utf8");
}

/** The largest payload the event-streams API accepts, in bytes of canonical JSON (256 KiB). */
export const MAX_PAYLOAD_BYTES = 262144;
