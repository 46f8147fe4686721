import fc from "fast-check";
import { SourceDefinition, validateDefinition } from "../../src/definition";

/** The partner event source the generated events come from. */
export const PARTNER = "aws.partner/genesys.com/cloud/3f1e2d4c-0000-4000-8000-000000000001/conformance";

/** Plain field segments, some with `$` and `-`. */
export const PLAIN_SEGMENTS = ["status", "metadata", "items", "a", "b", "$ref", "x-y"];

/** Field segments EventBridge reserves inside `$or`. */
export const RESERVED_SEGMENTS = ["prefix", "suffix", "exists", "numeric", "wildcard", "cidr", "anything-but", "equals-ignore-case", "exactly"];

/** Strings: plain, empty, IP-shaped (v4 and v6, with spellings of the same address), quotes, backslashes, non-ASCII, look-alikes of other types. */
export const STRINGS = [
  "web", "sms", "", "10.0.0.1", "010.0.0.1", "10.0.0.01", "::1", "0:0:0:0:0:0:0:1", "1.2.3.4", "12:30", "dead:beef::1",
  'say "hi"', "back\\slash", "é", "30", "true", "null", "prefix", "*",
];

/** Numbers: integers, fractions, the numeric-matching limits and beyond, doubles with 17 digits, 2^53 - 1 and 2^53, huge, subnormal, negative zero. */
export const NUMBERS = [
  0, -0, 1, 30, 30.5, -5, 29.999999, 1e9, -1e9, 1000000001, 0.1, 0.30000000000000004, 2 ** 53 - 1, 2 ** 53, 1e21, 5e-324,
  123456789.123456, 1.5e-7, -0.5, 600,
];

/** Bounds for `gte`/`lte`: inside, at and beyond the numeric-matching limits, and too precise. */
export const BOUNDS = [0, 30, 30.5, -5, 1e9, 2e9, -2e9, 0.1234567, 29.999999, 1000.25, 600];

/** Event types, all different: templates with `{id}`, and one shaped like an IP address. */
export const EVENT_TYPES = [
  "v2.detail.events.conversation.{id}.customer.start",
  "v2.users.{id}.presence",
  "v2.detail.events.conversation.{id}.customer.end",
  "1.2.3.4",
  "v2.detail.events.conversation.{id}.user.end",
];

/** Numbers whose JSON text a double cannot hold exactly (written into events as text). */
export const UNHOLDABLE = ["9007199254740993", "-9007199254740993", "12345678901234567891"];

const BASE = {
  id: "conformance",
  eventSourceSuffix: "conformance",
  configuration: { awsAccountId: "123456789012", region: "us-east-1", roleArn: "arn:aws:iam::123456789012:role/genesys-eventbridge" },
};

type Scalar = string | number | boolean | null;

const scalar: fc.Arbitrary<Scalar> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...STRINGS) },
  { weight: 4, arbitrary: fc.constantFrom(...NUMBERS) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
);

const segment = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...PLAIN_SEGMENTS) },
  { weight: 2, arbitrary: fc.constantFrom(...RESERVED_SEGMENTS) },
  { weight: 1, arbitrary: fc.constant("$or") },
);

const fieldPath = fc.array(segment, { minLength: 1, maxLength: 3 }).map((s) => s.join("."));

/** The values conditions compare with: every edge case, or only values a pattern expresses for one filter (`plain`). */
export interface ConditionValues {
  readonly scalar: fc.Arbitrary<Scalar>;
  readonly bound: fc.Arbitrary<number | string>;
}

const EDGE_VALUES: ConditionValues = {
  scalar,
  bound: fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...BOUNDS) }, { weight: 1, arbitrary: fc.constant("2024-01-15T00:00:00Z") }),
};

/** Plain strings and numbers, bounds within the numeric-matching limits: what users mostly write. */
export const PLAIN_VALUES: ConditionValues = {
  scalar: fc.oneof(fc.constantFrom("web", "sms", "Support", "Sales", "queued"), fc.constantFrom(0, 1, 30, 60, 600)),
  bound: fc.constantFrom(0, 30, 60, 600, 1000.25),
};

function condition(fields: ReadonlyArray<string>, values: ConditionValues = EDGE_VALUES): fc.Arbitrary<Record<string, unknown>> {
  const field = fc.constantFrom(...fields);
  return fc.oneof(
    { weight: 4, arbitrary: fc.record({ field, operator: fc.constantFrom("eq", "neq"), value: values.scalar }) },
    { weight: 2, arbitrary: fc.record({ field, operator: fc.constant("in"), value: fc.array(values.scalar, { minLength: 1, maxLength: 3 }) }) },
    { weight: 3, arbitrary: fc.record({ field, operator: fc.constantFrom("gte", "lte"), value: values.bound }) },
  );
}

/** One generated case: a valid definition, whether the pattern names the partner event source, and a seed for its events. */
export interface GeneratedCase {
  readonly definition: SourceDefinition;
  readonly fields: ReadonlyArray<string>;
  readonly withSource: boolean;
  readonly eventSeed: number;
}

/** Definitions with 1..3 filters of 0..4 conditions (mostly 1..4) over 2..5 shared fields; filters sometimes copy another's conditions. */
export const caseArbitrary: fc.Arbitrary<GeneratedCase> = fc
  .uniqueArray(fieldPath, { minLength: 2, maxLength: 5 })
  .chain((fields) =>
    fc.record({
      fields: fc.constant(fields),
      types: fc.shuffledSubarray(EVENT_TYPES, { minLength: 1, maxLength: 3 }),
      conditions: fc.array(
        fc.oneof({ weight: 1, arbitrary: fc.constant([]) }, { weight: 6, arbitrary: fc.array(condition(fields), { minLength: 1, maxLength: 4 }) }),
        { minLength: 3, maxLength: 3 },
      ),
      share: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
      withSource: fc.boolean(),
      eventSeed: fc.integer({ min: 1, max: 0x7fffffff }),
    }),
  )
  .map(({ fields, types, conditions, share, withSource, eventSeed }) => {
    const filters = types.map((eventType, i) => ({ eventType, conditions: i > 0 && share[i] ? conditions[0] : conditions[i] }));
    const decoded = validateDefinition({ ...BASE, filters });
    if (decoded._tag === "Left") throw new Error(`a generated definition is invalid: ${JSON.stringify(decoded.left)}`);
    return { definition: decoded.right, fields, withSource, eventSeed };
  });

const keywordSegment = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...PLAIN_SEGMENTS) },
  { weight: 2, arbitrary: fc.constantFrom(...RESERVED_SEGMENTS) },
);

function keywordFields(fields: ReadonlyArray<string>): ReadonlyArray<string> {
  const named = fields.filter((f) => f.split(".").some((s) => RESERVED_SEGMENTS.includes(s)));
  return named.length > 0 ? named : fields;
}

const keywordFieldPath = fc.array(keywordSegment, { minLength: 1, maxLength: 2 }).map((s) => s.join("."));

/**
 * Definitions whose filters share event types: 2..4 filters over 1..2
 * event types, 0..3 conditions each over 2..4 fields that are often named
 * like EventBridge matchers (`prefix`, `numeric`, `exists`, ...), some
 * filters repeating another's conditions or all of them adding one.
 */
export function sharedCaseArbitrary(values: ConditionValues = EDGE_VALUES): fc.Arbitrary<GeneratedCase> {
  return fc
    .uniqueArray(keywordFieldPath, { minLength: 2, maxLength: 4 })
    .chain((fields) =>
      fc.record({
        fields: fc.constant(fields),
        types: fc.shuffledSubarray(EVENT_TYPES, { minLength: 1, maxLength: 2 }),
        filters: fc.array(
          fc.record({
            type: fc.nat(),
            conditions: fc.oneof({ weight: 1, arbitrary: fc.constant([]) }, { weight: 6, arbitrary: fc.array(condition(fields, values), { minLength: 1, maxLength: 3 }) }),
            copy: fc.boolean(),
          }),
          { minLength: 2, maxLength: 4 },
        ),
        // A condition every filter adds, on a field named like a matcher where there is one: such fields then stand outside $or.
        common: fc.option(condition(keywordFields(fields), values), { freq: 2 }),
        withSource: fc.boolean(),
        eventSeed: fc.integer({ min: 1, max: 0x7fffffff }),
      }),
    )
    .map(({ fields, types, filters, common, withSource, eventSeed }) => {
      const list = filters.map((f, i) => ({
        eventType: types[f.type % types.length],
        conditions: [...(i > 0 && f.copy && filters[0].conditions.length > 0 ? filters[0].conditions : f.conditions), ...(common === null ? [] : [common])],
      }));
      const decoded = validateDefinition({ ...BASE, filters: list });
      if (decoded._tag === "Left") throw new Error(`a generated definition is invalid: ${JSON.stringify(decoded.left)}`);
      return { definition: decoded.right, fields, withSource, eventSeed };
    });
}

/** A small seeded generator (mulberry32): the same seed gives the same events. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BIG = "\u0000big:";

/**
 * Events in the Genesys envelope (`detail-type` the topic template, `source`
 * the partner event source, `detail.eventBody` the body) as JSON texts, for
 * a definition: mostly its own event types and source, bodies that place the
 * conditions' fields in every way EventBridge reads (nested objects, dotted
 * keys, arrays of objects, arrays of scalars, arrays in arrays, objects or
 * empty arrays where a value is expected, missing) with values near the
 * conditions' values (other spellings of the same IP address, neighbours,
 * other types) and numbers a double cannot hold.
 */
export function eventsFor(def: SourceDefinition, fields: ReadonlyArray<string>, seed: number, count: number): string[] {
  const r = random(seed);
  const pick = <T>(list: ReadonlyArray<T>): T => list[Math.floor(r() * list.length)];
  const pool = valuePool(def);
  const own = ownValues(def);
  const leafScalar = (field: string): unknown => {
    const x = r();
    if (x < 0.06) return `${BIG}${pick(UNHOLDABLE)}`;
    const mine = own.get(field);
    return mine !== undefined && x < 0.6 ? pick(mine) : pick(pool);
  };
  const leaf = (field: string): unknown => {
    const x = r();
    const one = (): unknown => leafScalar(field);
    if (x < 0.55) return one();
    if (x < 0.75) return Array.from({ length: 1 + Math.floor(r() * 3) }, one);
    if (x < 0.85) return [[one()], [one(), one()]];
    if (x < 0.92) return { value: one() };
    return x < 0.96 ? [] : {};
  };
  const node = (paths: ReadonlyArray<ReadonlyArray<string>>, prefix: string): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    const groups = new Map<string, Array<ReadonlyArray<string>>>();
    for (const p of paths) groups.set(p[0], [...(groups.get(p[0]) ?? []), p.slice(1)]);
    for (const [segment, rests] of groups) {
      if (r() < 0.08) continue;
      const here = `${prefix}${segment}`;
      const deeper = rests.filter((p) => p.length > 0);
      const ends = rests.length > deeper.length;
      let key = segment;
      let value: unknown;
      if (deeper.length === 0 || (ends && r() < 0.3)) {
        value = leaf(here);
      } else if (deeper.length === 1 && r() < 0.2) {
        key = [segment, ...deeper[0]].join(".");
        value = leaf(`${prefix}${key}`);
      } else {
        const make = (): unknown => node(deeper, `${here}.`);
        value = r() < 0.4 ? Array.from({ length: 1 + Math.floor(r() * 3) }, () => (r() < 0.2 ? [make()] : make())) : make();
      }
      Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
      if (key !== segment && r() < 0.3) Object.defineProperty(out, segment, { value: node(deeper, `${here}.`), enumerable: true, writable: true, configurable: true });
    }
    return out;
  };
  const paths = fields.map((f) => f.split("."));
  return Array.from({ length: count }, () => {
    const detailType = r() < 0.85 ? pick(def.filters).eventType : pick(["other.type", "01.2.3.4", ...EVENT_TYPES]);
    const source = r() < 0.9 ? PARTNER : "aws.partner/genesys.com/cloud/other/conformance";
    const event = {
      version: "0",
      id: "6f2a4c1e-1b7d-4c55-9a8e-000000000001",
      "detail-type": detailType,
      source,
      account: "123456789012",
      time: "2024-01-15T10:00:00Z",
      region: "us-east-1",
      resources: [],
      detail: { topicName: detailType, version: "2", eventBody: node(paths, "") },
    };
    return JSON.stringify(event).replace(/"\\u0000big:(-?\d+)"/g, "$1");
  });
}

/** Values near a condition's value: itself, neighbours, other spellings and types. */
function near(v: unknown): unknown[] {
  if (typeof v === "number") return [v, v, v + 1, v - 1, v + 0.5, -v, String(v)];
  if (typeof v === "string") return [v, v, `0${v}`, v.toUpperCase(), `${v}x`];
  return [v];
}

function conditionValues(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

/** Per field, the values near its conditions' values. */
function ownValues(def: SourceDefinition): ReadonlyMap<string, ReadonlyArray<unknown>> {
  const out = new Map<string, unknown[]>();
  for (const c of def.filters.flatMap((f) => f.conditions)) {
    out.set(c.field, [...(out.get(c.field) ?? []), ...conditionValues(c.value).flatMap(near)]);
  }
  return out;
}

function valuePool(def: SourceDefinition): ReadonlyArray<unknown> {
  const all = def.filters.flatMap((f) => f.conditions.flatMap((c) => conditionValues(c.value).flatMap(near)));
  return [...all, ...STRINGS, ...NUMBERS, true, false, null];
}
