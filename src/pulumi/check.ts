import * as E from "fp-ts/Either";
import type * as pulumi from "@pulumi/pulumi";
import { projectSamples, DefinitionIssue } from "../definition";
import { definitionIssue, formatIssue } from "../definition/issue";
import { preparePayload } from "../definition/prepare";
import type { AvailableTopicEntityListing } from "../definition/catalog/available-topic";
import { checkAgainstCatalog } from "../definition/catalog/check-definition";
import { readImpactEvents } from "./impact";
import { definitionOf, inputPathOf } from "./inputs";
import { decodeSteering } from "./steering";
import { unknownPaths } from "./unknowns";

/**
 * The provider's `check`: decodes and validates the definition, projects the
 * sample events through it, checks it against the topic catalog when one is
 * given (read by the caller), reads the `impactEvents` corpus when one is
 * named, and returns every problem as a check failure
 * named by its property path. Never touches the network. Problems at or
 * below a value that is still unknown (preview) are not reported: they will
 * be checked once the value is known.
 */
export function checkInputs(news: Record<string, unknown>, catalog?: AvailableTopicEntityListing): pulumi.dynamic.CheckResult {
  const { inputs, failures, catalogFailures } = checkParts(news, catalog);
  const all = [...failures, ...catalogFailures];
  return all.length > 0 ? { inputs, failures: all } : { inputs };
}

/**
 * {@link checkInputs} for the `warn` mode of `genesys:catalog`: what the
 * catalog refutes comes back as `<input path>: <reason>` lines instead of
 * failures (none when a value is still unknown), in the same one pass.
 */
export function checkInputsWarningOnCatalog(
  news: Record<string, unknown>,
  catalog: AvailableTopicEntityListing,
): { readonly result: pulumi.dynamic.CheckResult; readonly warnings: ReadonlyArray<string> } {
  const { inputs, failures, catalogFailures } = checkParts(news, catalog);
  const warnings = catalogFailures.map((f) => formatIssue(definitionIssue(f.property, f.reason)));
  return { result: failures.length > 0 ? { inputs, failures: [...failures] } : { inputs }, warnings };
}

interface CheckParts {
  readonly inputs: Record<string, unknown>;
  readonly failures: ReadonlyArray<pulumi.dynamic.CheckFailure>;
  readonly catalogFailures: ReadonlyArray<pulumi.dynamic.CheckFailure>;
}

function checkParts(news: Record<string, unknown>, catalog: AvailableTopicEntityListing | undefined): CheckParts {
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
    // Only the projection: check has no use for the route the write compiles.
    const projected = projectSamples(decoded.right.definition, steering.right.samples);
    if (E.isLeft(projected)) issues.push(...projected.left);
  }
  if (E.isRight(steering) && steering.right.impactEvents !== undefined) {
    const corpus = readImpactEvents(steering.right.impactEvents);
    if (E.isLeft(corpus)) issues.push(corpus.left);
  }
  const refuted = catalog !== undefined && E.isRight(decoded) ? checkAgainstCatalog(decoded.right.definition, catalog) : [];
  const failuresOf = (list: ReadonlyArray<DefinitionIssue>) =>
    list.filter((i) => known(i.path)).map((i) => ({ property: inputPathOf(i.path), reason: i.message }));
  const inputs = news.eventStreamType === undefined ? { ...news, eventStreamType: "aws-eventbridge" } : news;
  return { inputs, failures: failuresOf(issues), catalogFailures: failuresOf(refuted) };
}

/** The top-level property a path starts with: `filters` for `filters[0].eventType`. */
function topKey(path: string): string {
  return /^[^.[]*/.exec(path)?.[0] ?? "";
}
