import { compileJsonataExpression, projectEvent, SourceDefinition } from "../../../src/definition";
import { createdSample, definition } from "../fixtures";
import { envelope } from "./envelope";
import { runJsonata } from "./run-jsonata";

type Directives = Pick<SourceDefinition, "transformations" | "attributeMappings">;

async function both(def: Directives, body: unknown): Promise<{ stage: unknown; preview: unknown }> {
  const expression = compileJsonataExpression(def);
  const stage = await runJsonata(expression, envelope({ eventType: "conversation.created", event: body as never }, "conversation.created"));
  return { stage, preview: projectEvent(def, body, "").projected };
}

function directives(transformations: Directives["transformations"], attributeMappings: Directives["attributeMappings"] = []): Directives {
  return { transformations, attributeMappings };
}

describe("compileJsonataExpression", () => {
  it("gives the example definition's projection of its sample", async () => {
    const def = definition();
    const { stage, preview } = await both(def, createdSample.event);
    expect(preview).toEqual({
      convId: "c7d1a5f2-3b9e-4c1a-9f0e-2d6b8a4e1c35",
      agentIds: ["agent-001", "agent-002"],
      eventTime: "2024-01-15T10:00:00.000Z",
      custom: { tenant: "tenant-42" },
    });
    expect(stage).toEqual(preview);
  });

  it("reads the body under detail.eventBody of the EventBridge event", () => {
    expect(compileJsonataExpression(directives([{ sourceField: "a", targetField: "b", type: "direct" }]))).toContain(
      '$body := $fieldOf($fieldOf($states.input, "detail"), "eventBody");',
    );
  });

  const cases: ReadonlyArray<[string, Directives, unknown, unknown]> = [
    ["extract [] keeps a one-element array an array", directives([{ sourceField: "p", targetField: "ids", type: "extract", path: "[].id" }]), { p: [{ id: 1 }] }, { ids: [1] }],
    ["extract [] of an empty array is an empty array", directives([{ sourceField: "p", targetField: "ids", type: "extract", path: "[].id" }]), { p: [] }, { ids: [] }],
    ["extract [] keeps elements that are arrays", directives([{ sourceField: "p", targetField: "ids", type: "extract", path: "[]" }]), { p: [[1, 2]] }, { ids: [[1, 2]] }],
    ["extract [] leaves the target out when one element lacks the field", directives([{ sourceField: "p", targetField: "ids", type: "extract", path: "[].id" }]), { p: [{ id: 1 }, {}] }, {}],
    ["extract [N] past the end leaves the target out", directives([{ sourceField: "p", targetField: "x", type: "extract", path: "[2].id" }]), { p: [{ id: 1 }] }, {}],
    ["extract [N] of an element that is an array", directives([{ sourceField: "p", targetField: "x", type: "extract", path: "[1]" }]), { p: [0, [7]] }, { x: [7] }],
    ["a field path does not map over arrays", directives([{ sourceField: "p.id", targetField: "x", type: "direct" }]), { p: [{ id: 1 }] }, {}],
    ["a one-element array value stays an array", directives([{ sourceField: "p", targetField: "x", type: "direct" }]), { p: ["a"] }, { x: ["a"] }],
    ["null is a value", directives([{ sourceField: "p", targetField: "x", type: "direct" }]), { p: null }, { x: null }],
    ["inherited names are not fields", directives([{ sourceField: "toString", targetField: "x", type: "direct" }]), {}, {}],
    ["iso8601 of a date with an offset", directives([{ sourceField: "t", targetField: "x", type: "transform", format: "iso8601" }]), { t: "2024-02-29T23:30:00.5+01:30" }, { x: "2024-02-29T22:00:00.500Z" }],
    ["iso8601 of an invalid day leaves the target out", directives([{ sourceField: "t", targetField: "x", type: "transform", format: "iso8601" }]), { t: "2023-02-29" }, {}],
    ["iso8601 of negative fractional milliseconds truncates toward zero", directives([{ sourceField: "t", targetField: "x", type: "transform", format: "iso8601" }]), { t: -1.5 }, { x: "1969-12-31T23:59:59.999Z" }],
    ["iso8601 writes six-digit years", directives([{ sourceField: "t", targetField: "x", type: "transform", format: "iso8601" }]), { t: 8.64e15 }, { x: "+275760-09-13T00:00:00.000Z" }],
    ["iso8601 before year 0", directives([{ sourceField: "t", targetField: "x", type: "transform", format: "iso8601" }]), { t: -62167219200001 }, { x: "-000001-12-31T23:59:59.999Z" }],
    ["string renders 15 significant digits", directives([{ sourceField: "n", targetField: "x", type: "transform", format: "string" }]), { n: 0.30000000000000004 }, { x: "0.3" }],
    ["string of an integer from 1e15 on leaves the target out", directives([{ sourceField: "n", targetField: "x", type: "transform", format: "string" }]), { n: 2 ** 53 }, {}],
    ["string of an integer below 1e15 is its digits", directives([{ sourceField: "n", targetField: "x", type: "transform", format: "string" }]), { n: 999999999999999 }, { x: "999999999999999" }],
    ["uppercase of a number leaves the target out", directives([{ sourceField: "n", targetField: "x", type: "transform", format: "uppercase" }]), { n: 1 }, {}],
    [
      "a nested object none of whose fields resolved is absent",
      directives([], [{ source: "a", target: "custom.tenant" }, { source: "b", target: "custom.region" }, { source: "c", target: "top" }]),
      { c: 1 },
      { top: 1 },
    ],
  ];
  it.each(cases)("%s", async (_name, def, body, expected) => {
    const { stage, preview } = await both(def, body);
    expect(preview).toEqual(expected);
    expect(stage).toEqual(expected);
  });

  it("gives an empty object when the event has no body", async () => {
    const def = definition();
    const stage = await runJsonata(compileJsonataExpression(def), { "detail-type": "conversation.created", detail: {} });
    expect(stage).toEqual({});
  });
});
