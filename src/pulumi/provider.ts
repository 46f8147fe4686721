import type * as pulumi from "@pulumi/pulumi";
import type { SourceInputs } from "./inputs";
import type { SourceOutputs } from "./outputs";

/**
 * The dynamic provider object that Pulumi serializes into state (`__provider`).
 *
 * It captures nothing: no client, no token, no secret, no module. Each method
 * loads the implementation when it runs, inside the provider process, so the
 * serialized text stays a few kilobytes and holds no secret (see
 * test/pulumi/provider-serialization.test.ts). Credentials are read in
 * `configure` from stack config or the environment.
 */
export const eventBridgeSourceProvider: pulumi.dynamic.ResourceProvider<SourceInputs, SourceOutputs> = {
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
    return load().read(id, props ?? {});
  },
  async delete(id, props) {
    return load().delete(id, props);
  },
};

/**
 * Loads the provider's implementation in the provider process, seen from its
 * working folder `cwd` (the program's folder) and the SDK entry `sdkEntry`
 * that runs the provider. Installed as a dependency, the package resolves by
 * name. Inside this repository, the compiled file is next to the
 * `node_modules` that holds that SDK
 * (`<root>/node_modules/@pulumi/pulumi/cmd/dynamic-provider/index.js`).
 * Neither way writes a machine path into state. When neither finds it, the
 * error names the project folder (the one holding `Pulumi.yaml`) and the fix,
 * without a stack trace.
 */
export function load(cwd: string = process.cwd(), sdkEntry: string = require.main?.filename ?? ""): typeof import("./operations") {
  const path = require("path");
  const fs = require("fs");
  let found: string;
  try {
    found = require.resolve("genesys-eventbridge/provider", { paths: [cwd, path.dirname(path.resolve(cwd, sdkEntry))] });
  } catch {
    found = path.resolve(sdkEntry, "../../../../../..", "dist/src/pulumi/operations.js");
    if (sdkEntry === "" || !fs.existsSync(found)) {
      let project = path.resolve(cwd);
      while (!fs.existsSync(path.join(project, "Pulumi.yaml")) && path.dirname(project) !== project) project = path.dirname(project);
      const where = fs.existsSync(path.join(project, "Pulumi.yaml")) ? project : path.resolve(cwd);
      // No stack trace: the provider host prints `${error}: ${error.stack}`, and a trace here only hides the fix.
      throw Object.assign(new Error(`genesys-eventbridge is not installed in ${where}; run npm ci`), { stack: "then re-run the command" });
    }
  }
  return require(found);
}
