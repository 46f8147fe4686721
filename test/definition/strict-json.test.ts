import fc from "fast-check";
import { describeJsonProblem, JSON_MAX_DEPTH, parseStrictJson } from "../../src/definition";

const problem = (text: string) => {
  const r = parseStrictJson(text);
  if (r._tag === "Right") throw new Error(`expected a problem, parsed ${JSON.stringify(r.right)}`);
  return r.left;
};

describe("parseStrictJson", () => {
  it("parses what JSON.parse parses, to the same value", () => {
    fc.assert(
      fc.property(fc.json({ maxDepth: 8 }), (text) => {
        expect(parseStrictJson(text)).toEqual({ _tag: "Right", right: JSON.parse(text) });
      }),
      { numRuns: 500 },
    );
  });

  it("never throws on any text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (text) => {
        expect(["Left", "Right"]).toContain(parseStrictJson(text)._tag);
      }),
      { numRuns: 1000 },
    );
  });

  it("keeps __proto__ as an own property and leaves the prototype alone", () => {
    const r = parseStrictJson('{"__proto__": {"polluted": true}, "a": 1}');
    if (r._tag === "Left") throw new Error(describeJsonProblem(r.left));
    const v = r.right as Record<string, unknown>;
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(Object.keys(v)).toEqual(["__proto__", "a"]);
    expect(Object.getOwnPropertyDescriptor(v, "__proto__")?.value).toEqual({ polluted: true });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("refuses a duplicate key with its path and both positions", () => {
    const text = '{\n  "id": "a",\n  "filters": [{ "eventType": "x", "eventType": "y" }],\n  "id": "b"\n}';
    expect(problem(text)).toEqual({
      _tag: "JsonDuplicateKey",
      path: "filters[0].eventType",
      key: "eventType",
      first: { line: 3, column: 17 },
      line: 3,
      column: 35,
    });
    expect(describeJsonProblem(problem('{"id": 1,\n "id": 2}'))).toBe(
      '2:2: id: duplicate key "id"; it is first given at 1:2 (JSON parsers keep only one of them: keep one key)',
    );
  });

  it("names an odd duplicate key in bracket notation", () => {
    expect(problem('{"a b": {"x-y": 1, "x-y": 2}}')).toMatchObject({ path: '["a b"]["x-y"]' });
  });

  it("gives syntax errors as line:column", () => {
    expect(describeJsonProblem(problem('{\n  "a": 1,\n}'))).toBe("3:1: not valid JSON: unexpected character \"}\"; expected a property name in double quotes");
    expect(describeJsonProblem(problem('{"a": 1 "b": 2}'))).toBe("1:9: not valid JSON: unexpected character \"\\\"\"; expected ',' or '}'");
    expect(describeJsonProblem(problem("[1, 2"))).toBe("1:6: not valid JSON: unexpected end of the text; expected ',' or ']'");
    expect(describeJsonProblem(problem(""))).toBe("1:1: not valid JSON: expected a JSON value, found the end of the text");
    expect(describeJsonProblem(problem('{"a": tru}'))).toBe("1:7: not valid JSON: unexpected character \"t\"; expected a JSON value");
    expect(describeJsonProblem(problem('"abc'))).toBe("1:1: not valid JSON: unterminated string");
    expect(describeJsonProblem(problem('"a\tb"'))).toBe("1:3: not valid JSON: control character U+0009 in a string; write it as an escape such as \\n or \\u0000");
    expect(describeJsonProblem(problem("01"))).toBe("1:2: not valid JSON: unexpected character \"1\" after the JSON value");
    expect(describeJsonProblem(problem("\uFEFF{}"))).toBe("1:1: not valid JSON: unexpected character \"\uFEFF\"; expected a JSON value");
  });

  it("refuses nesting deeper than the limit without recursing into it", () => {
    expect(JSON_MAX_DEPTH).toBe(64);
    expect(parseStrictJson("[".repeat(64) + "]".repeat(64))._tag).toBe("Right");
    expect(problem("[".repeat(100_000))).toEqual({ _tag: "JsonTooDeep", path: "[0]".repeat(64), limit: 64, line: 1, column: 65 });
    expect(describeJsonProblem(problem('{"a": ' + '{"b": '.repeat(70)))).toBe(`1:${6 + 6 * 63 + 1}: a${".b".repeat(63)}: nested deeper than 64 levels of objects and arrays`);
    expect(parseStrictJson("[[[1]]]", { maxDepth: 2 })).toEqual({ _tag: "Left", left: { _tag: "JsonTooDeep", path: "[0][0]", limit: 2, line: 1, column: 3 } });
  });

  it("refuses lone surrogates in values and keys, with the path", () => {
    expect(problem('{"a": ["x", "\\ud800"]}')).toEqual({ _tag: "JsonLoneSurrogate", path: "a[1]", codeUnit: 0xd800, line: 1, column: 13 });
    expect(problem('{"a": {"k\\udc00": 1}}')).toMatchObject({ _tag: "JsonLoneSurrogate", path: 'a["k\\udc00"]', codeUnit: 0xdc00 });
    expect(describeJsonProblem(problem('"\\udbff"'))).toBe("1:1: (top level): not a well-formed UTF-16 string: lone surrogate \\udbff (a surrogate must be half of a pair)");
    expect(parseStrictJson('"\\ud83d\\ude00"')).toEqual({ _tag: "Right", right: "\u{1F600}" });
  });
});
