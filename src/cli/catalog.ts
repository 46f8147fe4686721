import { Either, left, right } from "fp-ts/Either";
import type { SourceDefinition } from "../definition";
import type { AvailableTopicEntityListing } from "../definition/catalog/available-topic";
import { checkAgainstCatalog } from "../definition/catalog/check-definition";
import { readCatalogFile } from "../files/catalog-file";
import { createGenesysClient } from "../genesys/client";
import { describeError } from "../genesys/describe";
import { describeUnknownRegion } from "../genesys/regions";
import { topicCatalogOf } from "../genesys/integrations/topic-catalog";
import { UsageError } from "./command";
import { genesysSettingsFromEnv } from "./genesys-settings";
import { Problem, issueProblem } from "./problems";

/**
 * The topic catalog a command works with: the saved one `file` names, else
 * the organization's, read with the Genesys settings of the environment
 * (`GENESYSCLOUD_*`; missing settings are a usage error, thrown as
 * {@link UsageError}). A file or a request that fails is a problem line.
 */
export async function loadCatalog(file: string | undefined): Promise<Either<string, AvailableTopicEntityListing>> {
  if (file !== undefined) return readCatalogFile(file);
  const settings = genesysSettingsFromEnv();
  if (settings._tag === "Left") {
    throw new UsageError(`missing or invalid Genesys Cloud settings (or give a saved catalog with --catalog <file>):\n  ${settings.left.join("\n  ")}`);
  }
  const client = createGenesysClient(settings.right);
  if (client._tag === "Left") throw new UsageError(describeUnknownRegion(client.left));
  const read = await topicCatalogOf(client.right);
  return read._tag === "Left" ? left(`cannot read the topic catalog: ${describeError(read.left)}`) : right(read.right);
}

/**
 * What a saved catalog (`--catalog <file>`) refutes in a definition, as CLI
 * problems with their property paths; none without a file. A file that
 * cannot be read is one problem naming it.
 */
export function catalogProblems(definition: SourceDefinition, file: string | true | undefined): ReadonlyArray<Problem> {
  if (typeof file !== "string") return [];
  const catalog = readCatalogFile(file);
  if (catalog._tag === "Left") return [{ message: catalog.left, file }];
  return checkAgainstCatalog(definition, catalog.right).map(issueProblem);
}
