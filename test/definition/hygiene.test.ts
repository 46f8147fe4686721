import { decodeSamples, definitionIssue, firstLoneSurrogate, validateDefinition, valueHygieneIssues } from "../../src/definition";
import { validJson } from "./fixtures";

const issues = (r: { _tag: string; left?: unknown }) => (r._tag === "Left" ? r.left : []);

describe("definition ids", () => {
  it.each(["__proto__", "constructor", "prototype"])("refuses %s at the path id", (id) => {
    expect(issues(validateDefinition({ ...validJson(), id }))).toEqual([
      definitionIssue("id", `id ${JSON.stringify(id)} is not allowed (__proto__, prototype, constructor are refused): choose another id`),
    ]);
  });

  it("still accepts ids that merely contain those words", () => {
    expect(validateDefinition({ ...validJson(), id: "constructor-events" })._tag).toBe("Right");
  });
});

describe("well-formed strings", () => {
  it("finds lone high and low surrogates, and accepts pairs", () => {
    expect(firstLoneSurrogate("ok \u{1F600}")).toBeUndefined();
    expect(firstLoneSurrogate("a\uD800b")).toBe(0xd800);
    expect(firstLoneSurrogate("a\uDC00")).toBe(0xdc00);
    expect(firstLoneSurrogate("\uD83D")).toBe(0xd83d);
  });

  it("reports a lone surrogate in a definition with the property path, once", () => {
    const def = validJson();
    def.filters[0].eventType = "conversation.\uD800created";
    expect(issues(validateDefinition(def))).toEqual([
      definitionIssue("filters[0].eventType", "not a well-formed UTF-16 string: lone surrogate \\ud800 (a surrogate must be half of a pair)"),
    ]);
  });

  it("reports a lone surrogate in a property name", () => {
    expect(valueHygieneIssues({ a: { ["k\uDC01"]: 1 } }, "", 64)).toEqual([
      definitionIssue('a["k\\udc01"]', "property name is not a well-formed UTF-16 string: lone surrogate \\udc01 (a surrogate must be half of a pair)"),
    ]);
  });

  it("reports a lone surrogate in a sample event with the samples path", () => {
    const sample = { eventType: "v2.detail.events.conversation.{id}.customer.start", event: { metadata: { note: "x\uDBFF" } } };
    expect(issues(decodeSamples([sample, sample]))).toEqual([
      definitionIssue("samples[0].event.metadata.note", "not a well-formed UTF-16 string: lone surrogate \\udbff (a surrogate must be half of a pair)"),
      definitionIssue("samples[1].event.metadata.note", "not a well-formed UTF-16 string: lone surrogate \\udbff (a surrogate must be half of a pair)"),
    ]);
    expect(issues(decodeSamples(sample))).toEqual([
      definitionIssue("samples[0].event.metadata.note", "not a well-formed UTF-16 string: lone surrogate \\udbff (a surrogate must be half of a pair)"),
    ]);
  });
});

describe("nesting depth", () => {
  const nest = (levels: number): unknown => {
    let v: unknown = 1;
    for (let i = 0; i < levels; i++) v = { a: v };
    return v;
  };

  it("reports the first value past the limit once, without descending into it", () => {
    expect(valueHygieneIssues(nest(100_000), "", 3)).toEqual([definitionIssue("a.a.a", "nested deeper than 3 levels of objects and arrays")]);
    expect(valueHygieneIssues(nest(3), "", 3)).toEqual([]);
  });

  it("refuses a sample nested deeper than 64 levels, at its path", () => {
    const sample = { eventType: "v2.detail.events.conversation.{id}.customer.start", event: nest(100_000) };
    expect(issues(decodeSamples([sample]))).toEqual([
      definitionIssue(`samples[0].event${".a".repeat(62)}`, "nested deeper than 64 levels of objects and arrays"),
    ]);
  });

  it("survives a cycle", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(valueHygieneIssues(cyclic, "", 4)).toEqual([definitionIssue("self.self.self.self", "nested deeper than 4 levels of objects and arrays")]);
  });
});
