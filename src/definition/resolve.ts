import { Either, left, right } from "fp-ts/Either";
import { isRecord } from "./codec-kit";
import { ExtractStep } from "./extract-path";
import { FORBIDDEN_SEGMENTS } from "./field-path";

/**
 * Reads the field at `segments` inside `root`, following own properties of
 * plain objects only (never arrays, never the prototype chain). Left is why
 * it does not resolve, naming the first missing part.
 */
export function resolveField(root: unknown, segments: ReadonlyArray<string>, label = ""): Either<string, unknown> {
  let current = root;
  let walked = label;
  for (const segment of segments) {
    const here = walked === "" ? segment : `${walked}.${segment}`;
    if (!isRecord(current)) return left(`${walked === "" ? "the event" : walked} is ${kindOf(current)}, not an object`);
    if (FORBIDDEN_SEGMENTS.includes(segment) || !Object.prototype.hasOwnProperty.call(current, segment)) {
      return left(`${here} is missing`);
    }
    current = current[segment];
    walked = here;
  }
  return right(current);
}

/**
 * Applies an extract step to an array value: every element's field (`[]`) or
 * one element's field (`[N]`). `label` names the value in messages.
 */
export function resolveExtract(value: unknown, step: ExtractStep, label: string): Either<string, unknown> {
  if (!Array.isArray(value)) return left(`${label} is ${kindOf(value)}, not an array`);
  if (step.element !== "each") {
    if (step.element >= value.length) return left(`${label}[${step.element}] is missing (the array has ${value.length} element${value.length === 1 ? "" : "s"})`);
    return resolveField(value[step.element], step.rest, `${label}[${step.element}]`);
  }
  const out: unknown[] = [];
  for (let i = 0; i < value.length; i++) {
    const r = resolveField(value[i], step.rest, `${label}[${i}]`);
    if (r._tag === "Left") return r;
    out.push(r.right);
  }
  return right(out);
}

/** A short description of a value's kind for messages: `a string`, `null`, `an array`. */
export function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "missing";
  if (Array.isArray(value)) return "an array";
  const kind = typeof value;
  return kind === "object" ? "an object" : `a ${kind}`;
}
