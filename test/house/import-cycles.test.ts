import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

// Every entry point of the package and of the repository's programs: together they reach every file under src/.
const ENTRIES = ["src/index.ts", "src/cli.ts", "src/aws/index.ts", "src/emulator/index.ts", "src/webhook/index.ts", "src/definition/index.ts", "src/pulumi/operations.ts"];
const ROOT = path.resolve(__dirname, "../..");

describe("imports in src/", () => {
  it("form no cycle, type-only imports included (dpdm's analysis)", () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "dpdm-")), "graph.json");
    // dpdm ships as ESM-only dependencies, so it runs as its own process.
    execFileSync(process.execPath, [require.resolve("dpdm/lib/bin/dpdm.js"), "--no-tree", "--no-warning", "--no-progress", "-o", out, ...ENTRIES], { cwd: ROOT, stdio: "pipe" });
    const graph = JSON.parse(fs.readFileSync(out, "utf8")) as { tree: Record<string, unknown>; circulars: string[][] };
    expect(Object.keys(graph.tree).filter((f) => f.startsWith("src/")).length).toBeGreaterThan(150);
    expect(graph.circulars.map((cycle) => cycle.join(" -> "))).toEqual([]);
  });
});
