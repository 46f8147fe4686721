import { Either, left, right } from "fp-ts/Either";
import { text } from "./codec-kit";
import { preview } from "./preview";

/** The most segments a field path may have (`a.b.c` has 3). Deeper paths are rejected. */
export const FIELD_PATH_MAX_DEPTH = 16;

/**
 * The syntax of one field-path segment: a letter, `_` or `$`, then letters,
 * digits, `_`, `$` or `-` (Genesys event fields are camelCase names; `-`
 * appears in some attribute keys).
 */
export const FIELD_SEGMENT = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/** Segment names refused anywhere in a path: reading or writing them could reach an object prototype. */
export const FORBIDDEN_SEGMENTS: ReadonlyArray<string> = ["__proto__", "prototype", "constructor"];

/**
 * Parses a dotted field path (`participants.purpose`) into its segments, or
 * says why it is not one: empty, an empty or malformed segment, more than
 * {@link FIELD_PATH_MAX_DEPTH} segments, or a prototype key.
 */
export function parseFieldPath(path: string): Either<string, ReadonlyArray<string>> {
  if (path === "") return left("expected a dotted field path such as a.b.c, found an empty string");
  const segments = path.split(".");
  if (segments.length > FIELD_PATH_MAX_DEPTH) {
    return left(`field path has ${segments.length} segments; at most ${FIELD_PATH_MAX_DEPTH} are allowed, found ${preview(path)}`);
  }
  for (const segment of segments) {
    if (FORBIDDEN_SEGMENTS.includes(segment)) {
      return left(`segment ${JSON.stringify(segment)} is not allowed (${FORBIDDEN_SEGMENTS.join(", ")} are refused), found ${preview(path)}`);
    }
    if (!FIELD_SEGMENT.test(segment)) {
      return left(
        `expected a dotted field path whose segments start with a letter, _ or $ and continue with letters, digits, _, $ or -, found ${preview(path)}`,
      );
    }
  }
  return right(segments);
}

/** Codec of a field path string: a dotted path accepted by {@link parseFieldPath}. */
export const FieldPath = text("FieldPath", "a dotted field path such as a.b.c", (s) => {
  const parsed = parseFieldPath(s);
  return parsed._tag === "Left" ? parsed.left : undefined;
});
/** A field path string: a dotted path accepted by {@link parseFieldPath}. */
export type FieldPath = string;
