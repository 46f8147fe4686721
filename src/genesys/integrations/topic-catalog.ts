import { Either, isLeft, right } from "fp-ts/Either";
import * as t from "io-ts";
import { AvailableTopic, AvailableTopicEntityListing } from "../../definition/catalog/available-topic";
import type { GenesysClient } from "../client";
import { decodeAnswer } from "../decode-answer";
import type { GenesysError } from "../errors";
import { keptLookup } from "../kept-lookup";
import { topicCatalogPath } from "./paths";

/** One page of the catalog: the listing, and the paging fields when the platform pages it. */
const CatalogPage = t.intersection([
  t.type({ entities: t.array(AvailableTopic) }),
  t.partial({ pageNumber: t.number, pageCount: t.number, nextUri: t.union([t.string, t.null]) }),
]);

/** The most pages read: far more than the catalog has, bounded for a server that keeps paging. */
const MAX_PAGES = 100;

// One catalog per set of credentials and process (credentials belong to one
// organization, so no organization lookup is needed to key it): concurrent
// checks share the request in flight, and a failed read is forgotten so that
// the next one asks again.
const catalogs = keptLookup<GenesysError, AvailableTopicEntityListing>();

/**
 * The organization's notification topic catalog with every topic's
 * description, event schema and transports, from
 * `GET /api/v2/notifications/availabletopics?expand=description,schema,transports`
 * (following `pageCount` when the platform pages it), through the client's
 * rate-limited transport. Read once per process and credentials, then
 * cached; checks that start meanwhile share the request.
 * See https://developer.genesys.cloud/notificationsalerts/notifications/available-topics
 */
export async function topicCatalogOf(client: GenesysClient): Promise<Either<GenesysError, AvailableTopicEntityListing>> {
  return catalogs(`${client.hosts.apiBaseUrl} ${client.identity}`, () => readAll(client));
}

async function readAll(client: GenesysClient): Promise<Either<GenesysError, AvailableTopicEntityListing>> {
  const entities: AvailableTopic[] = [];
  for (let pageNumber = 1; pageNumber <= MAX_PAGES; pageNumber++) {
    const path = topicCatalogPath(pageNumber);
    const answer = await client.request({ method: "GET", path });
    if (isLeft(answer)) return answer;
    const decoded = decodeAnswer("GET", path, answer.right, CatalogPage, 3);
    if (isLeft(decoded)) return decoded;
    entities.push(...decoded.right.entities);
    const { pageCount } = decoded.right;
    if (pageCount === undefined || pageNumber >= pageCount || decoded.right.entities.length === 0) break;
  }
  return right({ entities });
}
