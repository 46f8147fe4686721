import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

/*
 * Packs the package as `npm pack` ships it (from a private build, so the
 * shared dist/ is left alone), unpacks it into a fresh project whose other
 * dependencies are the repository's, and imports `genesys-eventbridge/aws`
 * there: at run time through the package's `exports`, and at compile time
 * under both TypeScript module resolutions users meet (node16, node10).
 */
const ROOT = path.join(__dirname, "..", "..");
let work: string;
let project: string;

function run(command: string, args: ReadonlyArray<string>, cwd: string): { code: number | null; out: string } {
  const r = spawnSync(command, args, { cwd, encoding: "utf8" });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "geb-pack-"));
  const staging = path.join(work, "staging");
  fs.mkdirSync(staging);
  for (const f of ["package.json", "README.md"]) fs.copyFileSync(path.join(ROOT, f), path.join(staging, f));
  fs.cpSync(path.join(ROOT, "bin"), path.join(staging, "bin"), { recursive: true });
  const tsc = path.join(ROOT, "node_modules", "typescript", "bin", "tsc");
  const build = run(process.execPath, [tsc, "-p", path.join(ROOT, "tsconfig.build.json"), "--outDir", path.join(staging, "dist"), "--sourceMap", "false"], ROOT);
  if (build.code !== 0) throw new Error(`build failed: ${build.out}`);
  const pack = run("npm", ["pack", "--ignore-scripts", "--silent", "--pack-destination", work], staging);
  if (pack.code !== 0) throw new Error(`npm pack failed: ${pack.out}`);
  const tarball = path.join(work, pack.out.trim().split("\n").pop() as string);

  project = path.join(work, "project");
  const modules = path.join(project, "node_modules");
  fs.mkdirSync(path.join(modules, "genesys-eventbridge"), { recursive: true });
  const untar = run("tar", ["-xzf", tarball, "-C", path.join(modules, "genesys-eventbridge"), "--strip-components=1"], work);
  if (untar.code !== 0) throw new Error(`tar failed: ${untar.out}`);
  for (const entry of fs.readdirSync(path.join(ROOT, "node_modules"))) {
    if (entry !== "genesys-eventbridge" && entry !== ".bin") fs.symlinkSync(path.join(ROOT, "node_modules", entry), path.join(modules, entry));
  }
  fs.writeFileSync(path.join(project, "package.json"), JSON.stringify({ name: "user-program", version: "1.0.0", private: true }));
  fs.writeFileSync(
    path.join(project, "index.ts"),
    [
      'import { EventBridgeSource } from "genesys-eventbridge";',
      'import { EventBridgeRoute, EventBridgeRouteArgs, sqsQueueTarget, compileRoute } from "genesys-eventbridge/aws";',
      "export type Uses = [EventBridgeSource, EventBridgeRoute, EventBridgeRouteArgs, typeof sqsQueueTarget, typeof compileRoute];",
      "",
    ].join("\n"),
  );
}, 240000);

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe("a packed install", () => {
  it("ships the component under genesys-eventbridge/aws", () => {
    const script = 'const m = require("genesys-eventbridge/aws"); console.log([typeof m.EventBridgeRoute, typeof m.sqsQueueTarget, typeof m.compileRoute].join(" "))';
    expect(run(process.execPath, ["-e", script], project)).toEqual({ code: 0, out: "function function function\n" });
  });

  it.each(["node16", "node10"])("type-checks an import of genesys-eventbridge/aws under moduleResolution %s", (resolution) => {
    const tsc = path.join(ROOT, "node_modules", "typescript", "bin", "tsc");
    const flags = ["--noEmit", "--strict", "--skipLibCheck", "--types", "node", "--target", "ES2022"];
    const module = resolution === "node16" ? ["--module", "node16", "--moduleResolution", "node16"] : ["--module", "commonjs", "--moduleResolution", "node10"];
    expect(run(process.execPath, [tsc, ...flags, ...module, "index.ts"], project)).toEqual({ code: 0, out: "" });
  });
});
