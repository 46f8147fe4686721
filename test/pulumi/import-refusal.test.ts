import * as pulumi from "@pulumi/pulumi";
import { EventBridgeSource } from "../../src/pulumi/resource";
import { mockResources, value } from "./mocks";

const example = require("../../stacks/examples/definition.json");
const TYPE = "pulumi-nodejs:dynamic/genesys:EventBridgeSource";

describe("EventBridgeSource with the import resource option", () => {
  const registered = mockResources((args) => ({ id: `${args.name}-id`, state: args.inputs }));

  it("is refused before anything is registered, on the resource's URN, naming adoptExisting: true, without a stack trace", async () => {
    const before = registered.length;
    let thrown: unknown;
    try {
      new EventBridgeSource("adopted", example, { import: "4f1c-existing" });
    } catch (e) {
      thrown = e;
    }
    expect(pulumi.ResourceError.isInstance(thrown)).toBe(true);
    const error = thrown as pulumi.ResourceError;
    expect([error.message, error.hideStack, await value(error.resource!.urn)]).toEqual([
      `${TYPE} 'adopted': the import resource option "4f1c-existing" is not supported: a dynamic provider cannot import. ` +
        "To bring an existing remote source with the same id under this stack, remove `import` and set `adoptExisting: true`: the next `pulumi up` takes it over.",
      true,
      `urn:pulumi:unit::genesys-eventbridge::${TYPE}::adopted`,
    ]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(registered.length).toBe(before);
  });

  it("is shown on the parent when the resource has one", () => {
    const parent = new pulumi.ComponentResource("test:index:Parent", "parent");
    let thrown: unknown;
    try {
      new EventBridgeSource("child", example, { parent, import: "x" });
    } catch (e) {
      thrown = e;
    }
    expect((thrown as pulumi.ResourceError).resource).toBe(parent);
  });
});
