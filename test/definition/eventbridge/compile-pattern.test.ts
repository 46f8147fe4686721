import {
  compileEventPattern,
  Condition,
  EventPattern,
  matchesPattern,
  projectSamples,
  SampleEvent,
  SourceDefinition,
} from "../../../src/definition";
import { envelope, PARTNER_SOURCE } from "./envelope";
import { createdSample as created, definition, summarySample as summary, withEvent } from "../fixtures";

/** A definition with one filter on `v2.detail.events.conversation.{id}.customer.start` holding these conditions. */
function oneFilter(conditions: ReadonlyArray<Partial<Condition>>): SourceDefinition {
  return definition((d) => {
    d.filters = [{ eventType: "v2.detail.events.conversation.{id}.customer.start", conditions }];
  });
}

/** What compileEventPattern returns for one rule with this pattern. */
function onePattern(pattern: unknown, unsupported: ReadonlyArray<unknown>): unknown {
  const json = JSON.stringify(pattern);
  return { patterns: [pattern], jsons: [json], pattern, json, unsupported };
}

describe("compileEventPattern", () => {
  it("puts filters whose conditions differ under $or, conditions nested under detail.eventBody", () => {
    const result = compileEventPattern(definition(), PARTNER_SOURCE);
    const pattern = {
      source: [PARTNER_SOURCE],
      $or: [
        {
          "detail-type": ["v2.detail.events.conversation.{id}.customer.start"],
          detail: { eventBody: { metadata: { routingStatus: ["queued", "contact"], source: ["web"] } } },
        },
        {
          "detail-type": ["v2.detail.events.conversation.{id}.customer.end"],
          detail: { eventBody: { metrics: { duration: [{ numeric: [">=", 30, "<=", 1e9] }] } } },
        },
      ],
    };
    expect(result).toEqual(onePattern(pattern, []));
  });

  const expressible: ReadonlyArray<[string, ReadonlyArray<Partial<Condition>>, EventPattern]> = [
    ["eq on a string is an exact value", [{ field: "metadata.source", operator: "eq", value: "web" }], { metadata: { source: ["web"] } }],
    ["eq on a number is an exact number", [{ field: "metrics.duration", operator: "eq", value: 30 }], { metrics: { duration: [30] } }],
    ["eq on a boolean is an exact boolean", [{ field: "flags.vip", operator: "eq", value: true }], { flags: { vip: [true] } }],
    ["eq on null matches null", [{ field: "wrapup", operator: "eq", value: null }], { wrapup: [null] }],
    ["neq on a string is anything-but", [{ field: "metadata.source", operator: "neq", value: "web" }], { metadata: { source: [{ "anything-but": "web" }] } }],
    ["neq on a number is anything-but", [{ field: "metrics.duration", operator: "neq", value: 0 }], { metrics: { duration: [{ "anything-but": 0 }] } }],
    ["in is the list of values", [{ field: "metadata.routingStatus", operator: "in", value: ["queued", "contact"] }], { metadata: { routingStatus: ["queued", "contact"] } }],
    [
      "gte on a number is a numeric lower bound, closed at 1e9 (numbers beyond never compare)",
      [{ field: "metrics.duration", operator: "gte", value: 30 }],
      { metrics: { duration: [{ numeric: [">=", 30, "<=", 1e9] }] } },
    ],
    [
      "lte on a number is a numeric upper bound, closed at -1e9",
      [{ field: "metrics.duration", operator: "lte", value: 600.5 }],
      { metrics: { duration: [{ numeric: [">=", -1e9, "<=", 600.5] }] } },
    ],
    [
      "gte and lte on one field are one range (both must hold)",
      [{ field: "metrics.duration", operator: "lte", value: 600 }, { field: "metrics.duration", operator: "gte", value: 30 }],
      { metrics: { duration: [{ numeric: [">=", 30, "<=", 600] }] } },
    ],
    [
      "the tighter of two lower bounds wins",
      [{ field: "metrics.duration", operator: "gte", value: 30 }, { field: "metrics.duration", operator: "gte", value: 60 }],
      { metrics: { duration: [{ numeric: [">=", 60, "<=", 1e9] }] } },
    ],
    [
      "two neq on one field are one anything-but list",
      [{ field: "metadata.source", operator: "neq", value: "web" }, { field: "metadata.source", operator: "neq", value: "sms" }],
      { metadata: { source: [{ "anything-but": ["web", "sms"] }] } },
    ],
    [
      "eq and in on one field keep the values both allow",
      [{ field: "metadata.source", operator: "in", value: ["web", "sms"] }, { field: "metadata.source", operator: "eq", value: "sms" }],
      { metadata: { source: ["sms"] } },
    ],
    [
      "in with neq keeps the values neq does not exclude",
      [{ field: "metadata.source", operator: "in", value: ["web", "sms", "voice"] }, { field: "metadata.source", operator: "neq", value: "sms" }],
      { metadata: { source: ["web", "voice"] } },
    ],
    [
      "in with a numeric range keeps the numbers inside it",
      [{ field: "metrics.duration", operator: "in", value: [10, 30, 90, "30"] }, { field: "metrics.duration", operator: "gte", value: 30 }],
      { metrics: { duration: [30, 90] } },
    ],
    [
      "a string exclusion outside a numeric range is already implied",
      [{ field: "metrics.duration", operator: "gte", value: 30 }, { field: "metrics.duration", operator: "neq", value: "n/a" }],
      { metrics: { duration: [{ numeric: [">=", 30, "<=", 1e9] }] } },
    ],
    [
      "a bound beyond 1e9 is the limit itself",
      [{ field: "metrics.bytes", operator: "lte", value: 2e9 }],
      { metrics: { bytes: [{ numeric: [">=", -1e9, "<=", 1e9] }] } },
    ],
    [
      "an exact string shaped like an IP address is a wildcard without a star (compared as text)",
      [{ field: "client.ip", operator: "in", value: ["10.0.0.1", "::1", "web"] }],
      { client: { ip: [{ wildcard: "10.0.0.1" }, { wildcard: "::1" }, "web"] } },
    ],
    [
      "fields nest along their dotted paths, keys sorted",
      [{ field: "participants.agent.team", operator: "eq", value: "blue" }, { field: "participants.agent.queue", operator: "eq", value: "sales" }],
      { participants: { agent: { queue: ["sales"], team: ["blue"] } } },
    ],
  ];

  it.each(expressible)("%s", (_name, conditions, body) => {
    const pattern = { source: [PARTNER_SOURCE], "detail-type": ["v2.detail.events.conversation.{id}.customer.start"], detail: { eventBody: body } };
    expect(compileEventPattern(oneFilter(conditions), PARTNER_SOURCE)).toEqual(onePattern(pattern, []));
  });

  const notExpressible: ReadonlyArray<[string, ReadonlyArray<Partial<Condition>>, EventPattern | undefined, ReadonlyArray<{ path: string; reason: string }>]> = [
    [
      "gte on an ISO timestamp (numeric matching needs numbers)",
      [{ field: "metadata.source", operator: "eq", value: "web" }, { field: "metadata.timestamp", operator: "gte", value: "2024-01-15T00:00:00Z" }],
      { metadata: { source: ["web"] } },
      [{
        path: "filters[0].conditions[1]",
        reason: 'gte with the timestamp "2024-01-15T00:00:00Z" cannot be expressed: EventBridge numeric matching compares JSON numbers only, and string matchers have no ordering',
      }],
    ],
    [
      "lte on an ISO date",
      [{ field: "metadata.timestamp", operator: "lte", value: "2024-01-15" }],
      undefined,
      [{
        path: "filters[0].conditions[0]",
        reason: 'lte with the timestamp "2024-01-15" cannot be expressed: EventBridge numeric matching compares JSON numbers only, and string matchers have no ordering',
      }],
    ],
    [
      "neq on a boolean (anything-but takes strings and numbers)",
      [{ field: "flags.vip", operator: "neq", value: true }],
      undefined,
      [{ path: "filters[0].conditions[0]", reason: "neq true cannot be expressed: EventBridge anything-but matching takes strings and numbers only" }],
    ],
    [
      "neq on null",
      [{ field: "wrapup", operator: "neq", value: null }],
      undefined,
      [{ path: "filters[0].conditions[0]", reason: "neq null cannot be expressed: EventBridge anything-but matching takes strings and numbers only" }],
    ],
    [
      "a lower bound beyond 1e9 (numbers are compared up to 1e9 only)",
      [{ field: "metrics.bytes", operator: "gte", value: 2e9 }],
      undefined,
      [{
        path: "filters[0].conditions[0]",
        reason: "no value of metrics.bytes meets every condition on it in this filter, so the filter can never match; an event pattern cannot match nothing",
      }],
    ],
    [
      "an exact integer a double cannot hold unambiguously",
      [{ field: "account.number", operator: "eq", value: 2 ** 53 }],
      undefined,
      [{
        path: "filters[0].conditions[0]",
        reason:
          "eq 9007199254740992 cannot be matched exactly: beyond 2^53 - 1 a double does not hold every integer, so an event's integer can differ from the double it reads as, and EventBridge then compares the number's text",
      }],
    ],
    [
      "a subnormal number",
      [{ field: "metrics.tiny", operator: "neq", value: 5e-324 }],
      undefined,
      [{ path: "filters[0].conditions[0]", reason: "neq 5e-324 is too close to zero for EventBridge to compare (a subnormal double)" }],
    ],
    [
      "a field named $or",
      [{ field: "query.$or", operator: "eq", value: "x" }, { field: "metadata.source", operator: "eq", value: "web" }],
      { metadata: { source: ["web"] } },
      [{
        path: "filters[0].conditions[0]",
        reason: "query.$or has a key named $or, which EventBridge reads as its alternatives operator in a pattern; no pattern can name such a field",
      }],
    ],
    [
      "a bound finer than six decimals",
      [{ field: "metrics.ratio", operator: "lte", value: 0.1234567 }],
      undefined,
      [{ path: "filters[0].conditions[0]", reason: "lte 0.1234567 has more than 6 digits right of the decimal point, beyond EventBridge numeric matching precision" }],
    ],
    [
      "a numeric exclusion inside a numeric range",
      [{ field: "metrics.duration", operator: "gte", value: 30 }, { field: "metrics.duration", operator: "neq", value: 45 }],
      { metrics: { duration: [{ numeric: [">=", 30, "<=", 1e9] }] } },
      [{ path: "filters[0].conditions[1]", reason: "EventBridge cannot combine anything-but 45 with a numeric range on metrics.duration in one matcher array (its elements are alternatives)" }],
    ],
    [
      "string and number exclusions on one field",
      [{ field: "metadata.source", operator: "neq", value: "web" }, { field: "metadata.source", operator: "neq", value: 7 }],
      { metadata: { source: [{ "anything-but": "web" }] } },
      [{ path: "filters[0].conditions[1]", reason: "neq 7 cannot join the string exclusions: an anything-but list holds only strings or only numbers" }],
    ],
    [
      "conditions no value can meet",
      [{ field: "metadata.source", operator: "eq", value: "web" }, { field: "metadata.source", operator: "neq", value: "web" }],
      undefined,
      [0, 1].map((j) => ({
        path: `filters[0].conditions[${j}]`,
        reason: "no value of metadata.source meets every condition on it in this filter, so the filter can never match; an event pattern cannot match nothing",
      })),
    ],
    [
      "a field inside another field matched as a value",
      [{ field: "metadata", operator: "eq", value: "web" }, { field: "metadata.source", operator: "eq", value: "web" }],
      { metadata: ["web"] },
      [{
        path: "filters[0].conditions[1]",
        reason: "metadata.source lies inside a field another condition of this filter matches as a value; a pattern field is either a value or an object",
      }],
    ],
  ];

  it.each(notExpressible)("reports what it cannot express and leaves it out: %s", (_name, conditions, body, unsupported) => {
    const pattern = body === undefined
      ? { source: [PARTNER_SOURCE], "detail-type": ["v2.detail.events.conversation.{id}.customer.start"] }
      : { source: [PARTNER_SOURCE], "detail-type": ["v2.detail.events.conversation.{id}.customer.start"], detail: { eventBody: body } };
    expect(compileEventPattern(oneFilter(conditions), PARTNER_SOURCE)).toEqual(onePattern(pattern, unsupported));
  });

  it("lists event types of filters with the same conditions together, without $or", () => {
    const def = definition((d) => {
      d.filters = [
        { eventType: "v2.users.{id}.presence" },
        { eventType: "v2.audits.entitytype.{id}.entityid.{id}" },
      ];
    });
    const pattern = { source: [PARTNER_SOURCE], "detail-type": ["v2.audits.entitytype.{id}.entityid.{id}", "v2.users.{id}.presence"] };
    expect(compileEventPattern(def, PARTNER_SOURCE)).toEqual(onePattern(pattern, []));
  });

  it("leaves source out when no partner event source is given", () => {
    const def = definition((d) => (d.filters = [{ eventType: "v2.users.{id}.presence" }]));
    expect(compileEventPattern(def)).toEqual(onePattern({ "detail-type": ["v2.users.{id}.presence"] }, []));
  });

  it("matches an event type shaped like an IP address as text", () => {
    const def = definition((d) => (d.filters = [{ eventType: "1.2.3.4" }]));
    expect(compileEventPattern(def).patterns[0]).toEqual({ "detail-type": [{ wildcard: "1.2.3.4" }] });
  });

  it("keeps fields named like EventBridge matchers when the pattern needs no $or", () => {
    const def = definition((d) => {
      d.filters = [{ eventType: "v2.detail.events.conversation.{id}.customer.start", conditions: [{ field: "prefix.exists", operator: "eq", value: "x" }] }];
    });
    expect(compileEventPattern(def)).toEqual(onePattern({ "detail-type": ["v2.detail.events.conversation.{id}.customer.start"], detail: { eventBody: { prefix: { exists: ["x"] } } } }, []));
  });

  it("compiles filters that share an event type into $or alternatives of one rule", () => {
    const def = definition((d) => {
      d.filters = [
        { eventType: "v2.detail.events.conversation.{id}.user.end", conditions: [{ field: "queue", operator: "eq", value: "Support" }] },
        { eventType: "v2.detail.events.conversation.{id}.user.end", conditions: [{ field: "duration", operator: "gte", value: 60 }] },
      ];
    });
    const pattern = {
      $or: [
        { "detail-type": ["v2.detail.events.conversation.{id}.user.end"], detail: { eventBody: { duration: [{ numeric: [">=", 60, "<=", 1e9] }] } } },
        { "detail-type": ["v2.detail.events.conversation.{id}.user.end"], detail: { eventBody: { queue: ["Support"] } } },
      ],
    };
    expect(compileEventPattern(def)).toEqual(onePattern(pattern, []));
  });

  it("joins the matchers of filters on one event type that differ in one field only", () => {
    const def = definition((d) => {
      d.filters = [
        { eventType: "v2.detail.events.conversation.{id}.user.end", conditions: [{ field: "s", operator: "in", value: ["a"] }] },
        { eventType: "v2.detail.events.conversation.{id}.user.end", conditions: [{ field: "s", operator: "in", value: ["a", "web"] }] },
        { eventType: "v2.detail.events.conversation.{id}.customer.start", conditions: [{ field: "s", operator: "eq", value: "a" }] },
      ];
    });
    const pattern = {
      $or: [
        { "detail-type": ["v2.detail.events.conversation.{id}.user.end"], detail: { eventBody: { s: ["a", "web"] } } },
        { "detail-type": ["v2.detail.events.conversation.{id}.customer.start"], detail: { eventBody: { s: ["a"] } } },
      ],
    };
    expect(compileEventPattern(def)).toEqual(onePattern(pattern, []));
  });

  it("keeps only the filter that selects everything another of its event type selects, even with a field named like a matcher", () => {
    const def = definition((d) => {
      d.filters = [
        { eventType: "v2.detail.events.conversation.{id}.user.end", conditions: [{ field: "s", operator: "eq", value: 1 }, { field: "prefix", operator: "eq", value: "x" }] },
        { eventType: "v2.detail.events.conversation.{id}.user.end", conditions: [{ field: "s", operator: "in", value: [1, 2] }] },
      ];
    });
    expect(compileEventPattern(def)).toEqual(onePattern({ "detail-type": ["v2.detail.events.conversation.{id}.user.end"], detail: { eventBody: { s: [1, 2] } } }, []));
  });

  it("lists an event type once when filters sharing it have the same conditions", () => {
    const def = definition((d) => {
      d.filters = [{ eventType: "v2.detail.events.conversation.{id}.user.end" }, { eventType: "v2.detail.events.conversation.{id}.user.end" }];
    });
    expect(compileEventPattern(def)).toEqual(onePattern({ "detail-type": ["v2.detail.events.conversation.{id}.user.end"] }, []));
  });

  it("makes one rule per event type when fields named like EventBridge matchers would stand inside $or", () => {
    const def = definition((d) => {
      d.filters = [
        { eventType: "v2.detail.events.conversation.{id}.customer.start", conditions: [{ field: "prefix", operator: "eq", value: "x" }, { field: "status", operator: "eq", value: "open" }] },
        { eventType: "v2.detail.events.conversation.{id}.user.end", conditions: [{ field: "attributes.numeric", operator: "gte", value: 1 }] },
      ];
    });
    const created = { "detail-type": ["v2.detail.events.conversation.{id}.customer.start"], detail: { eventBody: { prefix: ["x"], status: ["open"] } } };
    const ended = { "detail-type": ["v2.detail.events.conversation.{id}.user.end"], detail: { eventBody: { attributes: { numeric: [{ numeric: [">=", 1, "<=", 1e9] }] } } } };
    expect(compileEventPattern(def)).toEqual({ patterns: [ended, created], jsons: [JSON.stringify(ended), JSON.stringify(created)], unsupported: [] });
  });

  it("keeps filters sharing an event type in one rule, lifting the fields they match alike out of $or", () => {
    const def = definition((d) => {
      d.filters = [
        { eventType: "v2.detail.events.conversation.{id}.user.end", conditions: [{ field: "prefix", operator: "eq", value: "sip" }, { field: "queue", operator: "eq", value: "Support" }] },
        { eventType: "v2.detail.events.conversation.{id}.user.end", conditions: [{ field: "duration", operator: "gte", value: 60 }, { field: "prefix", operator: "eq", value: "sip" }] },
        { eventType: "v2.detail.events.conversation.{id}.customer.start", conditions: [{ field: "exists", operator: "eq", value: true }] },
      ];
    });
    const ended = {
      "detail-type": ["v2.detail.events.conversation.{id}.user.end"],
      detail: { eventBody: { prefix: ["sip"] } },
      $or: [{ detail: { eventBody: { duration: [{ numeric: [">=", 60, "<=", 1e9] }] } } }, { detail: { eventBody: { queue: ["Support"] } } }],
    };
    const created = { "detail-type": ["v2.detail.events.conversation.{id}.customer.start"], detail: { eventBody: { exists: [true] } } };
    const result = compileEventPattern(def);
    expect([result.patterns, result.unsupported]).toEqual([[ended, created], []]);
    const event = (type: string, body: unknown): unknown => ({ "detail-type": type, detail: { eventBody: body } });
    const verdicts = (e: unknown): boolean[] => result.patterns.map((p) => matchesPattern(p, e));
    expect([
      verdicts(event("v2.detail.events.conversation.{id}.user.end", { prefix: "sip", queue: "Support" })),
      verdicts(event("v2.detail.events.conversation.{id}.user.end", { prefix: "sip", duration: 90 })),
      verdicts(event("v2.detail.events.conversation.{id}.user.end", { prefix: "tel", duration: 90 })),
      verdicts(event("v2.detail.events.conversation.{id}.customer.start", { exists: true, prefix: "sip", queue: "Support" })),
    ]).toEqual([[true, false], [true, false], [false, false], [false, true]]);
  });

  it("refuses, naming both filters, a field named like a matcher inside the $or of filters sharing an event type", () => {
    const def = definition((d) => {
      d.filters = [
        { eventType: "v2.detail.events.conversation.{id}.customer.start", conditions: [{ field: "prefix", operator: "eq", value: "x" }] },
        { eventType: "v2.detail.events.conversation.{id}.customer.start", conditions: [{ field: "status", operator: "eq", value: "open" }] },
      ];
    });
    const result = compileEventPattern(def);
    expect(result.unsupported).toEqual([
      {
        path: "filters[0].conditions[0]",
        reason:
          'prefix has a key named prefix, which EventBridge refuses inside $or; filters[0] and filters[1] share the event type "v2.detail.events.conversation.{id}.customer.start" and differ in their conditions, ' +
          "so they need $or in one rule, and one rule each would deliver an event both select twice (no rule can exclude exactly what another selects when a field may hold an array)",
      },
    ]);
    expect(result.jsons.every((j) => !j.includes("prefix"))).toBe(true);
  });

  it("gives the same JSON whatever the order of filters and conditions", () => {
    const reordered = definition((d) => {
      d.filters = [...d.filters].reverse();
      d.filters[1].conditions = [...d.filters[1].conditions].reverse();
    });
    expect(compileEventPattern(reordered, PARTNER_SOURCE).jsons[0]).toBe(compileEventPattern(definition(), PARTNER_SOURCE).jsons[0]);
  });

  it("reports a pattern longer than the size limit for the whole definition", () => {
    const def = definition((d) => {
      d.filters = Array.from({ length: 20 }, (_, i) => ({
        eventType: `v2.detail.events.conversation.{id}.step${i}`,
        conditions: [{ field: "metadata.source", operator: "eq", value: `channel-${i}` }],
      }));
    });
    const result = compileEventPattern(def, PARTNER_SOURCE);
    expect(result.unsupported).toEqual([
      { path: "", reason: `the event pattern is ${result.jsons[0].length} characters; EventBridge accepts at most 2048 (2048 by default, up to 4096 with a quota increase)` },
    ]);
    expect(result.jsons[0].length).toBeGreaterThan(2048);
    expect(compileEventPattern(def, PARTNER_SOURCE, { maxChars: 4096 }).unsupported).toEqual([]);
  });
});

describe("the compiled pattern against events as EventBridge delivers them", () => {
  const def = definition();
  const pattern = compileEventPattern(def, PARTNER_SOURCE).patterns[0];
  const variants: ReadonlyArray<[string, SampleEvent, string]> = [
    ["the conversation sample", created, "v2.detail.events.conversation.{id}.customer.start"],
    ["the summary sample", summary, "v2.detail.events.conversation.{id}.customer.end"],
    ["a conversation from another channel", withEvent(created, (e) => (e.metadata.source = "sms")), "v2.detail.events.conversation.{id}.customer.start"],
    ["a conversation in another routing status", withEvent(created, (e) => (e.metadata.routingStatus = "wrapup")), "v2.detail.events.conversation.{id}.customer.start"],
    ["a conversation without metadata.source", withEvent(created, (e) => delete e.metadata.source), "v2.detail.events.conversation.{id}.customer.start"],
    ["a short summary", withEvent(summary, (e) => (e.metrics.duration = 29)), "v2.detail.events.conversation.{id}.customer.end"],
    ["a summary exactly at the bound", withEvent(summary, (e) => (e.metrics.duration = 30)), "v2.detail.events.conversation.{id}.customer.end"],
    ["a summary whose duration is text", withEvent(summary, (e) => (e.metrics.duration = "330")), "v2.detail.events.conversation.{id}.customer.end"],
  ];

  it.each(variants)("matches exactly when projectSamples says the filter holds: %s", (_name, sample, detailType) => {
    const projection = projectSamples(def, [sample]);
    if (projection._tag === "Left") throw new Error(JSON.stringify(projection.left));
    expect(matchesPattern(pattern, envelope(sample, detailType))).toBe(projection.right[0].matched);
  });

  it("matches nothing from another partner event source or event type", () => {
    expect([
      matchesPattern(pattern, envelope(created, "v2.detail.events.conversation.{id}.customer.start", "aws.partner/genesys.com/cloud/other/genesys-prod-01")),
      matchesPattern(pattern, envelope(created, "v2.detail.events.conversation.{id}.user.end")),
      matchesPattern(pattern, envelope(created, "v2.detail.events.conversation.{id}.customer.end")),
    ]).toEqual([false, false, false]);
  });

  it("matches the fields of a filter within one array element, as EventBridge does", () => {
    const def2 = definition((d) => {
      d.filters = [{ eventType: "v2.detail.events.conversation.{id}.customer.start", conditions: [{ field: "items.sku", operator: "eq", value: "a" }, { field: "items.qty", operator: "gte", value: 2 }] }];
    });
    const p = compileEventPattern(def2).patterns[0];
    const at = (items: unknown): boolean => matchesPattern(p, { "detail-type": "v2.detail.events.conversation.{id}.customer.start", detail: { eventBody: { items } } });
    expect([at([{ sku: "a", qty: 2 }]), at([{ sku: "a", qty: 1 }, { sku: "b", qty: 2 }]), at([[{ sku: "x" }], [{ sku: "a", qty: 3 }]])]).toEqual([true, false, true]);
  });

  it("reads a dotted key in an event as a path, and compares an IP-shaped exact string as an address", () => {
    const body = (eventBody: unknown): unknown => ({ "detail-type": "t", detail: { eventBody } });
    const address: EventPattern = { detail: { eventBody: { ip: ["10.0.0.1"] } } };
    expect([
      matchesPattern({ detail: { eventBody: { a: { b: [1] } } } }, body({ "a.b": 1 })),
      matchesPattern(address, body({ ip: "010.0.0.1" })),
      matchesPattern({ detail: { eventBody: { ip: [{ wildcard: "10.0.0.1" }] } } }, body({ ip: "010.0.0.1" })),
      matchesPattern({ detail: { eventBody: { ip: ["::1"] } } }, body({ ip: "0:0:0:0:0:0:0:1" })),
    ]).toEqual([true, true, false, true]);
  });

  it("matches an array-valued event field when any element matches", () => {
    const tagged = withEvent(created, (e) => (e.metadata.source = ["sms", "web"]));
    const untagged = withEvent(created, (e) => (e.metadata.source = ["sms", "voice"]));
    expect([matchesPattern(pattern, envelope(tagged, "v2.detail.events.conversation.{id}.customer.start")), matchesPattern(pattern, envelope(untagged, "v2.detail.events.conversation.{id}.customer.start"))]).toEqual([true, false]);
  });
});
