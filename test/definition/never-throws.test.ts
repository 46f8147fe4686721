import fc from "fast-check";
import { decodeSamples, projectSamples, validateDefinition } from "../../src/definition";
import { validJson } from "./fixtures";

/** Sets `value` at a random existing location of a JSON tree (or replaces the root). */
function mutate(root: any, pathPicks: number[], value: unknown): unknown {
  if (pathPicks.length === 0 || typeof root !== "object" || root === null) return value;
  const keys = Object.keys(root);
  if (keys.length === 0) return value;
  const key = keys[pathPicks[0] % keys.length];
  root[key] = mutate(root[key], pathPicks.slice(1), value);
  return root;
}

const hostile = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom("__proto__", "constructor.prototype", "[].__proto__", "", "x".repeat(300000)),
  fc.constant(JSON.parse('{"__proto__": {"polluted": true}}')),
);

describe("validation never throws", () => {
  afterAll(() => expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined());

  it("on any JSON value", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(["Left", "Right"]).toContain(validateDefinition(v)._tag);
        expect(["Left", "Right"]).toContain(decodeSamples(v)._tag);
      }),
    );
  });

  it("on object-shaped values with the definition's keys", () => {
    const keys = ["id", "configuration", "filters", "transformations", "attributeMappings", "eventStreamType", "__proto__"];
    fc.assert(fc.property(fc.dictionary(fc.constantFrom(...keys), fc.jsonValue()), (v) => {
      expect(validateDefinition(v)._tag).toBe("Left");
    }));
  });

  it("on mutations of the valid example, and projection of valid results never throws either", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 6 }), hostile, fc.jsonValue(), (picks, value, event) => {
        const r = validateDefinition(mutate(validJson(), picks, value));
        if (r._tag === "Right") {
          const p = projectSamples(r.right, [{ eventType: "v2.detail.events.conversation.{id}.customer.start", event: { metadata: event, participants: event } }]);
          expect(["Left", "Right"]).toContain(p._tag);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("on very deep nesting", () => {
    let deep: unknown = {};
    for (let i = 0; i < 100000; i++) deep = { filters: [deep] };
    expect(validateDefinition(deep)._tag).toBe("Left");
    expect(decodeSamples(deep)._tag).toBe("Left");
  });
});
