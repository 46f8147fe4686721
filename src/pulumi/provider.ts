import type * as pulumi from "@pulumi/pulumi";

/**
 * The dynamic provider object that Pulumi serializes into state (`__provider`).
 *
 * It captures nothing: no client, no token, no secret, no module. Each method
 * loads the implementation when it runs, inside the provider process, so the
 * serialized text stays a few hundred bytes and holds no secret (see
 * test/pulumi/provider-serialization.test.ts). Credentials are read in
 * `configure` from stack config or the environment.
 */
export const eventBridgeSourceProvider: pulumi.dynamic.ResourceProvider = {
  async configure(req) {
    return load().configure(req.config);
  },
  async check(olds, news) {
    return load().check(olds, news);
  },
  async diff(id, olds, news) {
    return load().diff(id, olds, news);
  },
  async create(inputs) {
    return load().create(inputs);
  },
  async update(id, olds, news) {
    return load().update(id, olds, news);
  },
  async read(id, props) {
    return load().read(id, props);
  },
  async delete(id, props) {
    return load().delete(id, props);
  },
};

/**
 * Loads the implementation. Installed as a dependency, the package resolves by
 * name from the program's folder. Inside this repository the compiled file is
 * found next to the `node_modules` that holds the SDK running this provider
 * process. Neither way writes a machine path into state.
 */
function load(): typeof import("./operations") {
  const path = require("path");
  const sdkEntry: string = require.main?.filename ?? "";
  try {
    return require(require.resolve("genesys-eventbridge/provider", { paths: [process.cwd(), path.dirname(sdkEntry)] }));
  } catch {
    // <root>/node_modules/@pulumi/pulumi/cmd/dynamic-provider/index.js -> <root>
    const root = path.resolve(path.dirname(sdkEntry), "..", "..", "..", "..", "..");
    return require(path.join(root, "dist", "src", "pulumi", "operations.js"));
  }
}
