import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { Either, left, right } from "fp-ts/Either";

/**
 * The content of `file` as it was at the git revision `ref`
 * (`git show <ref>:./<file>`, run in the file's folder, so the path is the
 * same file whatever the working folder), at most `limit` bytes. Runs git
 * directly, without a shell; a ref that starts with `-` is refused so it
 * cannot be read as an option. Left is git's own message (its first line)
 * or why git could not run. Never throws.
 */
export function gitShow(ref: string, file: string, limit: number): Either<string, Buffer> {
  if (ref === "" || ref.startsWith("-") || /[\0\n]/.test(ref)) return left(`${JSON.stringify(ref)} is not a git revision`);
  const run = spawnSync("git", ["show", `${ref}:./${path.basename(file)}`], {
    cwd: path.dirname(path.resolve(file)),
    maxBuffer: limit + 1,
    env: { ...process.env, GIT_PAGER: "cat", GIT_TERMINAL_PROMPT: "0" },
  });
  if (run.error !== undefined) {
    const code = (run.error as NodeJS.ErrnoException).code;
    if (code === "ENOBUFS") return left(`${file} at ${ref} is larger than ${limit} bytes, the limit for a definition file`);
    return left(code === "ENOENT" ? "git is not installed (it is needed for --base)" : `git could not run (${code ?? run.error.message})`);
  }
  if (run.status !== 0) {
    const said = run.stderr.toString("utf8").trim().split("\n")[0] ?? "";
    return left(`git show ${ref}:${path.basename(file)} failed${said === "" ? "" : `: ${said}`}`);
  }
  return right(run.stdout);
}
