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
  // Each method is serialized with a wrapper of its own, and the text sits in every resource's inputs and
  // outputs: kept to one call each.
  configure: (req) => load().configure(req.config),
  check: (olds, news) => load().check(olds, news),
  diff: (id, olds, news) => load().diff(id, olds, news),
  create: (inputs) => load().create(inputs),
  update: (id, olds, news) => load().update(id, olds, news),
  read: (id, props) => load().read(id, props ?? {}),
  delete: (id, props) => load().delete(id, props),
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
      const up = (d: string): string => (fs.existsSync(path.join(d, "Pulumi.yaml")) || path.dirname(d) === d ? d : up(path.dirname(d)));
      const project = up(path.resolve(cwd));
      // No stack trace: the provider host prints `${error}: ${error.stack}`, and a trace here only hides the fix.
      throw Object.assign(new Error(`genesys-eventbridge is not installed in ${fs.existsSync(path.join(project, "Pulumi.yaml")) ? project : path.resolve(cwd)}; run npm ci`), { stack: "then re-run the command" });
    }
  }
  return require(found);
}
