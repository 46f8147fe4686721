import { DefinitionIssue, formatIssue } from "../definition";
import { describeFileProblem } from "../files/problem";
import type { FileProblem } from "../files/problem";
import { CliIo, ExitCode } from "./command";

/**
 * One problem as the CLI reports it: `message` is the line printed on
 * stderr; `file`, `line`, `column` and `path` (accessor notation) are there
 * when known, for the `--json` document.
 */
export interface Problem {
  readonly message: string;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly path?: string;
}

/** The problem for a file that cannot be read as JSON (named, with `line:column` for JSON problems). */
export function fileProblem(p: FileProblem): Problem {
  const message = describeFileProblem(p);
  if (p._tag !== "FileNotJson") return { message, file: p.file };
  const j = p.problem;
  return { message, file: p.file, line: j.line, column: j.column, ...(j._tag === "JsonSyntax" ? {} : { path: j.path }) };
}

/** The problem for a definition or sample issue (`<path>: <message>`). */
export function issueProblem(i: DefinitionIssue): Problem {
  return { message: formatIssue(i), path: i.path };
}

/**
 * Reports problems and returns exit code 1: with `json`, one document
 * `{"ok":false,"problems":[...]}` on stdout; otherwise one line per problem
 * on stderr, after the `heading` line when one is given.
 */
export function reportProblems(io: CliIo, problems: ReadonlyArray<Problem>, json: boolean, heading?: string): number {
  if (json) {
    io.out(JSON.stringify({ ok: false, problems }));
  } else {
    io.err([...(heading === undefined ? [] : [heading]), ...problems.map((p) => (heading === undefined ? p.message : `  ${p.message}`))].join("\n"));
  }
  return ExitCode.invalid;
}

/** Prints a successful result: with `json`, `{"ok":true, ...document}` on one line on stdout. */
export function printJson(io: CliIo, document: Readonly<Record<string, unknown>>): number {
  io.out(JSON.stringify({ ok: true, ...document }));
  return ExitCode.ok;
}
