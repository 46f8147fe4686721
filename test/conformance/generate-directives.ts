import fc from "fast-check";
import { FORMATS, SourceDefinition, validateDefinition } from "../../src/definition";
import { EVENT_TYPES, NUMBERS, PLAIN_SEGMENTS, random, STRINGS } from "./generate";

/** Field segments of sources: shared between directives so paths overlap, some with `$` and `-`, some named like object members. */
const SOURCE_SEGMENTS = [...PLAIN_SEGMENTS, "toString", "length"];

/** Parents of nested targets: never a leaf name, so targets do not collide. */
const TARGET_PARENTS = ["custom", "out.inner", "meta", "x-y"];

/** Timestamps: ISO 8601 in every shape the grammar takes, calendar and range edges, invalid ones, epoch milliseconds (fractional, negative, at and past the Date range). */
export const TIMESTAMPS: ReadonlyArray<unknown> = [
  "2024-01-15T10:00:00Z", "2024-01-15T10:00Z", "2024-01-15T10:00:00.1Z", "2024-01-15T10:00:00.123456789+05:30", "2024-01-15",
  "2024-02-29T23:59:59-18:00", "2023-02-29", "2024-13-01", "2024-04-31T00:00:00Z", "2024-01-15T24:00:00Z", "2024-01-15T10:60:00Z",
  "2024-01-15T10:00:60Z", "2024-01-15T10:00:00+18:01", "2024-01-15T10:00:00+05:99", "0000-01-01T00:00:00+01:00", "9999-12-31T23:59:59.999-14:00",
  "2024-01-15T10:00:00", "2024-1-15", " 2024-01-15", "2024-01-15T10:00:00.Z", "1900-02-29", "2000-02-29", "0000-02-29",
  1705312800000, 0, -1, -1.5, 1.9, 8.64e15, -8.64e15, 8.64e15 + 1, 1e300, 253402300800000, -62167219200001, 0.1,
];

/** Strings for case conversion, with characters whose case mapping changes length or is locale-sensitive. */
const TEXTS = ["Web", "SMS", "ß", "İstanbul", "ǅ", "ﬁ", "Σίσυφος", "", "mIxEd-123"];

/** One generated case: a valid definition and a seed for its events. */
export interface DirectiveCase {
  readonly definition: SourceDefinition;
  readonly eventSeed: number;
}

const sourcePath = fc.array(fc.constantFrom(...SOURCE_SEGMENTS), { minLength: 1, maxLength: 3 }).map((s) => s.join("."));
const restPath = fc.oneof(
  { weight: 1, arbitrary: fc.constant("") },
  { weight: 4, arbitrary: fc.array(fc.constantFrom(...SOURCE_SEGMENTS), { minLength: 1, maxLength: 2 }).map((s) => `.${s.join(".")}`) },
);
const extractPath = fc.tuple(fc.oneof(fc.constant(""), fc.integer({ min: 0, max: 3 }).map(String)), restPath).map(([n, rest]) => `[${n}]${rest}`);

const directive = fc.oneof(
  { weight: 2, arbitrary: fc.record({ sourceField: sourcePath, type: fc.constant("direct") }) },
  { weight: 3, arbitrary: fc.record({ sourceField: sourcePath, type: fc.constant("extract"), path: extractPath }) },
  { weight: 4, arbitrary: fc.record({ sourceField: sourcePath, type: fc.constant("transform"), format: fc.constantFrom(...FORMATS) }) },
);

const parent = fc.option(fc.constantFrom(...TARGET_PARENTS), { nil: undefined, freq: 2 });

/**
 * Definitions with 1..3 filters on distinct event types, 1..8 directives of
 * every type and format (`extract` with `[]` and `[N]`, with and without a
 * path inside the element), 0..3 attribute mappings, targets nested under
 * shared parents, sources that overlap. Each is validated: a generated
 * definition that does not validate fails the run.
 */
export const directiveCaseArbitrary: fc.Arbitrary<DirectiveCase> = fc
  .record({
    types: fc.shuffledSubarray(EVENT_TYPES, { minLength: 1, maxLength: 3 }),
    directives: fc.array(fc.tuple(directive, parent), { minLength: 1, maxLength: 8 }),
    mappings: fc.array(fc.tuple(sourcePath, parent), { maxLength: 3 }),
    eventSeed: fc.integer({ min: 1, max: 0x7fffffff }),
  })
  .map(({ types, directives, mappings, eventSeed }) => {
    let n = 0;
    const target = (p: string | undefined): string => `${p === undefined ? "" : `${p}.`}f${n++}`;
    const definition = {
      id: "stage-conformance",
      configuration: { awsAccountId: "123456789012", region: "us-east-1", roleArn: "arn:aws:iam::123456789012:role/genesys-eventbridge" },
      filters: types.map((eventType) => ({ eventType, conditions: [] })),
      transformations: directives.map(([d, p]) => ({ ...d, targetField: target(p) })),
      attributeMappings: mappings.map(([source, p]) => ({ source, target: target(p) })),
    };
    const decoded = validateDefinition(definition);
    if (decoded._tag === "Left") throw new Error(`a generated definition is invalid: ${JSON.stringify(decoded.left)}`);
    return { definition: decoded.right, eventSeed };
  });

/**
 * Events in the Genesys envelope (`detail-type` one of the filters' event
 * types, `detail.eventBody` the body) as JSON texts, whose bodies hold the
 * definition's sources in every shape: the value a directive expects
 * (timestamps, texts, arrays of objects of 0..4 elements), values of other
 * types, arrays where objects are expected, elements lacking the field,
 * missing fields, and now and then no body at all.
 */
export function directiveEventsFor(def: SourceDefinition, seed: number, count: number): string[] {
  const r = random(seed);
  const pick = <T>(list: ReadonlyArray<T>): T => list[Math.floor(r() * list.length)];
  const scalar = (): unknown => pick([...STRINGS, ...TEXTS, ...NUMBERS, true, false, null]);
  const any = (depth: number): unknown => {
    const x = r();
    if (depth <= 0 || x < 0.6) return scalar();
    if (x < 0.8) return Array.from({ length: Math.floor(r() * 3) }, () => any(depth - 1));
    return { [pick(SOURCE_SEGMENTS)]: any(depth - 1) };
  };
  const at = (root: Record<string, unknown>, path: ReadonlyArray<string>, value: unknown): void => {
    let node = root;
    path.slice(0, -1).forEach((segment) => {
      const next = node[segment];
      if (typeof next !== "object" || next === null || Array.isArray(next) || r() < 0.03) {
        const child: Record<string, unknown> = {};
        Object.defineProperty(node, segment, { value: child, enumerable: true, writable: true, configurable: true });
        node = child;
      } else node = next as Record<string, unknown>;
    });
    Object.defineProperty(node, path[path.length - 1], { value, enumerable: true, writable: true, configurable: true });
  };
  const element = (rest: ReadonlyArray<string>): unknown => {
    if (rest.length === 0 || r() < 0.1) return any(2);
    const e: Record<string, unknown> = {};
    if (r() < 0.9) at(e, rest, any(1));
    return r() < 0.05 ? [e] : e;
  };
  const expected = (d: SourceDefinition["transformations"][number]): unknown => {
    if (r() < 0.15) return any(2);
    if (d.type === "transform") return d.format === "iso8601" ? pick(TIMESTAMPS) : d.format === "string" ? any(1) : pick([...TEXTS, ...STRINGS]);
    if (d.type === "extract") {
      const rest = (d.path ?? "").replace(/^\[\d*\]\.?/, "");
      return Array.from({ length: Math.floor(r() * 5) }, () => element(rest === "" ? [] : rest.split(".")));
    }
    return any(2);
  };
  return Array.from({ length: count }, () => {
    const body: Record<string, unknown> = {};
    const writes: Array<[string, unknown]> = [
      ...def.transformations.map((d): [string, unknown] => [d.sourceField, expected(d)]),
      ...def.attributeMappings.map((m): [string, unknown] => [m.source, any(2)]),
    ];
    for (const [field, value] of writes) if (r() < 0.93) at(body, field.split("."), value);
    const detailType = pick(def.filters).eventType;
    const detail = r() < 0.03 ? { topicName: detailType } : { topicName: detailType, version: "2", eventBody: body };
    return JSON.stringify({ version: "0", "detail-type": detailType, source: "aws.partner/genesys.com/cloud/org/stage", account: "123456789012", region: "us-east-1", detail });
  });
}
