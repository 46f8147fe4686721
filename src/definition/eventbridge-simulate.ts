import { Either, left, right } from "fp-ts/Either";
import { isRecord } from "./codec-kit";
import { EventPattern, OR_KEY, PatternMatcher } from "./event-pattern";
import type { InputTransformer } from "./input-transformer";

/**
 * Whether an EventBridge event pattern matches an event, for the subset of
 * pattern syntax {@link compileEventPattern} emits: nested objects, matcher
 * arrays of exact scalars, `anything-but` (one value or a list) and
 * `numeric` ranges, and `$or` alternatives. Fields are ANDed, matcher array
 * elements ORed; a field the pattern names must be present; an array-valued
 * event field matches when any element matches (Amazon EventBridge User
 * Guide, "Arrays in Amazon EventBridge event patterns"). A test double of
 * the service, not a replacement for the EventBridge sandbox. Pure.
 */
export function matchesPattern(pattern: EventPattern, event: unknown): boolean {
  return matchesNode(pattern, event);
}

function matchesNode(pattern: EventPattern, value: unknown): boolean {
  if (!isRecord(value)) return false;
  return Object.keys(pattern).every((key) => {
    const expected = pattern[key];
    if (key === OR_KEY) return Array.isArray(expected) && (expected as ReadonlyArray<EventPattern>).some((alt) => matchesNode(alt, value));
    if (!Object.prototype.hasOwnProperty.call(value, key)) return false;
    const actual = value[key];
    const values = Array.isArray(actual) ? actual : [actual];
    if (Array.isArray(expected)) {
      return values.some((v) => (expected as ReadonlyArray<PatternMatcher>).some((m) => matchesValue(m, v)));
    }
    return values.some((v) => matchesNode(expected as EventPattern, v));
  });
}

function matchesValue(matcher: PatternMatcher, value: unknown): boolean {
  if (matcher === null || typeof matcher !== "object") return value === matcher;
  if ("numeric" in matcher) return typeof value === "number" && numericHolds(matcher.numeric, value);
  const excluded = matcher["anything-but"];
  const list: ReadonlyArray<unknown> = Array.isArray(excluded) ? excluded : [excluded];
  return (typeof value === "string" || typeof value === "number" || typeof value === "boolean" || value === null) && !list.includes(value);
}

function numericHolds(ops: ReadonlyArray<string | number>, value: number): boolean {
  for (let i = 0; i + 1 < ops.length; i += 2) {
    const bound = ops[i + 1];
    if (typeof bound !== "number") return false;
    const ok =
      ops[i] === ">=" ? value >= bound :
      ops[i] === "<=" ? value <= bound :
      ops[i] === ">" ? value > bound :
      ops[i] === "<" ? value < bound :
      ops[i] === "=" ? value === bound : false;
    if (!ok) return false;
  }
  return true;
}

const PATH_STEP = /^(?:\.([A-Za-z0-9_-]+)|\[(\d+)\])/;
const PLACEHOLDER = /^<([A-Za-z0-9_-]+)>/;

/**
 * Applies an EventBridge input transformer to an event, as the service does
 * for the templates {@link compileInputTransformer} emits: each input path
 * (`$` then `.name` steps and `[N]` indices) is read from the event; a
 * placeholder outside a JSON string is replaced by the value's JSON, one
 * inside a string by its text without escaping (the user guide notes that
 * extracted values are not escaped); the result is parsed as JSON. Left
 * says which paths do not resolve (the service leaves such variables out,
 * which this model refuses to guess about) or why the output is not JSON.
 * Pure; never throws.
 */
export function applyInputTransformer(transformer: InputTransformer, event: unknown): Either<string, unknown> {
  const values = new Map<string, unknown>();
  const missing: string[] = [];
  for (const [name, path] of Object.entries(transformer.inputPathsMap)) {
    const value = readPath(event, path);
    if (value._tag === "Left") missing.push(`<${name}> (${path}): ${value.left}`);
    else values.set(name, value.right);
  }
  if (missing.length > 0) return left(`input paths do not resolve: ${missing.join("; ")}`);
  const text = fill(transformer.inputTemplate, values);
  if (text._tag === "Left") return text;
  try {
    return right(JSON.parse(text.right));
  } catch (e) {
    return left(`the filled template is not JSON (${e instanceof Error ? e.message : String(e)}): ${text.right}`);
  }
}

function readPath(event: unknown, path: string): Either<string, unknown> {
  if (!path.startsWith("$")) return left("does not start with $");
  let rest = path.slice(1);
  let current = event;
  while (rest !== "") {
    const m = PATH_STEP.exec(rest);
    if (m === null) return left(`unsupported JSON path syntax at ${JSON.stringify(rest)}`);
    const [step, key, index] = m;
    if (key !== undefined) {
      if (!isRecord(current) || !Object.prototype.hasOwnProperty.call(current, key)) return left(`${key} is missing`);
      current = current[key];
    } else {
      const i = Number(index);
      if (!Array.isArray(current) || i >= current.length) return left(`element ${i} is missing`);
      current = current[i];
    }
    rest = rest.slice(step.length);
  }
  return right(current);
}

function fill(template: string, values: ReadonlyMap<string, unknown>): Either<string, string> {
  let out = "";
  let inString = false;
  for (let i = 0; i < template.length; i++) {
    const c = template[i];
    if (c === "\\" && inString) {
      out += template.slice(i, i + 2);
      i++;
      continue;
    }
    if (c === '"') inString = !inString;
    const m = c === "<" ? PLACEHOLDER.exec(template.slice(i)) : null;
    if (m === null || !values.has(m[1])) {
      out += c;
      continue;
    }
    const value = values.get(m[1]);
    const json = jsonOf(value);
    if (json === undefined) return left(`<${m[1]}> holds a value that is not JSON`);
    out += inString && typeof value === "string" ? value : json;
    i += m[0].length - 1;
  }
  return right(out);
}

function jsonOf(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}
