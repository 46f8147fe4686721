import { Either, isLeft, right } from "fp-ts/Either";
import type { GenesysClient } from "../client";
import { decodeAnswer } from "../decode-answer";
import type { GenesysError } from "../errors";
import { keptLookup } from "../kept-lookup";
import { Organization } from "./codec";
import { organizationPath } from "./paths";

// One organization per set of credentials, and one lookup per process for
// each: concurrent operations share the request in flight, and a failed
// lookup is forgotten so that the next one asks again.
const lookups = keptLookup<GenesysError, string>();

/**
 * The id of the organization a client's credentials belong to, from
 * `GET /api/v2/organizations/me`; asked once per process and set of
 * credentials, then cached (the request in flight is shared).
 */
export function organizationIdOf(client: GenesysClient): Promise<Either<GenesysError, string>> {
  return lookups(`${client.hosts.apiBaseUrl} ${client.identity}`, () => ask(client));
}

async function ask(client: GenesysClient): Promise<Either<GenesysError, string>> {
  const answer = await client.request({ method: "GET", path: organizationPath });
  if (isLeft(answer)) return answer;
  const decoded = decodeAnswer("GET", organizationPath, answer.right, Organization);
  if (isLeft(decoded)) return decoded;
  return right(decoded.right.id);
}
