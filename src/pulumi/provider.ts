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
 * name from the program's folder; inside this repository (the provider
 * process runs in the program's folder) the compiled file resolves by a
 * relative path. Neither way writes a machine path into state.
 */
function load(): typeof import("./operations") {
  try {
    return require("genesys-eventbridge/provider");
  } catch {
    return require(require("path").resolve("dist/src/pulumi/operations.js"));
  }
}
