import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

/** The repository root. */
export const ROOT = path.join(__dirname, "..", "..");

/** Runs a command to completion; its exit code and its stdout and stderr together. */
export function run(command: string, args: ReadonlyArray<string>, cwd: string, env: NodeJS.ProcessEnv = process.env): { code: number | null; out: string } {
  const r = spawnSync(command, args, { cwd, encoding: "utf8", env, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, out: `${r.stdout ?? ""}${r.stderr ?? ""}${r.error ? String(r.error) : ""}` };
}

/**
 * Packs the package as `npm pack` ships it, from a private build in
 * `<work>/staging` (so the repository's own dist/ is left alone), and returns
 * the tarball's path (in `work`). What ships is what package.json `files`
 * names, copied from the repository, plus the fresh build.
 */
export function packPackage(work: string): string {
  const staging = path.join(work, "staging");
  fs.mkdirSync(staging, { recursive: true });
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { files: string[] };
  fs.copyFileSync(path.join(ROOT, "package.json"), path.join(staging, "package.json"));
  for (const entry of manifest.files.filter((f) => !f.startsWith("dist"))) {
    fs.cpSync(path.join(ROOT, entry), path.join(staging, entry), { recursive: true });
  }
  const tsc = path.join(ROOT, "node_modules", "typescript", "bin", "tsc");
  const build = run(process.execPath, [tsc, "-p", path.join(ROOT, "tsconfig.build.json"), "--outDir", path.join(staging, "dist"), "--sourceMap", "false"], ROOT);
  if (build.code !== 0) throw new Error(`build failed: ${build.out}`);
  const pack = run("npm", ["pack", "--ignore-scripts", "--silent", "--pack-destination", work], staging);
  if (pack.code !== 0) throw new Error(`npm pack failed: ${pack.out}`);
  return path.join(work, pack.out.trim().split("\n").pop() as string);
}

/** The files a tarball holds, relative to the package root (`package/` stripped), sorted. */
export function tarballFiles(tarball: string): string[] {
  const list = run("tar", ["-tzf", tarball], path.dirname(tarball));
  if (list.code !== 0) throw new Error(`tar failed: ${list.out}`);
  return list.out.trim().split("\n").map((f) => f.replace(/^package\//, "")).filter((f) => f !== "" && !f.endsWith("/")).sort();
}

/** The lowest `@pulumi/pulumi` the package's peer range admits (`>=X <4` in package.json): what a user may have at the oldest. */
export function lowestPulumiSdk(): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { peerDependencies: Record<string, string> };
  const lowest = /^>=(\d+\.\d+\.\d+)\s/.exec(manifest.peerDependencies["@pulumi/pulumi"] ?? "")?.[1];
  if (lowest === undefined) throw new Error("package.json's peerDependencies must give @pulumi/pulumi as '>=X.Y.Z <4'");
  return lowest;
}
