import { NestedMap, nodeAt } from "../../src/definition/nested-map";

describe("nodeAt", () => {
  it("creates the missing nodes on the way and returns the deepest", () => {
    const root: NestedMap<number> = new Map();
    const node = nodeAt(root, ["a", "b"]);
    node?.set("c", 1);
    expect(root).toEqual(new Map([["a", new Map([["b", new Map([["c", 1]])]])]]));
  });

  it("reuses nodes that exist and returns the root for an empty path", () => {
    const inner: NestedMap<number> = new Map([["x", 1]]);
    const root: NestedMap<number> = new Map([["a", inner]]);
    expect(nodeAt(root, ["a"])).toBe(inner);
    expect(nodeAt(root, [])).toBe(root);
  });

  it("is undefined when a value stands where a node is needed, and creates nothing beyond it", () => {
    const root: NestedMap<number> = new Map([["a", 1]]);
    expect(nodeAt(root, ["a", "b"])).toBeUndefined();
    expect(root).toEqual(new Map([["a", 1]]));
  });
});
