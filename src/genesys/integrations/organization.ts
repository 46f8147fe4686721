import { Either, isLeft, left, right } from "fp-ts/Either";
import { PathReporter } from "io-ts/PathReporter";
import { correlationIdOf } from "../classify";
import type { GenesysClient } from "../client";
import { GenesysError, decodeError } from "../errors";
import { Organization } from "./codec";
import { organizationPath } from "./paths";

// One organization per client: its credentials belong to exactly one org.
const cache = new WeakMap<GenesysClient, string>();

/**
 * The id of the organization a client's credentials belong to, from
 * `GET /api/v2/organizations/me`; asked once per client, then cached.
 */
export async function organizationIdOf(client: GenesysClient): Promise<Either<GenesysError, string>> {
  const known = cache.get(client);
  if (known !== undefined) return right(known);
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
  cache.set(client, decoded.right.id);
  return right(decoded.right.id);
}
