import * as E from "fp-ts/Either";
import type * as pulumi from "@pulumi/pulumi";
import { diffDefinitions, validateDefinition } from "../definition";
import { definitionOf } from "./inputs";
import { unknownPaths } from "./unknowns";

/**
 * The provider's `diff`: compares the desired definition with the one the last
 * deployment applied (kept in the old outputs). A changed `id`, or a switch to
 * another API contract, replaces the source; every other change updates it in
 * place. Samples and the conflict policy steer the provider and change nothing
 * remotely, so they alone cause no update.
 *
 * Returns the changed property paths too, for the provider's own log.
 */
export function diffInputs(
  olds: Record<string, unknown>,
  news: Record<string, unknown>,
  currentApi: string | undefined,
): pulumi.dynamic.DiffResult & { paths: string[] } {
  const replaces: string[] = [];
  if (news.sourceId !== olds.sourceId) replaces.push("sourceId");
  if (currentApi !== undefined && olds.api !== undefined && olds.api !== currentApi) replaces.push("api");

  const unknown = unknownPaths(definitionOf(news));
  if (unknown.length > 0) {
    // Not known until the values arrive: say "maybe" so the engine shows an update.
    return { changes: true, replaces, paths: unknown, deleteBeforeReplace: false };
  }
  const paths: string[] = [];
  const before = validateDefinition(definitionOf(olds));
  const after = validateDefinition(definitionOf(news));
  if (E.isRight(before) && E.isRight(after)) {
    paths.push(...diffDefinitions(before.right, after.right));
  } else {
    // An old state this code cannot read: re-apply to be safe.
    paths.push("definition");
  }
  if ((news.intendedState ?? "ENABLED") !== (olds.intendedState ?? "ENABLED")) paths.push("intendedState");
  if (Array.isArray(olds.drift) && olds.drift.length > 0) paths.push(...(olds.drift as string[]).map((p) => `remote:${p}`));
  return { changes: paths.length > 0 || replaces.length > 0, replaces, paths, deleteBeforeReplace: false };
}
