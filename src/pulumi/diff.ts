import * as E from "fp-ts/Either";
import type * as pulumi from "@pulumi/pulumi";
import { canonicalJson, diffDefinitions } from "../definition";
import { preparePayload } from "../definition/prepare";
import type { SourceDefinition } from "../definition/source-definition";
import { intendedStateOr } from "../definition/vocabulary/intended-state";
import { definitionOf } from "./inputs";
import { unknownPaths } from "./unknowns";

/** The applied and the desired definition, decoded once by `diff` for what else the diff reports (the delivery impact). */
export interface DecodedPair {
  readonly before: SourceDefinition;
  readonly after: SourceDefinition;
}

/**
 * The provider's `diff`: compares the desired definition with the one the last
 * deployment applied (kept in the old outputs). A changed `id`, or a switch to
 * another API contract, replaces the source; every other change updates it in
 * place. Samples and the conflict policy steer the provider and change nothing
 * remotely, so they alone cause no update. Drift a refresh recorded is a
 * change too: the update puts the declaration back. Both definitions come
 * back as decoded when the comparison had to decode them.
 */
export function diffSource(
  olds: Record<string, unknown>,
  news: Record<string, unknown>,
  currentApi: string | undefined,
): { readonly result: pulumi.dynamic.DiffResult; readonly decoded?: DecodedPair } {
  const replaces: string[] = [];
  if (news.sourceId !== olds.sourceId) replaces.push("sourceId");
  if (currentApi !== undefined && olds.api !== undefined && olds.api !== currentApi) replaces.push("api");
  const inPlace = changesInPlace(olds, news);
  return { result: { changes: replaces.length > 0 || inPlace.changes, replaces, deleteBeforeReplace: false }, ...(inPlace.decoded === undefined ? {} : { decoded: inPlace.decoded }) };
}

function changesInPlace(olds: Record<string, unknown>, news: Record<string, unknown>): { readonly changes: boolean; readonly decoded?: DecodedPair } {
  // Not known until the values arrive: say "maybe" so the engine shows an update.
  const desired = definitionOf(news);
  if (unknownPaths(desired).length > 0) return { changes: true };
  if (intendedStateOr(news.intendedState) !== intendedStateOr(olds.intendedState) || (Array.isArray(olds.drift) && olds.drift.length > 0)) return { changes: true };
  const applied = definitionOf(olds);
  // The same definition as written (the usual case of a preview with no change) needs no decoding: `check` has
  // validated the new one, and equal values decode equal.
  if (canonicalJson(applied) === canonicalJson(desired)) return { changes: false };
  const before = preparePayload(applied);
  const after = preparePayload(desired);
  // An old state this code cannot read is re-applied to be safe.
  if (E.isLeft(before) || E.isLeft(after)) return { changes: true };
  const decoded = { before: before.right.definition, after: after.right.definition };
  return { changes: diffDefinitions(decoded.before, decoded.after).length > 0, decoded };
}
