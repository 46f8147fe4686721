/**
 * A problem found in a source definition or its sample events: data, not an
 * exception. `path` is a property path in JavaScript accessor notation
 * (`filters[0].conditions[1].operator`, root-level `id`); the empty path means
 * the definition as a whole.
 */
export type DefinitionIssue = {
  readonly _tag: "DefinitionIssue";
  readonly path: string;
  readonly message: string;
};

/** Builds a {@link DefinitionIssue} from a path and a message. */
export function definitionIssue(path: string, message: string): DefinitionIssue {
  return { _tag: "DefinitionIssue", path, message };
}

/** The label {@link formatIssue} prints for the empty path (the whole definition). */
export const WHOLE_DEFINITION = "(definition)";

/** Renders an issue as one line, `<path>: <message>`. */
export function formatIssue(issue: DefinitionIssue): string {
  return `${issue.path === "" ? WHOLE_DEFINITION : issue.path}: ${issue.message}`;
}
