import { evaluateCondition, evaluateFilter, eventFieldValues, Filter } from "../../src/definition";

function filter(conditions: Filter["conditions"]): Filter {
  return { eventType: "v2.detail.events.conversation.{id}.customer.start", conditions };
}

describe("eventFieldValues", () => {
  it("reads dotted keys as paths, flattens arrays at every level and keeps only scalars, with their array elements", () => {
    const event = { a: { b: 1 }, "a.b": 2, list: [[{ x: "p" }], [{ x: ["q", ["r"]] }, { x: { deep: 1 } }]], empty: [], obj: { y: 1 } };
    const values = eventFieldValues(event, ["a.b", "list.x", "empty", "obj", "missing"]);
    const plain = Object.fromEntries([...values].map(([name, vs]) => [name, vs.map((v) => [v.value, Object.fromEntries(v.membership)])]));
    expect(plain).toEqual({
      "a.b": [[1, {}], [2, {}]],
      "list.x": [
        ["p", { 0: 0, 1: 0 }],
        ["q", { 0: 1, 2: 0, 3: 0 }],
        ["r", { 0: 1, 2: 0, 3: 1, 4: 0 }],
      ],
      empty: [],
      obj: [],
      missing: [],
    });
  });
});

describe("evaluateCondition", () => {
  it.each([
    ["an array element equals", { field: "tags", operator: "eq", value: "vip" }, { tags: ["new", ["vip"]] }, true],
    ["no array element equals", { field: "tags", operator: "eq", value: "vip" }, { tags: [] }, false],
    ["a dotted key is the path", { field: "a.b", operator: "eq", value: 1 }, { "a.b": 1 }, true],
    ["neq holds for a value of another type", { field: "x", operator: "neq", value: "web" }, { x: null }, true],
    ["neq fails on an object (it holds no value)", { field: "x", operator: "neq", value: "web" }, { x: { y: 1 } }, false],
    ["neq fails on a missing field", { field: "x", operator: "neq", value: "web" }, {}, false],
    ["neq holds when one element differs", { field: "x", operator: "neq", value: "a" }, { x: ["a", "b"] }, true],
    ["gte compares numbers up to 1e9", { field: "n", operator: "gte", value: 30 }, { n: 1e9 }, true],
    ["gte fails beyond 1e9", { field: "n", operator: "gte", value: 30 }, { n: 1e9 + 1 }, false],
    ["lte fails below -1e9", { field: "n", operator: "lte", value: 30 }, { n: -2e9 }, false],
    ["lte fails on a subnormal number", { field: "n", operator: "lte", value: 30 }, { n: 5e-324 }, false],
    ["lte on a timestamp compares epoch milliseconds", { field: "t", operator: "lte", value: "2024-01-15T10:00:00Z" }, { t: 1705312800000 }, true],
  ] as const)("%s", (_name, condition, event, matched) => {
    expect(evaluateCondition(condition as never, event, "filters[0].conditions[0]").matched).toBe(matched);
  });

  it("says a field holding an object holds no value", () => {
    expect(evaluateCondition({ field: "meta", operator: "neq", value: "x" }, { meta: { y: 1 } }, "filters[0].conditions[0]")).toEqual({
      path: "filters[0].conditions[0]",
      matched: false,
      reason: 'meta is {"y":1}, which holds no value',
    });
  });
});

describe("evaluateFilter", () => {
  it("holds when the conditions hold within one array element", () => {
    const f = filter([
      { field: "items.sku", operator: "eq", value: "a" },
      { field: "items.qty", operator: "gte", value: 2 },
    ]);
    expect(evaluateFilter(f, { items: [{ sku: "b", qty: 1 }, { sku: "a", qty: 2 }] }, 0)).toEqual({
      matched: true,
      failedCondition: null,
      conditions: [
        { path: "filters[0].conditions[0]", matched: true, reason: 'items.sku is ["b","a"]' },
        { path: "filters[0].conditions[1]", matched: true, reason: "items.qty is [1,2]" },
      ],
    });
  });

  it("reports the first condition that holds only on another array element than the ones before it", () => {
    const f = filter([
      { field: "items.sku", operator: "eq", value: "a" },
      { field: "status", operator: "eq", value: "open" },
      { field: "items.qty", operator: "gte", value: 2 },
    ]);
    expect(evaluateFilter(f, { status: "open", items: [{ sku: "a", qty: 1 }, { sku: "b", qty: 2 }] }, 3)).toEqual({
      matched: false,
      failedCondition: "filters[3].conditions[2]",
      conditions: [
        { path: "filters[3].conditions[0]", matched: true, reason: 'items.sku is ["a","b"]' },
        { path: "filters[3].conditions[1]", matched: true, reason: 'status is "open"' },
        {
          path: "filters[3].conditions[2]",
          matched: false,
          reason: "items.qty meets this condition only where the conditions before it do not: EventBridge matches a filter's fields within one value and one array element",
        },
      ],
    });
  });

  it("needs one value of a field to meet all the conditions on that field", () => {
    const f = filter([
      { field: "n", operator: "gte", value: 30 },
      { field: "n", operator: "lte", value: 60 },
    ]);
    expect([evaluateFilter(f, { n: [10, 100] }, 0).matched, evaluateFilter(f, { n: [10, 40] }, 0).matched]).toEqual([false, true]);
  });

  it("holds with no conditions", () => {
    expect(evaluateFilter(filter([]), {}, 0)).toEqual({ matched: true, failedCondition: null, conditions: [] });
  });
});
