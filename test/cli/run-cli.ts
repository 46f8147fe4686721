import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli";

/** What one CLI run produced. */
export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Runs `main()` with captured output. */
export async function runCli(...argv: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

/** The examples folder of the repository. */
export const EXAMPLES = path.join(__dirname, "..", "..", "stacks", "examples");

const created: string[] = [];

/** A fresh temporary directory (removed by {@link removeTempDirs}); write files into it with {@link writeJson}. */
export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "geb-cli-"));
  created.push(dir);
  return dir;
}

/** Removes every directory {@link tempDir} created. */
export function removeTempDirs(): void {
  for (const dir of created.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** Writes a value as JSON into `dir/name` and returns the file's path. */
export function writeJson(dir: string, name: string, value: unknown): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify(value));
  return file;
}
