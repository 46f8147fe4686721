import * as t from "io-ts";
import { isLeft } from "fp-ts/Either";
import { AvailableTopicEntityListing } from "./available-topic";

/** The property path of an io-ts context in accessor notation; the members of an intersection add no step. */
function pathOf(context: t.Context): string {
  let path = "";
  context.forEach(({ key }, i) => {
    if (key === "" || (i > 0 && context[i - 1].type instanceof t.IntersectionType)) return;
    path += /^\d+$/.test(key) ? `[${key}]` : path === "" ? key : `.${key}`;
  });
  return path;
}

const wanted: Readonly<Record<string, string>> = {
  string: "a string",
  boolean: "true or false",
  UnknownRecord: "an object",
  "Array<string>": "a list of strings",
};

/** What a codec expects, in words. */
function expectation(name: string | undefined): string {
  if (name === undefined) return "a value";
  return wanted[name] ?? (name.startsWith("Array<") ? "a list" : "an object");
}

/**
 * Checks a body meant to replace the emulator's catalog: an
 * `AvailableTopicEntityListing` whose topics have non-empty, distinct ids.
 * Answers the listing, or the problems, each naming its property path
 * (`entities[2].transports`) and what was expected there.
 */
export function checkTopicListing(body: unknown): { ok: true; listing: AvailableTopicEntityListing } | { ok: false; problems: ReadonlyArray<string> } {
  const decoded = AvailableTopicEntityListing.decode(body);
  if (isLeft(decoded)) {
    const problems = new Set<string>();
    for (const error of decoded.left) {
      const path = pathOf(error.context);
      const last = error.context[error.context.length - 1];
      const shown = error.value === undefined ? "nothing" : JSON.stringify(error.value)?.slice(0, 60) ?? String(error.value);
      problems.add(`${path === "" ? "the body" : path}: expected ${expectation(last?.type.name)}, found ${shown}`);
    }
    return { ok: false, problems: [...problems].slice(0, 10) };
  }
  const problems: string[] = [];
  const seen = new Map<string, number>();
  decoded.right.entities.forEach((topic, i) => {
    if (topic.id.trim() === "") problems.push(`entities[${i}].id: expected a topic template such as v2.users.{id}.presence, found an empty string`);
    const first = seen.get(topic.id);
    if (first !== undefined) problems.push(`entities[${i}].id: ${JSON.stringify(topic.id)} is listed already at entities[${first}]; give each topic once`);
    else seen.set(topic.id, i);
  });
  return problems.length === 0 ? { ok: true, listing: decoded.right } : { ok: false, problems: problems.slice(0, 10) };
}
