import { isRecord } from "../codec-kit";
import type { Scalar } from "../condition";
import { MIN_NORMAL_NUMBER } from "../evaluate-condition";
import { consistentChoiceExists, FieldValue, fieldReader } from "../event-fields";
import { EventPattern, OR_KEY, PatternMatcher } from "./event-pattern";
import { ipAddressBytes } from "./ip-address";

/** One alternative of a pattern once `$or` is expanded: each field name (dotted) with its matcher array. */
type Flat = ReadonlyMap<string, ReadonlyArray<PatternMatcher>>;

/**
 * Whether an EventBridge event pattern matches an event, following AWS's
 * engine (event-ruler) for the pattern syntax the compiler emits: `$or`
 * alternatives at any level, nested objects, matcher arrays of exact
 * scalars, `anything-but` (one value or a list), `numeric` ranges and
 * `wildcard`. The event is read as the engine reads it (see
 * `eventFieldValues`: dotted keys are paths, arrays are transparent and
 * flattened, only scalars are values); each pattern field must have a value
 * that matches one of its matchers, and the values chosen for the fields
 * must lie in the same element of every array they share. An exact string
 * shaped like an IP address matches the same address in any spelling, as
 * in the engine. A test double of the service, checked against the engine
 * by the conformance suite; not a replacement for it. Pure.
 */
export function matchesPattern(pattern: EventPattern, event: unknown): boolean {
  return patternMatcher(pattern)(event);
}

/**
 * {@link matchesPattern} for one pattern and many events: the pattern's
 * alternatives are expanded once. An alternative whose top-level field
 * (such as `detail-type`) lists only exact strings that are not shaped like
 * IP addresses is ruled out at once for an event whose field is a string
 * none of them equals, the answer the full match would give (such a field
 * has that one value). Pure.
 */
export function patternMatcher(pattern: EventPattern): (event: unknown) => boolean {
  const alternatives = flatten(pattern, "").map((alternative) => ({ alternative, quick: quickChecks(alternative) }));
  // Every alternative's fields are read in one walk of the event, when the first alternative needs them.
  const read = fieldReader([...new Set(alternatives.flatMap(({ alternative }) => [...alternative.keys()]))]);
  return (event) => {
    if (!isRecord(event)) return false;
    let values: ReadonlyMap<string, ReadonlyArray<FieldValue>> | undefined;
    return alternatives.some(({ alternative, quick }) => {
      for (const [name, allowed] of quick) {
        const value = Object.prototype.hasOwnProperty.call(event, name) ? event[name] : undefined;
        if (typeof value === "string" && !allowed.has(value)) return false;
      }
      values ??= read(event);
      const found = values;
      return consistentChoiceExists(
        [...alternative].map(([name, matchers]) => (found.get(name) ?? []).filter((v) => matchers.some((m) => matchesValue(m, v.value)))),
      );
    });
  };
}

/** The top-level fields of an alternative that list only exact strings compared as text, with those strings. */
function quickChecks(alternative: Flat): ReadonlyArray<readonly [string, ReadonlySet<string>]> {
  const out: Array<readonly [string, ReadonlySet<string>]> = [];
  for (const [name, matchers] of alternative) {
    if (name.includes(".") || !matchers.every((m) => typeof m === "string" && ipAddressBytes(m) === undefined)) continue;
    out.push([name, new Set(matchers as ReadonlyArray<string>)]);
  }
  return out;
}

function flatten(pattern: EventPattern, prefix: string): ReadonlyArray<Flat> {
  let alternatives: Array<Map<string, ReadonlyArray<PatternMatcher>>> = [new Map()];
  for (const key of Object.keys(pattern)) {
    const value = pattern[key];
    const parts: ReadonlyArray<Flat> =
      key === OR_KEY
        ? (value as ReadonlyArray<EventPattern>).flatMap((alt) => flatten(alt, prefix))
        : Array.isArray(value)
          ? [new Map([[`${prefix}${key}`, value as ReadonlyArray<PatternMatcher>]])]
          : flatten(value as EventPattern, `${prefix}${key}.`);
    alternatives = alternatives.flatMap((current) => parts.map((part) => new Map([...current, ...part])));
  }
  return alternatives;
}

function matchesValue(matcher: PatternMatcher, value: Scalar): boolean {
  if (typeof matcher === "string") {
    const address = ipAddressBytes(matcher);
    return typeof value === "string" && (address === undefined ? value === matcher : ipAddressBytes(value) === address);
  }
  if (matcher === null || typeof matcher !== "object") return value === matcher;
  if ("numeric" in matcher) return typeof value === "number" && numericHolds(matcher.numeric, value);
  if ("wildcard" in matcher) return typeof value === "string" && globMatches(matcher.wildcard, value);
  const excluded = matcher["anything-but"];
  const list: ReadonlyArray<unknown> = Array.isArray(excluded) ? excluded : [excluded];
  return !list.includes(value);
}

/** A numeric matcher's comparisons; a subnormal number (the engine does not compare those) meets none. */
function numericHolds(ops: ReadonlyArray<string | number>, value: number): boolean {
  if (value !== 0 && Math.abs(value) < MIN_NORMAL_NUMBER) return false;
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

/** A wildcard pattern: `*` is any run of characters, `\*` a star and `\\` a backslash. */
function globMatches(glob: string, text: string): boolean {
  let source = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === "\\" && i + 1 < glob.length) source += escapeRegExp(glob[++i]);
    else source += c === "*" ? "[\\s\\S]*" : escapeRegExp(c);
  }
  return new RegExp(`^${source}$`).test(text);
}

function escapeRegExp(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
}
