import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { load } from "../../src/pulumi/provider";

/*
 * How the provider process finds the implementation: by package name from the
 * program's folder, or as this repository's compiled file; when neither is
 * there, the error names the project folder and the fix.
 */
let work: string;

beforeEach(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "geb-load-"));
});
afterEach(() => fs.rmSync(work, { recursive: true, force: true }));

/** Writes `text` to `file` under the work folder, creating folders. */
function put(file: string, text: string): string {
  const full = path.join(work, file);
  fs.mkdirSync(path.dirname(full), { recursive: true });
  fs.writeFileSync(full, text);
  return full;
}

const SDK_ENTRY = "node_modules/@pulumi/pulumi/cmd/dynamic-provider/index.js";

describe("the provider's implementation loader", () => {
  it("says the package is not installed in the project folder, and how to fix it", () => {
    put("project/Pulumi.yaml", "name: p\nruntime: nodejs\n");
    fs.mkdirSync(path.join(work, "project", "bin"));
    const sdkEntry = put(`project/${SDK_ENTRY}`, "");
    expect(() => load(path.join(work, "project", "bin"), sdkEntry)).toThrow(
      new Error(`genesys-eventbridge is not installed in ${path.join(work, "project")}; run npm ci`),
    );
  });

  it("names the working folder when no Pulumi.yaml is above it", () => {
    expect(() => load(work, "")).toThrow(new Error(`genesys-eventbridge is not installed in ${work}; run npm ci`));
  });

  it("carries no stack trace, which the provider host would print after the message", () => {
    const error = (() => {
      try {
        load(work, "");
      } catch (e) {
        return e as Error;
      }
      return undefined;
    })();
    expect(error?.stack).toBe("then re-run the command");
  });

  it("loads the installed package's ./provider export from the program's folder", () => {
    put("project/node_modules/genesys-eventbridge/package.json", JSON.stringify({ name: "genesys-eventbridge", exports: { "./provider": "./impl.js" } }));
    put("project/node_modules/genesys-eventbridge/impl.js", "exports.found = 'installed';");
    expect(load(path.join(work, "project"), "")).toEqual({ found: "installed" });
  });

  it("loads this repository's compiled implementation next to the SDK's node_modules", () => {
    put("repo/dist/src/pulumi/operations.js", "exports.found = 'compiled';");
    const sdkEntry = put(`repo/${SDK_ENTRY}`, "");
    expect(load(path.join(work, "elsewhere"), sdkEntry)).toEqual({ found: "compiled" });
  });
});
