import { Either, left, right } from "fp-ts/Either";
import { text } from "./codec-kit";
import { FIELD_PATH_MAX_DEPTH, parseFieldPath } from "./field-path";
import { preview } from "./preview";

/**
 * A parsed `extract` path: `each` maps over every element (`[]`), a number
 * picks one element (`[N]`); `rest` is the field path read inside the
 * element (empty: the element itself).
 */
export interface ExtractStep {
  readonly element: "each" | number;
  readonly rest: ReadonlyArray<string>;
}

const SHAPE = /^\[(\d*)\](?:\.(.+))?$/;

/**
 * Parses an `extract` path: `[].x.y` (every element's `x.y`) or `[N].x`
 * (element N's `x`); the part after the brackets follows the field-path rules.
 */
export function parseExtractPath(path: string): Either<string, ExtractStep> {
  const m = SHAPE.exec(path);
  if (m === null) return left(`expected an extract path such as [].id or [0].id, found ${preview(path)}`);
  const [, digits, rest] = m;
  const element = digits === "" ? "each" : Number(digits);
  if (element !== "each" && !Number.isSafeInteger(element)) return left(`element index is too large, found ${preview(path)}`);
  if (rest === undefined) return right({ element, rest: [] });
  const parsed = parseFieldPath(rest);
  if (parsed._tag === "Left") return left(parsed.left);
  if (parsed.right.length > FIELD_PATH_MAX_DEPTH) return left(`path is too deep, found ${preview(path)}`);
  return right({ element, rest: parsed.right });
}

/** Codec of an extract path string accepted by {@link parseExtractPath}. */
export const ExtractPath = text("ExtractPath", "an extract path such as [].id or [0].id", (s) => {
  const parsed = parseExtractPath(s);
  return parsed._tag === "Left" ? parsed.left : undefined;
});
/** An extract path string accepted by {@link parseExtractPath}. */
export type ExtractPath = string;
