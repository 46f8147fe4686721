import { deploySources } from "../../stacks/program";
import { loadSources } from "../../stacks/sources";
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
    const second = { definition: { ...withSamples.definition, id: "second-source" } as Record<string, unknown> };
    const sources: ReturnType<typeof loadSources> = [withSamples, second];
    const report = deploySources(sources, { conflictPolicy: "fail" });

    const ids = sources.map((s) => String(s.definition.id));
    expect(Object.keys(report)).toEqual(ids);
    expect(await value(report[ids[0]].payloadHash)).toBe("ab".repeat(32));
    expect(await value(report[ids[0]].etag)).toBe('"1"');

    // Registration is asynchronous: compare by name.
    const byName = new Map(registered.map((r) => [r.name, r]));
    expect([...byName.keys()].sort()).toEqual([...ids].sort());
    expect(registered.map((r) => r.type)).toEqual(ids.map(() => "pulumi-nodejs:dynamic/genesys:EventBridgeSource"));
    // The mock monitor hands back values from another realm: compare them as plain JSON.
    const first = JSON.parse(JSON.stringify(byName.get(ids[0])!.inputs));
    expect(first.conflictPolicy).toBe("fail");
    expect(first.samples).toEqual(sources[0].samples);
    expect(first.filters).toEqual(sources[0].definition.filters);
    expect(byName.get(ids[1])!.inputs.samples).toBeUndefined();
  });

  it("names the file when a definition cannot be read", async () => {
    expect(() => loadSources([{ definition: "stacks/examples/missing.json" }], process.cwd())).toThrow(
      "cannot read missing.json: ENOENT",
    );
  });
});
