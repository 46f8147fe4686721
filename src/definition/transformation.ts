import * as t from "io-ts";
import { Finding, oneOf, struct } from "./codec-kit";
import { ExtractPath } from "./extract-path";
import { FieldPath } from "./field-path";

/** The kinds of transformation directive: copy, pluck from an array, or convert. */
export const DIRECTIVE_TYPES = ["direct", "extract", "transform"] as const;

/** Codec of a directive kind: one of {@link DIRECTIVE_TYPES}. */
export const DirectiveType = oneOf("DirectiveType", DIRECTIVE_TYPES);
/** A directive kind. */
export type DirectiveType = t.TypeOf<typeof DirectiveType>;

/** The conversions a `transform` directive may apply (see `applyFormat`). */
export const FORMATS = ["iso8601", "lowercase", "uppercase", "string"] as const;

/** Codec of a `transform` format: one of {@link FORMATS}. */
export const Format = oneOf("Format", FORMATS);
/** A `transform` format. */
export type Format = t.TypeOf<typeof Format>;

/**
 * Codec of a transformation directive: read `sourceField` from the event and
 * write it to `targetField` of the projected event. `direct` copies the value
 * (no `path`, no `format`); `extract` needs `path` (`[].x` or `[N].x`);
 * `transform` needs `format`.
 */
export const Transformation = struct(
  "Transformation",
  {
    /**
     * The event field read: a dotted path of 1..16 segments.
     * @example "eventTime"
     */
    sourceField: FieldPath,
    /**
     * The field of the projected event written: a dotted path of 1..16 segments.
     * @example "eventTime"
     */
    targetField: FieldPath,
    /**
     * `direct` copies the value, `extract` plucks from an array (needs `path`),
     * `transform` converts it (needs `format`).
     * @example "transform"
     */
    type: DirectiveType,
  },
  {
    /**
     * `extract` only: `[].x` takes `x` of every element, `[N].x` of element N.
     * @example "[].purpose"
     */
    path: ExtractPath,
    /**
     * `transform` only: `iso8601` (an ISO 8601 string or epoch milliseconds to
     * `2024-01-15T10:00:00.000Z`), `lowercase`, `uppercase` or `string`.
     * @example "iso8601"
     */
    format: Format,
  },
  (d): ReadonlyArray<Finding> => {
    const findings: Finding[] = [];
    const need = (key: "path" | "format", what: string): void => {
      if (d[key] === undefined) findings.push({ at: `.${key}`, message: `is required: ${article(d.type)} directive needs ${what}` });
    };
    const refuse = (key: "path" | "format"): void => {
      if (d[key] !== undefined) findings.push({ at: `.${key}`, message: `unexpected: ${article(d.type)} directive takes no ${key}, found ${JSON.stringify(d[key])}` });
    };
    if (d.type === "extract") {
      need("path", "an extract path such as [].id or [0].id");
      refuse("format");
    } else if (d.type === "transform") {
      need("format", `one of ${FORMATS.join(", ")}`);
      refuse("path");
    } else {
      refuse("path");
      refuse("format");
    }
    return findings;
  },
);
/** A transformation directive. */
export type Transformation = t.TypeOf<typeof Transformation>;

function article(type: DirectiveType): string {
  return `${type === "extract" ? "an" : "a"} ${type}`;
}
