import fc from "fast-check";
import {
  compileEventPattern,
  EventPattern,
  matchesPattern,
  selectEvent,
  SourceDefinition,
  validateDefinition,
} from "../../src/definition";
import { caseArbitrary, eventsFor, PARTNER, PLAIN_VALUES, RESERVED_SEGMENTS, sharedCaseArbitrary } from "./generate";
import { askRuler, ensureHarness, RulerRequest } from "./ruler-harness";

const RESERVED: ReadonlySet<string> = new Set(RESERVED_SEGMENTS);
/** The reserved names the compiler never emits as matchers, so a key with such a name is a field. */
const FIELD_ONLY_RESERVED = RESERVED_SEGMENTS.filter((w) => !["numeric", "anything-but", "wildcard"].includes(w));

/*
 * Conformance of the compiled event pattern with AWS's own matcher
 * (software.amazon.event.ruler:event-ruler, through the harness that
 * scripts/ruler-harness.sh builds): for generated definitions and events in
 * the Genesys envelope, the engine must accept each compiled pattern (one
 * machine holds a definition's rules, as its bus does), the union of the
 * rules must select exactly what the definition selects (selectEvent on
 * detail.eventBody for the event's detail-type and, when the patterns name
 * it, the partner event source), where the conditions the compiler reported
 * as not expressible are left out (the patterns leave them out too), and no
 * event may match two rules (it would be delivered twice). Half of the
 * generated definitions have filters sharing event types, with fields often
 * named like EventBridge matchers. The test-only simulator (matchesPattern)
 * must name the same rules as the engine. One JVM answers every request.
 *
 * Reproduce a run with CONFORMANCE_SEED=<seed> (printed on failure);
 * CONFORMANCE_SHARED_CASES=<n> sets how many definitions share event types,
 * CONFORMANCE_SHARED_VALUES=plain gives them plain values only.
 * The run prints how many of those compile in full, into several rules, and
 * why the others leave conditions out.
 */

const SEED = Number(process.env.CONFORMANCE_SEED ?? 20240115);
const CASES = 600;
const SHARED_CASES = Number(process.env.CONFORMANCE_SHARED_CASES ?? 600);
/** `plain` limits the shared cases' condition values to plain strings and numbers (for figures on what users mostly write). */
const SHARED_VALUES = process.env.CONFORMANCE_SHARED_VALUES === "plain" ? PLAIN_VALUES : undefined;
const EVENTS_PER_CASE = 16;
const MIN_EVENT_CHECKS = 5000;

/** The definition's verdict on an event, leaving out the conditions at `left` (paths such as `filters[0].conditions[1]`). */
function definitionVerdict(def: SourceDefinition, left: ReadonlySet<string>, event: any, partner: string | undefined): boolean {
  if (partner !== undefined && event.source !== partner) return false;
  if (typeof event["detail-type"] !== "string") return false;
  const kept = def.filters.map((f, i) => ({ ...f, conditions: f.conditions.filter((_, j) => !left.has(`filters[${i}].conditions[${j}]`)) }));
  return selectEvent(kept, event["detail-type"], event.detail?.eventBody).selected;
}

interface Check {
  readonly name: string;
  readonly definition: SourceDefinition;
  readonly partner: string | undefined;
  /** One per rule. */
  readonly patterns: ReadonlyArray<string>;
  readonly left: ReadonlySet<string>;
  readonly events: ReadonlyArray<string>;
}

function check(name: string, definition: SourceDefinition, partner: string | undefined, events: ReadonlyArray<string>): Check {
  const compiled = compileEventPattern(definition, partner);
  return { name, definition, partner, patterns: compiled.jsons, left: new Set(compiled.unsupported.map((u) => u.path)), events };
}

function definitionOf(filters: ReadonlyArray<Record<string, unknown>>): SourceDefinition {
  const decoded = validateDefinition({
    id: "named-case",
    configuration: { awsAccountId: "123456789012", region: "us-east-1", roleArn: "arn:aws:iam::123456789012:role/genesys-eventbridge" },
    filters,
  });
  if (decoded._tag === "Left") throw new Error(JSON.stringify(decoded.left));
  return decoded.right;
}

function envelope(detailType: string, body: unknown): string {
  return JSON.stringify({ "detail-type": detailType, source: PARTNER, detail: { eventBody: body } });
}

/** Hand-written cases for each divergence found between the definition and AWS, kept as regression checks. */
function namedChecks(): Check[] {
  const one = (name: string, conditions: ReadonlyArray<Record<string, unknown>>, bodies: ReadonlyArray<unknown | string>): Check =>
    check(name, definitionOf([{ eventType: "v2.detail.events.conversation.{id}.customer.start", conditions }]), PARTNER, bodies.map((b) => (typeof b === "string" ? b : envelope("v2.detail.events.conversation.{id}.customer.start", b))));
  const raw = (bodyText: string): string => `{"detail-type":"v2.detail.events.conversation.{id}.customer.start","source":"${PARTNER}","detail":{"eventBody":${bodyText}}}`;
  return [
    one("arrays nested in arrays are flattened", [{ field: "tags", operator: "eq", value: "vip" }], [{ tags: [["a", ["vip"]]] }, { tags: [[["x"]]] }, { tags: [] }]),
    one("a dotted key is a path", [{ field: "a.b", operator: "eq", value: 1 }], [{ "a.b": 1 }, { a: { b: 1 } }, { a: { "b.c": 1 } }]),
    one(
      "fields of one filter match within one array element",
      [{ field: "items.sku", operator: "eq", value: "a" }, { field: "items.qty", operator: "gte", value: 2 }],
      [{ items: [{ sku: "a", qty: 2 }] }, { items: [{ sku: "a", qty: 1 }, { sku: "b", qty: 2 }] }],
    ),
    one("conditions on one field hold for one value", [{ field: "n", operator: "gte", value: 30 }, { field: "n", operator: "lte", value: 60 }], [{ n: [10, 100] }, { n: [10, 40] }]),
    one("neq on an object value", [{ field: "meta", operator: "neq", value: "x" }], [{ meta: { y: 1 } }, { meta: "y" }, { meta: null }, { meta: 5 }, {}]),
    one("an IP-shaped string is compared as text", [{ field: "ip", operator: "eq", value: "10.0.0.1" }], [{ ip: "10.0.0.1" }, { ip: "010.0.0.1" }, { ip: "10.0.0.01" }]),
    one("an IPv6-shaped string is compared as text", [{ field: "ip", operator: "in", value: ["::1", "web"] }], [{ ip: "::1" }, { ip: "0:0:0:0:0:0:0:1" }, { ip: "web" }]),
    one("numbers a double cannot hold", [{ field: "n", operator: "gte", value: 30 }], [raw('{"n":9007199254740993}'), raw('{"n":2000000000}'), raw('{"n":31}')]),
    one("negative zero is zero", [{ field: "n", operator: "eq", value: 0 }], [raw('{"n":-0.0}'), raw('{"n":-0}'), raw('{"n":0.0}'), raw('{"n":1e-300}')]),
    one("subnormal numbers meet no bound", [{ field: "n", operator: "lte", value: 30 }], [raw('{"n":5e-324}'), raw('{"n":2.2250738585072014e-308}'), raw('{"n":0}')]),
    one("an empty array and an object hold no value", [{ field: "x", operator: "neq", value: 1 }], [{ x: [] }, { x: {} }, { x: [[], {}] }, { x: [[], 2] }]),
    one("an exact integer beyond 2^53 is reported", [{ field: "n", operator: "eq", value: 2 ** 53 }], [raw('{"n":9007199254740993}'), raw('{"n":9007199254740992}')]),
    one("a field named $or is reported", [{ field: "q.$or", operator: "eq", value: "x" }], [{ q: { $or: "x" } }, { q: { $or: "y" } }]),
    check(
      "Ruler keywords as field names that would stand inside $or make one rule per event type",
      definitionOf([
        { eventType: "v2.detail.events.conversation.{id}.customer.start", conditions: [{ field: "prefix", operator: "eq", value: "x" }] },
        { eventType: "v2.detail.events.conversation.{id}.user.end", conditions: [{ field: "exists.numeric", operator: "neq", value: 0 }] },
      ]),
      PARTNER,
      [envelope("v2.detail.events.conversation.{id}.customer.start", { prefix: "x" }), envelope("v2.detail.events.conversation.{id}.customer.start", { prefix: "y" }), envelope("v2.detail.events.conversation.{id}.user.end", { exists: { numeric: 0 } })],
    ),
    one("Ruler keywords as field names outside $or are kept", [{ field: "prefix.suffix", operator: "eq", value: "x" }], [{ prefix: { suffix: "x" } }, { prefix: { suffix: "y" } }]),
    check(
      "filters on one event type are alternatives",
      definitionOf([
        { eventType: "v2.detail.events.conversation.{id}.user.end", conditions: [{ field: "duration", operator: "gte", value: 60 }] },
        { eventType: "v2.detail.events.conversation.{id}.user.end", conditions: [{ field: "queue", operator: "eq", value: "Support" }] },
      ]),
      PARTNER,
      [{ duration: 90 }, { queue: "Support" }, { duration: 90, queue: "Support" }, { duration: 10, queue: "Sales" }, { duration: [10, 90] }].map((b) => envelope("v2.detail.events.conversation.{id}.user.end", b)),
    ),
    check(
      "Ruler keywords matched alike by filters sharing an event type stand outside $or",
      definitionOf([
        { eventType: "v2.detail.events.conversation.{id}.user.end", conditions: [{ field: "prefix", operator: "eq", value: "sip" }, { field: "queue", operator: "eq", value: "Support" }] },
        { eventType: "v2.detail.events.conversation.{id}.user.end", conditions: [{ field: "prefix", operator: "eq", value: "sip" }, { field: "duration", operator: "gte", value: 60 }] },
        { eventType: "v2.detail.events.conversation.{id}.customer.start", conditions: [{ field: "numeric.exists", operator: "neq", value: "x" }] },
      ]),
      PARTNER,
      [
        envelope("v2.detail.events.conversation.{id}.user.end", { prefix: "sip", queue: "Support", duration: 90 }),
        envelope("v2.detail.events.conversation.{id}.user.end", { prefix: "sip", duration: 90 }),
        envelope("v2.detail.events.conversation.{id}.user.end", { prefix: "tel", queue: "Support" }),
        envelope("v2.detail.events.conversation.{id}.customer.start", { numeric: { exists: "y" }, prefix: "sip", queue: "Support" }),
      ],
    ),
    check(
      "filters on one event type sharing a value of one field are one matcher array (event-ruler loses values an $or alternative shares)",
      definitionOf([
        { eventType: "v2.detail.events.conversation.{id}.user.end", conditions: [{ field: "s", operator: "in", value: ["a"] }] },
        { eventType: "v2.detail.events.conversation.{id}.user.end", conditions: [{ field: "s", operator: "in", value: ["a", "web"] }] },
        { eventType: "v2.detail.events.conversation.{id}.user.end", conditions: [{ field: "s", operator: "eq", value: -0.5 }, { field: "t", operator: "eq", value: 1 }] },
        { eventType: "v2.detail.events.conversation.{id}.user.end", conditions: [{ field: "s", operator: "in", value: ["b", -0.5] }, { field: "t", operator: "eq", value: 1 }] },
      ]),
      PARTNER,
      [{ s: "web" }, { s: "a" }, { s: "b" }, { s: "b", t: 1 }, { s: -0.5, t: 1 }, { s: -0.5 }].map((b) => envelope("v2.detail.events.conversation.{id}.user.end", b)),
    ),
    check(
      "Ruler keywords inside the $or of filters sharing an event type are reported",
      definitionOf([
        { eventType: "v2.detail.events.conversation.{id}.user.end", conditions: [{ field: "prefix", operator: "eq", value: "sip" }] },
        { eventType: "v2.detail.events.conversation.{id}.user.end", conditions: [{ field: "queue", operator: "eq", value: "Support" }] },
      ]),
      PARTNER,
      [envelope("v2.detail.events.conversation.{id}.user.end", { prefix: "sip", queue: "Support" }), envelope("v2.detail.events.conversation.{id}.user.end", { prefix: "tel" })],
    ),
  ];
}

function generatedChecks(): Check[] {
  return [
    ...fc.sample(caseArbitrary, { seed: SEED, numRuns: CASES }).map((c, i) =>
      check(`case ${i}`, c.definition, c.withSource ? PARTNER : undefined, eventsFor(c.definition, c.fields, c.eventSeed, EVENTS_PER_CASE)),
    ),
    ...fc.sample(sharedCaseArbitrary(SHARED_VALUES), { seed: SEED + 1, numRuns: SHARED_CASES }).map((c, i) =>
      check(`shared case ${i}`, c.definition, c.withSource ? PARTNER : undefined, eventsFor(c.definition, c.fields, c.eventSeed, EVENTS_PER_CASE)),
    ),
  ];
}

const unavailable = ensureHarness();
if (unavailable !== undefined && process.env.CI === "true") {
  test("the event-ruler harness is available (required under CI=true)", () => {
    throw new Error(`${unavailable}; install Java 17+ and Maven, then run scripts/ruler-harness.sh`);
  });
}
const suite = unavailable === undefined ? describe : describe.skip;
if (unavailable !== undefined && process.env.CI !== "true") {
  console.warn(`conformance suite skipped: ${unavailable}`);
}

suite(`compiled event patterns against AWS's event-ruler (seed ${SEED})`, () => {
  const checks = [...namedChecks(), ...generatedChecks()];
  const requests: RulerRequest[] = checks.map((c) => ({ patterns: c.patterns, events: c.events }));
  let answers: ReturnType<typeof askRuler> = [];

  beforeAll(() => {
    answers = askRuler(requests);
  }, 60000);

  it(`accepts every compiled pattern, its rules select what the definition selects, no event matches two rules, on at least ${MIN_EVENT_CHECKS} events`, () => {
    const refused: string[] = [];
    const disagreements: string[] = [];
    let eventChecks = 0;
    let matched = 0;
    let matchedWithConditions = 0;
    let twice = 0;
    checks.forEach((c, i) => {
      const answer = answers[i];
      if (!answer.accepted) {
        refused.push(`${c.name}: ${answer.error.split("\n")[0]}\n  patterns ${c.patterns.join(" ")}\n  filters ${JSON.stringify(c.definition.filters)}`);
        return;
      }
      const patterns = c.patterns.map((p) => JSON.parse(p) as EventPattern);
      c.events.forEach((text, k) => {
        eventChecks++;
        const event = JSON.parse(text);
        const aws = answer.verdicts[k];
        const ours = definitionVerdict(c.definition, c.left, event, c.partner);
        const simulated = patterns.flatMap((p, r) => (matchesPattern(p, event) ? [r] : []));
        const selected = aws !== null && aws.length > 0;
        if (aws !== null && aws.length > 1) twice++;
        if (selected) {
          matched++;
          if (c.definition.filters.some((f, i) => f.eventType === event["detail-type"] && f.conditions.some((_, j) => !c.left.has(`filters[${i}].conditions[${j}]`)))) {
            matchedWithConditions++;
          }
        }
        if (aws === null || selected !== ours || aws.length > 1 || JSON.stringify(aws) !== JSON.stringify(simulated)) {
          disagreements.push(
            `${c.name}, event ${k}: event-ruler rules ${JSON.stringify(aws)}, definition ${ours}, simulator rules ${JSON.stringify(simulated)}\n  patterns ${c.patterns.join(" ")}\n  left out ${JSON.stringify([...c.left])}\n  filters ${JSON.stringify(c.definition.filters)}\n  event ${text}`,
          );
        }
      });
    });
    const rules = checks.reduce((n, c) => n + c.patterns.length, 0);
    console.log(
      `conformance: ${checks.length} definitions (${checks.filter((c) => c.patterns.length > 1).length} with several rules), ${rules} rules, ` +
        `${eventChecks} event checks (${matched} matched, ${matchedWithConditions} of them through conditions), ` +
        `${refused.length} refused, ${twice} matched by two rules, ${disagreements.length} disagreements (seed ${SEED})`,
    );
    const shared = checks.filter((c) => c.name.startsWith("shared case "));
    const keyword = (c: Check): boolean => compileEventPattern(c.definition, c.partner).unsupported.some((u) => u.reason.includes("refuses inside $or"));
    const keywordRefused = shared.filter(keyword).length;
    const full = shared.filter((c) => c.left.size === 0).length;
    const sharing = shared.filter((c) => new Set(c.definition.filters.map((f) => f.eventType)).size < c.definition.filters.length).length;
    console.log(
      `shared event types: ${shared.length} definitions (${sharing} with filters sharing an event type), ${full} compile in full (${shared.filter((c) => c.left.size === 0 && c.patterns.length > 1).length} of them into several rules), ` +
        `${keywordRefused} leave out a condition on a field named like a matcher inside the $or of filters sharing an event type, ` +
        `${shared.length - full - keywordRefused} leave out only conditions a pattern cannot express for one filter either; ` +
        `of the ${checks.filter((c) => c.name.startsWith("case ")).length} with one filter per event type, ` +
        `${checks.filter((c) => c.name.startsWith("case ") && c.patterns.length > 1).length} have one rule per event type (fields named like matchers that $or would hold)`,
    );
    expect({ refused: refused.slice(0, 5), disagreements: disagreements.slice(0, 5), counts: [refused.length, twice, disagreements.length] }).toEqual({
      refused: [],
      disagreements: [],
      counts: [0, 0, 0],
    });
    expect(eventChecks).toBeGreaterThanOrEqual(MIN_EVENT_CHECKS);
  });

  it("the generated definitions reach every operator, reserved field names, $or, $or as a field, shared event types and several rules", () => {
    const generated = checks.filter((c) => c.name.includes("case "));
    const conditions = generated.flatMap((c) => c.definition.filters.flatMap((f) => f.conditions));
    const operators = new Set(conditions.map((c) => c.operator));
    const segments = new Set(conditions.flatMap((c) => c.field.split(".")));
    const sharing = generated.filter((c) => new Set(c.definition.filters.map((f) => f.eventType)).size < c.definition.filters.length);
    expect({
      operators: [...operators].sort(),
      reserved: ["prefix", "exists", "numeric", "wildcard", "cidr", "anything-but", "equals-ignore-case"].every((s) => segments.has(s)),
      orField: segments.has("$or"),
      orPatterns: generated.filter((c) => c.patterns.some((p) => p.includes('"$or":[{'))).length > 20,
      reported: generated.filter((c) => c.left.size > 0).length > 20,
      sharedTypes: sharing.length > SHARED_CASES / 3,
      sharedWithKeywords: sharing.filter((c) => c.definition.filters.some((f) => f.conditions.some((k) => k.field.split(".").some((s) => RESERVED.has(s))))).length > SHARED_CASES / 6,
      severalRules: generated.filter((c) => c.patterns.length > 1).length > 20,
      // Plain values (figures only) rarely leave a field named like a matcher common to filters that need $or.
      keywordsOutsideOr:
        SHARED_VALUES !== undefined ||
        generated.filter((c) => c.patterns.some((p) => p.includes('"$or":[{') && FIELD_ONLY_RESERVED.some((w) => p.includes(`"${w}":`)))).length >= Math.max(1, Math.floor(SHARED_CASES / 300)),
    }).toEqual({
      operators: ["eq", "gte", "in", "lte", "neq"],
      reserved: true,
      orField: true,
      orPatterns: true,
      reported: true,
      sharedTypes: true,
      sharedWithKeywords: true,
      severalRules: true,
      keywordsOutsideOr: true,
    });
  });
});
