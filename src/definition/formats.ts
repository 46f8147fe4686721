import { Either, left, right } from "fp-ts/Either";
import { Format } from "./transformation";
import { preview } from "./preview";
import { timestampOf } from "./timestamp";

/** The smallest integer magnitude the `string` format refuses: 1e15, past 15 significant digits. */
export const STRING_INTEGER_LIMIT = 1e15;

/**
 * Converts a value with a `transform` format. `iso8601` takes an ISO 8601 /
 * RFC 3339 string or epoch milliseconds and writes `Date#toISOString()`
 * (1705312800000 -> "2024-01-15T10:00:00.000Z"); `lowercase`/`uppercase`
 * take strings; `string` renders scalars as text, numbers with 15
 * significant digits (`0.1 + 0.2` gives "0.3") as JSONata's `$string` does,
 * so the transform stage on AWS writes the same text; integers from
 * {@link STRING_INTEGER_LIMIT} on are refused, as JSONata 2.0 (which Step
 * Functions implements) and 2.1+ render them differently.
 * Left says what was found.
 */
export function applyFormat(format: Format, value: unknown): Either<string, unknown> {
  switch (format) {
    case "iso8601": {
      const ms = timestampOf(value);
      return ms === undefined
        ? left(`iso8601 expects an ISO 8601 timestamp or epoch milliseconds, found ${preview(value)}`)
        : right(new Date(ms).toISOString());
    }
    case "lowercase":
    case "uppercase":
      if (typeof value !== "string") return left(`${format} expects a string, found ${preview(value)}`);
      return right(format === "lowercase" ? value.toLowerCase() : value.toUpperCase());
    case "string":
      if (typeof value === "string") return right(value);
      if (typeof value === "number") {
        if (Number.isInteger(value) && Math.abs(value) >= STRING_INTEGER_LIMIT) {
          return left(`string renders integers below 1e15 only (JSONata versions round larger ones differently), found ${preview(value)}`);
        }
        return right(String(Number(value.toPrecision(15))));
      }
      if (typeof value === "boolean") return right(String(value));
      return left(`string expects a string, number or boolean, found ${preview(value)}`);
  }
}
