import * as E from "fp-ts/Either";
import type * as pulumi from "@pulumi/pulumi";
import { decodeSamples, projectSamples, validateDefinition, DefinitionIssue } from "../definition";
import { definitionOf, inputPathOf } from "./inputs";
import { unknownPaths } from "./unknowns";

const POLICIES = ["overwrite", "fail"];
const STATES = ["ENABLED", "DISABLED"];

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
  const issues: DefinitionIssue[] = [...steeringIssues(news)];

  const decoded = validateDefinition(definitionOf(news));
  if (E.isLeft(decoded)) {
    issues.push(...decoded.left);
  } else if (news.samples !== undefined && unknown.length === 0) {
    const samples = decodeSamples(news.samples);
    if (E.isLeft(samples)) {
      // Sample issue paths already start at the `samples` input (`samples[0].eventType`).
      issues.push(...samples.left);
    } else {
      const projected = projectSamples(decoded.right, samples.right);
      if (E.isLeft(projected)) issues.push(...projected.left);
    }
  }
  const failures = issues
    .filter((i) => known(i.path))
    .map((i) => ({ property: inputPathOf(i.path), reason: i.message }));
  const inputs = news.eventStreamType === undefined ? { ...news, eventStreamType: "aws-eventbridge" } : news;
  return failures.length > 0 ? { inputs, failures } : { inputs };
}

function steeringIssues(news: Record<string, unknown>): DefinitionIssue[] {
  const out: DefinitionIssue[] = [];
  const oneOf = (key: string, allowed: string[]) => {
    const v = news[key];
    if (v !== undefined && !allowed.includes(v as string)) {
      out.push(issue(key, `expected one of ${allowed.join(", ")}, found ${JSON.stringify(v)}`));
    }
  };
  oneOf("conflictPolicy", POLICIES);
  oneOf("intendedState", STATES);
  if (news.adoptExisting !== undefined && typeof news.adoptExisting !== "boolean") {
    out.push(issue("adoptExisting", `expected a boolean, found ${JSON.stringify(news.adoptExisting)}`));
  }
  return out;
}

/** The top-level property a path starts with: `filters` for `filters[0].eventType`. */
function topKey(path: string): string {
  return /^[^.[]*/.exec(path)?.[0] ?? "";
}

function issue(path: string, message: string): DefinitionIssue {
  return { _tag: "DefinitionIssue", path, message };
}
