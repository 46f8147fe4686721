/**
 * canonicalJson is a deterministic JSON serialisation: object keys sorted by
 * code unit, no whitespace, `undefined` members omitted, as `JSON.stringify`
 * would treat them otherwise. Two structurally equal values always give the
 * same string, which is what a hash chain needs.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") {
    // JSON.stringify gives numbers, strings and booleans their one JSON form;
    // non-finite numbers become null exactly as they would in a parsed line.
    const text = JSON.stringify(value);
    return text === undefined ? "null" : text;
  }
  if (Array.isArray(value)) {
    return `[${value.map((item) => (item === undefined ? "null" : canonicalJson(item))).join(",")}]`;
  }
  const record = value as Record<string, unknown>;
  const members = Object.keys(record)
    .filter((key) => record[key] !== undefined && typeof record[key] !== "function")
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
  return `{${members.join(",")}}`;
}
