const MAX_ITEMS = 4;
const MAX_DEPTH = 2;

/**
 * A short, single-line rendering of any value for error messages: JSON-like,
 * at most `max` characters (cut with `…`), bounded in depth and width so that
 * huge or deeply nested inputs cost little and never throw.
 */
export function preview(value: unknown, max = 60): string {
  let text: string;
  try {
    text = render(value, MAX_DEPTH);
  } catch {
    text = typeof value;
  }
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function render(value: unknown, depth: number): string {
  if (value === undefined) return "nothing";
  if (value === null || typeof value === "boolean" || typeof value === "number") return String(value);
  if (typeof value === "string") return JSON.stringify(value.length > 120 ? `${value.slice(0, 120)}…` : value);
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value !== "object") return typeof value;
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    if (depth === 0) return "[…]";
    const items = value.slice(0, MAX_ITEMS).map((item) => render(item, depth - 1));
    return `[${items.join(",")}${value.length > MAX_ITEMS ? ",…" : ""}]`;
  }
  const keys = Object.keys(value);
  if (keys.length === 0) return "{}";
  if (depth === 0) return "{…}";
  const record = value as Record<string, unknown>;
  const entries = keys.slice(0, MAX_ITEMS).map((k) => `${JSON.stringify(k)}:${render(record[k], depth - 1)}`);
  return `{${entries.join(",")}${keys.length > MAX_ITEMS ? ",…" : ""}}`;
}

/** The usual message body: `expected <what>, found <value>` (or `is required` when absent). */
export function expected(what: string, found: unknown): string {
  return found === undefined ? `is required: expected ${what}` : `expected ${what}, found ${preview(found)}`;
}
