import { Either, left, right } from "fp-ts/Either";
import { isRecord } from "../codec-kit";
import type { InputTransformer } from "./input-transformer";

const PATH_STEP = /^(?:\.([A-Za-z0-9_-]+)|\[(\d+)\])/;
const PLACEHOLDER = /^<([A-Za-z0-9_-]+)>/;

/**
 * Applies an EventBridge input transformer to an event, as the service does
 * for the templates `compileInputTransformer` emits: each input path (`$`
 * then `.name` steps and `[N]` indices) is read from the event; a
 * placeholder outside a JSON string is replaced by the value's JSON, one
 * inside a string by its text without escaping (the user guide notes that
 * extracted values are not escaped); a path that does not resolve gives an
 * empty string (`"k": <v>` becomes `"k": ""`, `"<v>"` becomes `""`), as on
 * the service, where the event is still delivered. The result is parsed as
 * JSON. Left says which path has a syntax this model does not read, or why
 * the output is not JSON (the service does not deliver such an event to the
 * target). A test double of the service. Pure; never throws.
 */
export function applyInputTransformer(transformer: InputTransformer, event: unknown): Either<string, unknown> {
  const values = new Map<string, unknown>();
  for (const [name, path] of Object.entries(transformer.inputPathsMap)) {
    const value = readPath(event, path);
    if (value._tag === "Left") return left(`<${name}> (${path}): ${value.left}`);
    values.set(name, value.right);
  }
  const text = fill(transformer.inputTemplate, values);
  if (text._tag === "Left") return text;
  try {
    return right(JSON.parse(text.right));
  } catch (e) {
    return left(`the filled template is not JSON (${e instanceof Error ? e.message : String(e)}): ${text.right}`);
  }
}

/** The value at a path, `undefined` when a step does not resolve; Left for syntax this model does not read. */
function readPath(event: unknown, path: string): Either<string, unknown> {
  if (!path.startsWith("$")) return left("does not start with $");
  let rest = path.slice(1);
  let current = event;
  while (rest !== "") {
    const m = PATH_STEP.exec(rest);
    if (m === null) return left(`unsupported JSON path syntax at ${JSON.stringify(rest)}`);
    const [step, key, index] = m;
    if (key !== undefined) current = isRecord(current) && Object.prototype.hasOwnProperty.call(current, key) ? current[key] : undefined;
    else current = Array.isArray(current) && Number(index) < current.length ? current[Number(index)] : undefined;
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
    if (value === undefined) {
      out += inString ? "" : '""';
    } else {
      const json = jsonOf(value);
      if (json === undefined) return left(`<${m[1]}> holds a value that is not JSON`);
      out += inString && typeof value === "string" ? value : json;
    }
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
