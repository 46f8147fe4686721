import * as E from "fp-ts/Either";
import type * as pulumi from "@pulumi/pulumi";
import type { DefinitionIssue } from "../definition";
import { completePreparation, preparePayload } from "../definition/prepare";
import { definitionOf, inputPathOf } from "./inputs";
import { decodeSteering } from "./steering";
import { unknownPaths } from "./unknowns";

/**
 * The provider's `check`: decodes and validates the definition, projects the
 * sample events through it, and returns every problem as a check failure
 * named by its property path. Never touches the network. Problems at or
 * below a value that is still unknown (preview) are not reported: they will
 * be checked once the value is known.
 */
export function checkInputs(news: Record<string, unknown>): pulumi.dynamic.CheckResult {
  const unknown = unknownPaths(news);
  // Rules relate fields of one top-level property (the role ARN's account and
  // the account id), so a problem is held back when anything under the same
  // top-level property is unknown.
  const unknownTops = new Set(unknown.map(topKey));
  const known = (path: string) => !unknownTops.has(topKey(inputPathOf(path))) && !unknownTops.has("");
  const steering = decodeSteering(news);
  const decoded = preparePayload(definitionOf(news));
  // Steering issue paths are input paths already (`samples[0].eventType`).
  const issues: DefinitionIssue[] = [...(E.isLeft(steering) ? steering.left : []), ...(E.isLeft(decoded) ? decoded.left : [])];
  if (E.isRight(decoded) && E.isRight(steering) && steering.right.samples !== undefined && unknown.length === 0) {
    const prepared = completePreparation(decoded.right, steering.right.samples);
    if (E.isLeft(prepared)) issues.push(...prepared.left);
  }
  const failures = issues
    .filter((i) => known(i.path))
    .map((i) => ({ property: inputPathOf(i.path), reason: i.message }));
  const inputs = news.eventStreamType === undefined ? { ...news, eventStreamType: "aws-eventbridge" } : news;
  return failures.length > 0 ? { inputs, failures } : { inputs };
}

/** The top-level property a path starts with: `filters` for `filters[0].eventType`. */
function topKey(path: string): string {
  return /^[^.[]*/.exec(path)?.[0] ?? "";
}
