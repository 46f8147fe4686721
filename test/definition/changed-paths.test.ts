import { changedPaths } from "../../src/definition";

describe("changedPaths", () => {
  it("lists the deepest differing paths in accessor notation, keys sorted", () => {
    const before = { filters: [{ conditions: [{ value: "web" }, { value: 1 }] }], id: "a", region: "us-east-1" };
    const after = { filters: [{ conditions: [{ value: "mobile" }, { value: 1 }] }, { x: 1 }], id: "a", zone: "b" };
    expect(changedPaths(before, after)).toEqual(["filters[0].conditions[0].value", "filters[1]", "region", "zone"]);
  });

  it("finds nothing between equal values and quotes keys that are not identifiers", () => {
    expect(changedPaths({ a: [1, { b: null }] }, { a: [1, { b: null }] })).toEqual([]);
    expect(changedPaths({ "odd key": 1 }, { "odd key": 2 })).toEqual(['["odd key"]']);
  });

  it("stops at the limit", () => {
    const many = Object.fromEntries(Array.from({ length: 80 }, (_, i) => [`k${String(i).padStart(2, "0")}`, i]));
    expect(changedPaths(many, {}, 3)).toEqual(["k00", "k01", "k02"]);
  });
});
