import * as fs from "fs";
import * as path from "path";

const SRC = path.join(__dirname, "..", "..", "src");

function indexFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return indexFiles(full);
    return e.name === "index.ts" ? [path.relative(SRC, full).split(path.sep).join("/")] : [];
  });
}

describe("index.ts files", () => {
  it("exist only for the package's entry points: inside the package, files import the files they use", () => {
    expect(indexFiles(SRC).sort()).toEqual(["aws/index.ts", "definition/index.ts", "emulator/index.ts", "index.ts", "webhook/index.ts"]);
  });
});
