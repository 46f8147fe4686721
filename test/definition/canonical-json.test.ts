import fc from "fast-check";
import { buildPayload, canonicalJson, MAX_PAYLOAD_BYTES, payloadBytes, payloadHash, validateDefinition } from "../../src/definition";
import { example } from "./fixtures";

/** Rebuilds a JSON value with every object's keys in reverse order. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (typeof value === "object" && value !== null) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).reverse()) {
      Object.defineProperty(out, key, { value: reversedKeys((value as Record<string, unknown>)[key]), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return value;
}

describe("canonicalJson", () => {
  it("sorts keys at every level and writes no whitespace", () => {
    expect(canonicalJson({ b: [3, { z: 1, a: null }], a: "x", c: { y: true, x: 1.5 } })).toBe('{"a":"x","b":[3,{"a":null,"z":1}],"c":{"x":1.5,"y":true}}');
  });

  it("writes like JSON.stringify for scalars, undefined properties and non-finite numbers", () => {
    expect([canonicalJson("é\n\"") , canonicalJson({ a: undefined, b: 1 }), canonicalJson([undefined, NaN]), canonicalJson(-0)]).toEqual([
      JSON.stringify("é\n\""),
      '{"b":1}',
      "[null,null]",
      "0",
    ]);
  });

  it("handles nesting far deeper than the call stack allows", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100000; i++) deep = [deep];
    expect(canonicalJson(deep).length).toBe(200001);
  });

  it("is JSON that parses back to the same value", () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => expect(JSON.parse(canonicalJson(v))).toEqual(JSON.parse(JSON.stringify(v)))));
  });

  it("does not depend on key order, and neither does the hash", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(canonicalJson(reversedKeys(v))).toBe(canonicalJson(v));
        expect(payloadHash(reversedKeys(v))).toBe(payloadHash(v));
      }),
    );
  });
});

describe("payload hash and size", () => {
  const def = validateDefinition(example("original-definition.json"));
  const payload = def._tag === "Right" ? buildPayload(def.right) : undefined;

  it("is the SHA-256 hex of the canonical JSON", () => {
    // sha256 of the bytes {"a":"é","b":1}, computed outside Node.
    expect(payloadHash({ b: 1, a: "é" })).toBe("aa58fba8483623bed37c1b02edfccbdd9a53123837c20bfa4cb4049993a2872e");
  });

  it("counts UTF-8 bytes, not characters", () => {
    expect(payloadBytes({ a: "é" })).toBe(Buffer.byteLength('{"a":"é"}', "utf8"));
    expect(payloadBytes({ a: "é" })).toBe(10);
  });

  it("builds the original design's payload with explicit defaults and hashes it stably", () => {
    expect(payload).toEqual(example("original-definition.json"));
    expect(payloadHash(payload)).toBe(payloadHash(example("original-definition.json")));
    expect(MAX_PAYLOAD_BYTES).toBe(262144);
  });
});
