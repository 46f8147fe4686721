import * as E from "fp-ts/Either";
import type * as pulumi from "@pulumi/pulumi";
import { formatUndelivered, DefinitionIssue } from "../definition";
import { definitionIssue, formatIssue } from "../definition/issue";
import { completePreparation, preparePayload } from "../definition/prepare";
import type { AvailableTopicEntityListing } from "../definition/catalog/available-topic";
import { checkAgainstCatalog } from "../definition/catalog/check-definition";
import { readImpactEvents } from "./impact";
import { definitionOf, inputPathOf } from "./inputs";
import { decodeSteering } from "./steering";
import { unknownPaths } from "./unknowns";

/** A topic catalog to check a definition against, and what its refutations are: failures (`enforce`) or warnings (`warn`). */
export interface CatalogCheck {
  readonly listing: AvailableTopicEntityListing;
  readonly mode: "enforce" | "warn";
}

/** What `check` says of a resource: the engine's check result, and the lines the preview shows on the resource as warnings. */
export interface CheckOutcome {
  readonly result: pulumi.dynamic.CheckResult;
  /**
   * What the AWS route does not carry out (`<id> (AWS route): <path>: <reason>`)
   * and, under `warn`, what the catalog refutes (`topic catalog: <input path>: <reason>`).
   */
  readonly warnings: ReadonlyArray<string>;
}

/**
 * The provider's `check`, in one pass over the inputs: decodes and validates
 * the definition, projects the sample events through it and compiles its AWS
 * route (the same preparation a write makes, see `completePreparation`),
 * checks it against the topic catalog when one is given (read by the
 * caller), reads the `impactEvents` corpus when one is named, and returns
 * every problem as a check failure named by its property path. What the
 * route does not carry out comes back as warnings. Never touches the
 * network. Problems at or below a value that is still unknown (preview) are
 * not reported, and no warning is: they will be checked once the value is
 * known.
 */
export function checkSource(news: Record<string, unknown>, catalog?: CatalogCheck): CheckOutcome {
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
  const warnings: string[] = [];
  if (E.isRight(decoded) && E.isRight(steering) && unknown.length === 0) {
    const prepared = completePreparation(decoded.right, steering.right.samples ?? []);
    if (E.isLeft(prepared)) issues.push(...prepared.left);
    else warnings.push(...prepared.right.route.undelivered.map((u) => `${prepared.right.definition.id} (AWS route): ${formatUndelivered(u)}`));
  }
  if (E.isRight(steering) && steering.right.impactEvents !== undefined) {
    const corpus = readImpactEvents(steering.right.impactEvents);
    if (E.isLeft(corpus)) issues.push(corpus.left);
  }
  const failuresOf = (list: ReadonlyArray<DefinitionIssue>) =>
    list.filter((i) => known(i.path)).map((i) => ({ property: inputPathOf(i.path), reason: i.message }));
  const failures = failuresOf(issues);
  const refuted = catalog !== undefined && E.isRight(decoded) ? failuresOf(checkAgainstCatalog(decoded.right.definition, catalog.listing)) : [];
  if (catalog?.mode === "warn") warnings.push(...refuted.map((f) => `topic catalog: ${formatIssue(definitionIssue(f.property, f.reason))}`));
  else failures.push(...refuted);
  const inputs = news.eventStreamType === undefined ? { ...news, eventStreamType: "aws-eventbridge" } : news;
  return { result: failures.length > 0 ? { inputs, failures } : { inputs }, warnings };
}

/** The top-level property a path starts with: `filters` for `filters[0].eventType`. */
function topKey(path: string): string {
  return /^[^.[]*/.exec(path)?.[0] ?? "";
}
