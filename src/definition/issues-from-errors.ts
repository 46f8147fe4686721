import * as t from "io-ts";
import { definitionIssue, DefinitionIssue } from "./issue";
import { expected } from "./preview";

/**
 * Turns io-ts validation errors into {@link DefinitionIssue}s. Context keys
 * are accessor fragments (see `codec-kit.ts`), so the path is their
 * concatenation; the root key names the whole value (`""` for a definition,
 * `samples` for sample events). Duplicates are dropped; order is kept.
 */
export function issuesFromErrors(errors: t.Errors): ReadonlyArray<DefinitionIssue> {
  const seen = new Set<string>();
  const issues: DefinitionIssue[] = [];
  for (const e of errors) {
    const path = pathOf(e.context);
    const last = e.context[e.context.length - 1];
    const message = e.message ?? expected(last === undefined ? "a value" : last.type.name, e.value);
    const key = `${path}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push(definitionIssue(path, message));
  }
  return issues;
}

/** The property path a context stands for: its keys joined, without a leading `.`. */
export function pathOf(context: t.Context): string {
  const joined = context.map((entry) => entry.key).join("");
  return joined.startsWith(".") ? joined.slice(1) : joined;
}
