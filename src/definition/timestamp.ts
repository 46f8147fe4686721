/** The earliest and latest instants a JavaScript `Date` can hold, in epoch milliseconds. */
export const MAX_EPOCH_MS = 8.64e15;

const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2}))?$/;

/**
 * Parses an ISO 8601 / RFC 3339 timestamp string into epoch milliseconds:
 * a date (`2024-01-15`, midnight UTC) or a date-time that carries its offset
 * (`2024-01-15T10:00:00Z`, `...+01:00`), so the result never depends on the
 * local time zone. Calendar-invalid dates give `undefined`.
 */
export function parseIsoTimestamp(s: string): number | undefined {
  const m = ISO_8601.exec(s);
  if (m === null) return undefined;
  const [, y, mo, d, h = "0", mi = "0", sec = "0", frac = "", offset = "Z"] = m;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, sec].map(Number);
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return undefined;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, Number(frac.padEnd(3, "0").slice(0, 3)));
  if (date.getUTCDate() !== day || date.getUTCMonth() !== month - 1) return undefined;
  const offsetMinutes = offset === "Z" ? 0 : (offset[0] === "-" ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
  if (Math.abs(offsetMinutes) > 18 * 60) return undefined;
  return date.getTime() - offsetMinutes * 60_000;
}

/**
 * Reads a timestamp value: an ISO 8601 string (see {@link parseIsoTimestamp})
 * or a finite number of epoch milliseconds within the `Date` range.
 */
export function timestampOf(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) && Math.abs(value) <= MAX_EPOCH_MS ? value : undefined;
  if (typeof value === "string") return parseIsoTimestamp(value);
  return undefined;
}
