import { Filter, projectSamples, selectEvent, validateDefinition } from "../../src/definition";
import { definition, createdSample } from "./fixtures";

const longOrSupport: ReadonlyArray<Filter> = [
  { eventType: "v2.detail.events.conversation.{id}.user.end", conditions: [{ field: "duration", operator: "gte", value: 60 }] },
  { eventType: "v2.detail.events.conversation.{id}.user.end", conditions: [{ field: "queue", operator: "eq", value: "Support" }] },
  { eventType: "v2.detail.events.conversation.{id}.customer.start", conditions: [] },
];

describe("selectEvent", () => {
  it.each([
    ["the first alternative", { duration: 90, queue: "Sales" }, true, 0],
    ["the second alternative", { duration: 10, queue: "Support" }, true, 1],
    ["both alternatives (the first is reported)", { duration: 90, queue: "Support" }, true, 0],
    ["neither alternative (the first filter of the type is reported)", { duration: 10, queue: "Sales" }, false, 0],
  ])("selects an event of a shared event type through %s", (_, body, selected, filter) => {
    const s = selectEvent(longOrSupport, "v2.detail.events.conversation.{id}.user.end", body);
    expect([s.selected, s.filter]).toEqual([selected, filter]);
  });

  it("reports the failed condition of the first filter when none matches", () => {
    expect(selectEvent(longOrSupport, "v2.detail.events.conversation.{id}.user.end", { duration: 10, queue: "Sales" }).outcome?.failedCondition).toBe("filters[0].conditions[0]");
  });

  it("selects nothing of an event type no filter has", () => {
    expect(selectEvent(longOrSupport, "conversation.transferred", { duration: 90 })).toEqual({ selected: false, filter: undefined, outcome: undefined });
  });

  it("reads {id} templates after exact event types", () => {
    const filters: ReadonlyArray<Filter> = [
      { eventType: "v2.users.{id}.presence", conditions: [{ field: "s", operator: "eq", value: "a" }] },
      { eventType: "v2.users.u1.presence", conditions: [{ field: "s", operator: "eq", value: "b" }] },
    ];
    expect([selectEvent(filters, "v2.users.u1.presence", { s: "a" }).filter, selectEvent(filters, "v2.users.u1.presence", { s: "c" }).filter]).toEqual([0, 1]);
    expect(selectEvent(filters, "v2.users.u2.presence", { s: "b" }).selected).toBe(false);
  });
});

describe("projectSamples with filters sharing an event type", () => {
  it("projects alike whichever filter matched", () => {
    const base = definition();
    const decoded = validateDefinition({
      ...base,
      filters: [
        { eventType: "v2.detail.events.conversation.{id}.customer.start", conditions: [{ field: "metadata.source", operator: "eq", value: "sms" }] },
        { eventType: "v2.detail.events.conversation.{id}.customer.start", conditions: [{ field: "metadata.source", operator: "eq", value: "web" }] },
      ],
    });
    if (decoded._tag === "Left") throw new Error(JSON.stringify(decoded.left));
    const alone = projectSamples(base, [createdSample]);
    const shared = projectSamples(decoded.right, [createdSample]);
    if (alone._tag === "Left" || shared._tag === "Left") throw new Error("projection failed");
    expect([shared.right[0].matched, shared.right[0].filter, shared.right[0].failedCondition]).toEqual([true, 1, null]);
    expect(shared.right[0].projected).toEqual(alone.right[0].projected);
  });
});
