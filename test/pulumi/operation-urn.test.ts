import * as path from "node:path";
import { urnOf, watchRequestUrns } from "../../src/pulumi/operation-urn";
import { providerHost, ProviderHost } from "../../src/pulumi/provider-host";

/** A request class shaped like the host's generated ones: a URN and a property bag decoded on demand. */
function requestClass(getter: string) {
  class Request {
    constructor(
      private readonly urn: string,
      private readonly bag: Record<string, unknown> | undefined,
    ) {}
    getUrn(): string {
      return this.urn;
    }
  }
  (Request.prototype as any)[getter] = function (this: { bag?: Record<string, unknown> }) {
    const bag = this.bag;
    return bag === undefined ? undefined : { toJavaScript: () => structuredClone(bag) };
  };
  return Request as unknown as new (urn: string, bag?: Record<string, unknown>) => Record<string, () => { toJavaScript(): Record<string, unknown> } | undefined>;
}

function fakeHost(modules: Record<string, unknown>): ProviderHost {
  return {
    dir: "/sdk/cmd/dynamic-provider",
    engineAddress: "127.0.0.1:1",
    require: (id) => {
      if (!(id in modules)) throw new Error(`Cannot find module '${id}'`);
      return modules[id];
    },
  };
}

describe("operation URNs", () => {
  it("finds the host only in the dynamic-provider script started with an engine address", () => {
    const script = { filename: path.join("/p", "node_modules", "@pulumi", "pulumi", "cmd", "dynamic-provider", "index.js"), require: () => ({}) };
    expect(providerHost(script, ["node", script.filename, "127.0.0.1:40123"])?.engineAddress).toBe("127.0.0.1:40123");
    expect(providerHost(script, ["node", script.filename])).toBeUndefined();
    expect(providerHost({ ...script, filename: "/p/bin/index.js" }, ["node", "x", "127.0.0.1:40123"])).toBeUndefined();
    expect(providerHost(undefined, [])).toBeUndefined();
  });

  it("remembers the URN of each bag the host decodes from a Check, Create, Update, Diff, Read or Delete request", () => {
    const proto = {
      CheckRequest: requestClass("getNews"),
      CreateRequest: requestClass("getProperties"),
      UpdateRequest: requestClass("getNews"),
      DiffRequest: requestClass("getNews"),
      ReadRequest: requestClass("getProperties"),
      DeleteRequest: requestClass("getProperties"),
    };
    expect(watchRequestUrns(fakeHost({ "../../proto/provider_pb": proto }))).toBe(true);
    expect(watchRequestUrns(fakeHost({ "../../proto/provider_pb": proto }))).toBe(true); // once is enough
    const created = new proto.CreateRequest("urn:a", { sourceId: "a" }).getProperties!()!.toJavaScript();
    const updated = new proto.UpdateRequest("urn:b", { sourceId: "b" }).getNews!()!.toJavaScript();
    const diffed = new proto.DiffRequest("urn:g", { sourceId: "f" }).getNews!()!.toJavaScript();
    const read = new proto.ReadRequest("urn:c", { sourceId: "c" }).getProperties!()!.toJavaScript();
    const deleted = new proto.DeleteRequest("urn:d", { sourceId: "d" }).getProperties!()!.toJavaScript();
    const checked = new proto.CheckRequest("urn:f", { sourceId: "f" }).getNews!()!.toJavaScript();
    expect([created, updated, read, deleted, checked, diffed].map(urnOf)).toEqual(["urn:a", "urn:b", "urn:c", "urn:d", "urn:f", "urn:g"]);
    // An import's read carries no properties: nothing to remember, nothing thrown.
    expect(new proto.ReadRequest("urn:e").getProperties!()).toBeUndefined();
    expect(urnOf({ sourceId: "a" })).toBeUndefined();
  });

  it("watches nothing outside a host or when the host's classes look different", () => {
    expect(watchRequestUrns(undefined)).toBe(false);
    expect(watchRequestUrns(fakeHost({}))).toBe(false);
    expect(watchRequestUrns(fakeHost({ "../../proto/provider_pb": { CreateRequest: class {} } }))).toBe(false);
  });
});
