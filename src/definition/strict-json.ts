import { Either, left, right } from "fp-ts/Either";
import { indexAccessor, joinAccessors, propertyAccessor } from "./accessor";
import { firstLoneSurrogate, loneSurrogateMessage } from "./well-formed";

/** How deep JSON values may nest (objects and arrays inside each other); deeper input is refused, not recursed into. */
export const JSON_MAX_DEPTH = 64;

/** A place in the text: 1-based line and column (columns count UTF-16 code units). */
export interface TextPosition {
  readonly line: number;
  readonly column: number;
}

/**
 * Why a text is not accepted as strict JSON: a syntax error, a key given
 * twice in one object, nesting deeper than the limit, or a string (value or
 * key) that is not well-formed UTF-16. `path` is the accessor-notation path
 * of the offending key or value (`""` for the top-level value).
 */
export type JsonProblem =
  | ({ readonly _tag: "JsonSyntax"; readonly message: string } & TextPosition)
  | ({ readonly _tag: "JsonDuplicateKey"; readonly path: string; readonly key: string; readonly first: TextPosition } & TextPosition)
  | ({ readonly _tag: "JsonTooDeep"; readonly path: string; readonly limit: number } & TextPosition)
  | ({ readonly _tag: "JsonLoneSurrogate"; readonly path: string; readonly codeUnit: number } & TextPosition);

/** The label of the top-level value in messages, where a path would be empty. */
export const TOP_LEVEL = "(top level)";

/**
 * The one-line message for a {@link JsonProblem}: `line:column: <path>: <what>`
 * (the path is left out for syntax errors, which have none).
 */
export function describeJsonProblem(p: JsonProblem): string {
  const at = `${p.line}:${p.column}`;
  const path = p._tag === "JsonSyntax" ? "" : p.path === "" ? TOP_LEVEL : p.path;
  switch (p._tag) {
    case "JsonSyntax":
      return `${at}: not valid JSON: ${p.message}`;
    case "JsonDuplicateKey":
      return `${at}: ${path}: duplicate key ${JSON.stringify(p.key)}; it is first given at ${p.first.line}:${p.first.column} (JSON parsers keep only one of them: keep one key)`;
    case "JsonTooDeep":
      return `${at}: ${path}: nested deeper than ${p.limit} levels of objects and arrays`;
    case "JsonLoneSurrogate":
      return `${at}: ${path}: ${loneSurrogateMessage(p.codeUnit)}`;
  }
}

/**
 * Parses JSON text (RFC 8259) strictly: refuses duplicate keys, nesting
 * deeper than `maxDepth` (default {@link JSON_MAX_DEPTH}) and strings that
 * are not well-formed UTF-16, and reports every problem with its line and
 * column. Objects get every key as an own property (`"__proto__"` included,
 * as `JSON.parse` does); the prototype is never touched. A byte order mark is
 * not JSON: strip it before. Never throws; recursion is bounded by `maxDepth`.
 */
export function parseStrictJson(text: string, options: { readonly maxDepth?: number } = {}): Either<JsonProblem, unknown> {
  const parser = new Parser(text, options.maxDepth ?? JSON_MAX_DEPTH);
  try {
    parser.skipSpace();
    if (parser.atEnd()) return left(parser.syntax("expected a JSON value, found the end of the text"));
    const value = parser.value(0);
    parser.skipSpace();
    if (!parser.atEnd()) return left(parser.syntax(`unexpected ${parser.found()} after the JSON value`));
    return right(value);
  } catch (e) {
    if (e instanceof Stop) return left(e.problem);
    throw e;
  }
}

/** Carries a problem out of the recursive descent; caught in {@link parseStrictJson}. */
class Stop {
  constructor(readonly problem: JsonProblem) {}
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const ESCAPES: Readonly<Record<string, string>> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };

class Parser {
  private pos = 0;
  /** Accessor fragments of the value being parsed. */
  private readonly path: string[] = [];

  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
  ) {}

  atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  skipSpace(): void {
    const t = this.text;
    while (this.pos < t.length) {
      const c = t.charCodeAt(this.pos);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) this.pos++;
      else break;
    }
  }

  /** What is at the current position, for messages. */
  found(at = this.pos): string {
    if (at >= this.text.length) return "end of the text";
    const c = this.text.codePointAt(at)!;
    if (c < 0x20 || c === 0x7f) return `control character U+${c.toString(16).toUpperCase().padStart(4, "0")}`;
    return `character ${JSON.stringify(String.fromCodePoint(c))}`;
  }

  position(at: number): TextPosition {
    let line = 1;
    let lineStart = 0;
    for (let i = this.text.indexOf("\n"); i !== -1 && i < at; i = this.text.indexOf("\n", i + 1)) {
      line++;
      lineStart = i + 1;
    }
    return { line, column: at - lineStart + 1 };
  }

  syntax(message: string, at = this.pos): JsonProblem {
    return { _tag: "JsonSyntax", message, ...this.position(at) };
  }

  private fail(problem: JsonProblem): never {
    throw new Stop(problem);
  }

  private currentPath(): string {
    return joinAccessors(...this.path);
  }

  value(depth: number): unknown {
    const t = this.text;
    const c = t[this.pos];
    if (c === "{" || c === "[") {
      if (depth >= this.maxDepth) {
        this.fail({ _tag: "JsonTooDeep", path: this.currentPath(), limit: this.maxDepth, ...this.position(this.pos) });
      }
      return c === "{" ? this.object(depth + 1) : this.array(depth + 1);
    }
    if (c === '"') return this.string();
    if (c === "-" || (c >= "0" && c <= "9")) return this.number();
    for (const [word, v] of [["true", true], ["false", false], ["null", null]] as const) {
      if (t.startsWith(word, this.pos)) {
        this.pos += word.length;
        return v;
      }
    }
    return this.fail(this.syntax(`unexpected ${this.found()}; expected a JSON value`));
  }

  private object(depth: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const seen = new Map<string, number>();
    if (this.opensEmpty("}")) return out;
    for (;;) {
      this.skipSpace();
      if (this.text[this.pos] !== '"') this.fail(this.syntax(`unexpected ${this.found()}; expected a property name in double quotes`));
      const keyAt = this.pos;
      const key = this.string(true);
      this.path.push(propertyAccessor(key));
      const first = seen.get(key);
      if (first !== undefined) {
        this.fail({ _tag: "JsonDuplicateKey", path: this.currentPath(), key, first: this.position(first), ...this.position(keyAt) });
      }
      seen.set(key, keyAt);
      this.skipSpace();
      if (this.text[this.pos] !== ":") this.fail(this.syntax(`unexpected ${this.found()}; expected ':' after the property name`));
      this.pos++;
      this.skipSpace();
      const v = this.value(depth);
      // An own data property even for "__proto__": assignment would set the prototype instead.
      Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
      this.path.pop();
      if (this.closes("}")) return out;
    }
  }

  private array(depth: number): unknown[] {
    const out: unknown[] = [];
    if (this.opensEmpty("]")) return out;
    for (;;) {
      this.skipSpace();
      this.path.push(indexAccessor(out.length));
      out.push(this.value(depth));
      this.path.pop();
      if (this.closes("]")) return out;
    }
  }

  /** Steps over the opening bracket and says whether `close` follows at once (the container is empty, and `close` is stepped over too). */
  private opensEmpty(close: "}" | "]"): boolean {
    this.pos++;
    this.skipSpace();
    if (this.text[this.pos] !== close) return false;
    this.pos++;
    return true;
  }

  /** After a member: steps over the `,` (false: another member follows) or the `close` (true: the container ends); anything else fails. */
  private closes(close: "}" | "]"): boolean {
    this.skipSpace();
    const next = this.text[this.pos];
    this.pos++;
    if (next === close) return true;
    if (next !== ",") this.fail(this.syntax(`unexpected ${this.found(this.pos - 1)}; expected ',' or '${close}'`, this.pos - 1));
    return false;
  }

  private number(): number {
    NUMBER.lastIndex = this.pos;
    const m = NUMBER.exec(this.text);
    if (m === null) return this.fail(this.syntax(`unexpected ${this.found(this.pos + 1)} in a number`, this.pos + 1));
    this.pos += m[0].length;
    return Number(m[0]);
  }

  /** A string starting at the opening quote; `isKey` puts a lone surrogate's path on the key itself. */
  private string(isKey = false): string {
    const t = this.text;
    const start = this.pos;
    this.pos++; // "
    let out = "";
    let chunk = this.pos;
    for (;;) {
      if (this.pos >= t.length) this.fail(this.syntax("unterminated string", start));
      const c = t.charCodeAt(this.pos);
      if (c === 0x22) break;
      if (c < 0x20) this.fail(this.syntax(`${this.found()} in a string; write it as an escape such as \\n or \\u0000`));
      if (c !== 0x5c) {
        this.pos++;
        continue;
      }
      out += t.slice(chunk, this.pos);
      const e = t[this.pos + 1];
      if (e === "u") {
        const hex = t.slice(this.pos + 2, this.pos + 6);
        if (!/^[0-9A-Fa-f]{4}$/.test(hex)) this.fail(this.syntax("expected four hex digits after \\u"));
        out += String.fromCharCode(parseInt(hex, 16));
        this.pos += 6;
      } else if (e !== undefined && Object.prototype.hasOwnProperty.call(ESCAPES, e)) {
        out += ESCAPES[e];
        this.pos += 2;
      } else {
        this.fail(this.syntax(`invalid escape \\${e ?? ""} in a string`));
      }
      chunk = this.pos;
    }
    out += t.slice(chunk, this.pos);
    this.pos++; // "
    const lone = firstLoneSurrogate(out);
    if (lone !== undefined) {
      const path = isKey ? joinAccessors(...this.path, propertyAccessor(out)) : this.currentPath();
      this.fail({ _tag: "JsonLoneSurrogate", path, codeUnit: lone, ...this.position(start) });
    }
    return out;
  }
}
