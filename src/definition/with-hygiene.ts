import { Either, left } from "fp-ts/Either";
import { DefinitionIssue } from "./issue";
import { JSON_MAX_DEPTH } from "./strict-json";
import { valueHygieneIssues } from "./well-formed";

/**
 * Runs `decode` on a value that passed the checks no schema makes (see
 * {@link valueHygieneIssues}); otherwise returns those issues together with
 * the decoder's issues at other paths, so one string is not reported twice.
 */
export function withHygiene<A>(
  input: unknown,
  root: string,
  decode: () => Either<ReadonlyArray<DefinitionIssue>, A>,
): Either<ReadonlyArray<DefinitionIssue>, A> {
  const hygiene = valueHygieneIssues(input, root, JSON_MAX_DEPTH);
  if (hygiene.length === 0) return decode();
  const decoded = decode();
  const flagged = new Set(hygiene.map((i) => i.path));
  const others = decoded._tag === "Left" ? decoded.left.filter((i) => !flagged.has(i.path)) : [];
  return left([...hygiene, ...others]);
}
