import * as path from "path";
import { Either, isLeft, left, right } from "fp-ts/Either";
import type { AvailableTopicEntityListing } from "../definition/catalog/available-topic";
import { readCatalogFile } from "../files/catalog-file";
import type { GenesysClient } from "../genesys/client";
import type { ProviderSettings } from "./settings";
import { UNKNOWN } from "./unknowns";

/** A problem getting the catalog: the input property it belongs to (`catalog`, or none for a setting) and why. */
export interface CatalogProblem {
  readonly property: string;
  readonly reason: string;
}

/** How to go on without the catalog, said after every problem reading it. */
const WITHOUT = "to deploy without the check, set genesys:catalog to warn or off, or give a saved catalog with genesys:catalogFile";

let client: { readonly settings: ProviderSettings; readonly client: GenesysClient } | undefined;

function clientFor(settings: ProviderSettings): GenesysClient | undefined {
  if (client?.settings !== settings) {
    // Loaded here: only the organization's catalog needs the HTTP client.
    const { createGenesysClient } = require("../genesys/client") as typeof import("../genesys/client");
    const made = createGenesysClient(settings);
    if (isLeft(made)) return undefined; // an unknown region is a settings problem, reported as such
    client = { settings, client: made.right };
  }
  return client.client;
}

/**
 * The topic catalog a resource's definition is checked against: `undefined`
 * when there is none to check (`genesys:catalog` `off`, the event-streams
 * contract without a saved catalog, or a catalog file still unknown during
 * preview), else the saved catalog the resource's `catalog` input or
 * `genesys:catalogFile` names (relative to the Pulumi project folder), else
 * the organization's, read once per process through the Integrations
 * adapter. A problem names where it comes from and how to go on.
 */
export async function topicCatalogFor(
  settings: ProviderSettings,
  news: Readonly<Record<string, unknown>>,
  cwd: string = process.cwd(),
): Promise<Either<CatalogProblem, AvailableTopicEntityListing | undefined>> {
  if (settings.catalog === "off") return right(undefined);
  const input = news.catalog;
  if (input === UNKNOWN) return right(undefined);
  const file = typeof input === "string" ? { name: input, property: "catalog" } : settings.catalogFile === undefined ? undefined : { name: settings.catalogFile, property: "" };
  if (file !== undefined) {
    const read = readCatalogFile(path.resolve(cwd, file.name));
    if (isLeft(read)) return left({ property: file.property, reason: `${file.property === "" ? "genesys:catalogFile: " : ""}${read.left.replace(path.resolve(cwd, file.name), file.name)}` });
    return right(read.right);
  }
  if (settings.api !== "integrations") return right(undefined);
  const genesys = clientFor(settings);
  if (genesys === undefined) return right(undefined);
  const { topicCatalogOf } = require("../genesys/integrations/topic-catalog") as typeof import("../genesys/integrations/topic-catalog");
  const { describeError } = require("../genesys/describe") as typeof import("../genesys/describe");
  const read = await topicCatalogOf(genesys);
  if (isLeft(read)) return left({ property: "", reason: `genesys:catalog: cannot read the topic catalog of the organization: ${describeError(read.left)}; ${WITHOUT}` });
  return right(read.right);
}
