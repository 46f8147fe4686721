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
  return runCliWithInput(undefined, ...argv);
}

/** Runs `main()` with captured output and `input` as standard input (in chunks, as a pipe delivers it). */
export async function runCliWithInput(input: string | Buffer | undefined, ...argv: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const bytes = input === undefined ? Buffer.alloc(0) : Buffer.from(input);
  async function* stdin(): AsyncGenerator<Buffer> {
    for (let at = 0; at < bytes.length; at += 65_536) yield bytes.subarray(at, at + 65_536);
  }
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), stdin: stdin() });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

/** The examples folder of the repository. */
export const EXAMPLES = path.join(__dirname, "..", "..", "stacks", "examples");
/** The definition and samples of the unit tests (the example of the original design with real topic names). */
export const FIXTURES = path.join(__dirname, "..", "definition", "fixtures");

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
