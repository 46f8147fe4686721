import * as pulumi from "@pulumi/pulumi";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { deploySources, reportOutputs } from "../../stacks/program";
import { loadSources, readSources, sourceEntries } from "../../stacks/sources";
import { mockResources, value } from "./mocks";

const registered = mockResources((args) => {
  // Stand in for the provider: echo the inputs and fill the computed outputs.
  return {
    id: `remote-${args.inputs.id}`,
    state: { ...args.inputs, sourceId: args.inputs.id, etag: '"1"', payloadHash: "ab".repeat(32), metrics: { registrationStatus: "created" } },
  };
});

describe("the stack program under mocks", () => {
  it("declares one EventBridgeSource per definition file, with its samples and the stack's policy", async () => {
    // Arrays built inside Jest's sandbox are not Arrays to the SDK's serializer (another realm);
    // a JSON round trip gives the program's values the shape they have under the engine.
    const [withSamples] = JSON.parse(JSON.stringify(loadSources(
      [{ definition: "stacks/examples/definition.json", samples: "stacks/examples/samples" }],
      process.cwd(),
    ))) as ReturnType<typeof loadSources>;
    const second = { id: "second-source", definition: { ...withSamples.definition, id: "second-source" } as Record<string, unknown> };
    const sources: ReturnType<typeof loadSources> = [withSamples, second];
    const report = deploySources(sources, { conflictPolicy: "fail", catalog: "genesys-topics.json" });

    const ids = sources.map((s) => s.id);
    expect(ids).toEqual(["eventbridge-source-prod-01", "second-source"]);
    expect([...report.keys()]).toEqual(ids);
    expect(Object.keys(reportOutputs(report))).toEqual(ids);
    expect(await value(report.get(ids[0])!.payloadHash)).toBe("ab".repeat(32));
    expect(await value(report.get(ids[0])!.etag)).toBe('"1"');

    // Registration is asynchronous: compare by name.
    const byName = new Map(registered.map((r) => [r.name, r]));
    expect([...byName.keys()].sort()).toEqual([...ids].sort());
    expect(registered.map((r) => r.type)).toEqual(ids.map(() => "pulumi-nodejs:dynamic/genesys:EventBridgeSource"));
    // The mock monitor hands back values from another realm: compare them as plain JSON.
    const first = JSON.parse(JSON.stringify(byName.get(ids[0])!.inputs));
    expect(first.conflictPolicy).toBe("fail");
    expect(first.catalog).toBe("genesys-topics.json");
    expect(first.samples).toEqual(sources[0].samples);
    expect(first.filters).toEqual(sources[0].definition.filters);
    expect(byName.get(ids[1])!.inputs.samples).toBeUndefined();
  });

});

describe("reading the stack's sources", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ebs-sources-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const example = fs.readFileSync("stacks/examples/definition.json", "utf8");
  const write = (name: string, text: string | Buffer) => {
    fs.writeFileSync(path.join(dir, name), text);
    return name;
  };
  const problems = (entries: unknown) => {
    const checked = sourceEntries(entries);
    const r = checked._tag === "Left" ? checked : readSources(checked.right, dir);
    return r._tag === "Left" ? r.left : [];
  };
  const withId = (id: unknown) => JSON.stringify({ ...JSON.parse(example), id });

  it("reads a definition with a byte order mark as the CLI does", () => {
    const r = readSources([{ definition: write("bom.json", `\uFEFF${example}`) }], dir);
    expect(r._tag === "Right" && r.right.map((s) => s.id)).toEqual(["eventbridge-source-prod-01"]);
  });

  it("names the entry, the file and line:column of every problem, each on one line", () => {
    write("dup.json", '{\n  "id": "a",\n  "id": "b"\n}');
    write("broken.json", '{ "id": ');
    write("deep.json", JSON.stringify([{ eventType: "v2.detail.events.conversation.{id}.customer.start", event: JSON.parse("[".repeat(80) + "]".repeat(80)) }]));
    write("lone.json", '[{"eventType": "v2.detail.events.conversation.{id}.customer.start", "event": {"note": "\\ud800"}}]');
    write("ok.json", example);
    expect(problems([
      { definition: "missing.json" },
      { definition: "dup.json" },
      { definition: "broken.json" },
      { definition: "ok.json", samples: "deep.json" },
      { definition: "ok.json", samples: "lone.json" },
    ])).toEqual([
      "genesys-eventbridge:sources[0]: file not found: missing.json",
      'genesys-eventbridge:sources[1]: dup.json:3:3: id: duplicate key "id"; it is first given at 2:3 (JSON parsers keep only one of them: keep one key)',
      "genesys-eventbridge:sources[2]: broken.json:1:9: not valid JSON: unexpected end of the text; expected a JSON value",
      `genesys-eventbridge:sources[3]: deep.json:1:${75 + 62}: [0].event${"[0]".repeat(62)}: nested deeper than 64 levels of objects and arrays`,
      "genesys-eventbridge:sources[4]: lone.json:1:87: [0].event.note: not a well-formed UTF-16 string: lone surrogate \\ud800 (a surrogate must be half of a pair)",
    ]);
  });

  it.each(["__proto__", "constructor", "prototype"])("refuses the id %s before any resource is declared", (id) => {
    expect(problems([{ definition: write(`${id}.json`, withId(id)) }])).toEqual([
      `genesys-eventbridge:sources[0]: ${id}.json: id: id ${JSON.stringify(id)} is not allowed (__proto__, prototype, constructor are refused): choose another id`,
    ]);
  });

  it("refuses a missing id, an id used twice and a definition that is not an object", () => {
    write("noid.json", JSON.stringify({ configuration: {} }));
    write("list.json", "[]");
    expect(problems([
      { definition: "ok.json" },
      { definition: "noid.json" },
      { definition: "ok.json" },
      { definition: "list.json" },
    ])).toEqual([
      "genesys-eventbridge:sources[1]: noid.json: id: is required: expected an id of 1..128 letters, digits, '.', '_' or '-'",
      'genesys-eventbridge:sources[2]: ok.json: id: "eventbridge-source-prod-01" is already the id of genesys-eventbridge:sources[0] (ok.json); ids must be unique',
      "genesys-eventbridge:sources[3]: list.json: expected a JSON object (an EventBridge source definition)",
    ]);
  });

  it("checks the shape of the sources config value", () => {
    expect(problems({ definition: "ok.json" })).toEqual([
      'genesys-eventbridge:sources: expected a list of { "definition": <file>, "samples"?: <file or folder> }',
    ]);
    expect(problems([{ definition: "ok.json", sample: "x" }, "ok.json", { definition: 3, samples: "" }])).toEqual([
      'genesys-eventbridge:sources[0]: unknown property "sample"; expected definition, samples, impactEvents',
      'genesys-eventbridge:sources[1]: expected { "definition": <file>, "samples"?: <file or folder> }',
      "genesys-eventbridge:sources[2].definition: expected a file path",
      "genesys-eventbridge:sources[2].samples: expected a file or folder path",
    ]);
  });

  it("loadSources throws a RunError (printed without a stack trace) listing every problem", () => {
    const error = (() => {
      try {
        loadSources([{ definition: "missing.json" }, { definition: "broken.json" }], dir);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(pulumi.RunError.isInstance(error)).toBe(true);
    expect((error as Error).message).toBe([
      "genesys-eventbridge:sources[0]: file not found: missing.json",
      "genesys-eventbridge:sources[1]: broken.json:1:9: not valid JSON: unexpected end of the text; expected a JSON value",
    ].join("\n"));
  });
});
