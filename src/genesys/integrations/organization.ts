import { Either, isLeft, left, right } from "fp-ts/Either";
import { PathReporter } from "io-ts/PathReporter";
import { correlationIdOf } from "../classify";
import type { GenesysClient } from "../client";
import { GenesysError, decodeError } from "../errors";
import { Organization } from "./codec";
import { organizationPath } from "./paths";

// One organization per set of credentials, and one lookup per process for
// each: concurrent operations share the request in flight, and a failed
// lookup is forgotten so that the next one asks again.
const lookups = new Map<string, Promise<Either<GenesysError, string>>>();

/**
 * The id of the organization a client's credentials belong to, from
 * `GET /api/v2/organizations/me`; asked once per process and set of
 * credentials, then cached (the request in flight is shared).
 */
export function organizationIdOf(client: GenesysClient): Promise<Either<GenesysError, string>> {
  const key = `${client.hosts.apiBaseUrl} ${client.identity}`;
  let lookup = lookups.get(key);
  if (lookup === undefined) {
    lookup = ask(client);
    lookups.set(key, lookup);
    void lookup.then((r) => {
      if (isLeft(r)) lookups.delete(key);
    });
  }
  return lookup;
}

async function ask(client: GenesysClient): Promise<Either<GenesysError, string>> {
  const answer = await client.request({ method: "GET", path: organizationPath });
  if (isLeft(answer)) return answer;
  const decoded = Organization.decode(answer.right.body);
  if (isLeft(decoded)) {
    const correlationId = correlationIdOf(answer.right.headers);
    return left(decodeError(
      { method: "GET", path: organizationPath, status: answer.right.status, ...(correlationId === undefined ? {} : { correlationId }) },
      PathReporter.report(decoded).join("; "),
    ));
  }
  return right(decoded.right.id);
}
