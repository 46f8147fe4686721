import { Either, isLeft, left, right } from "fp-ts/Either";
import type { AvailableTopicEntityListing } from "../definition/catalog/available-topic";
import { checkTopicListing } from "../definition/catalog/check-listing";
import { readJsonFile } from "./json-file";
import { MAX_CATALOG_FILE_BYTES } from "./limits";
import { describeFileProblem } from "./problem";

/**
 * Reads a saved topic catalog: a JSON file holding an
 * `AvailableTopicEntityListing` (what `genesys-eventbridge topics --out`
 * writes, or the body of `GET /api/v2/notifications/availabletopics`).
 * Answers the listing, or one message naming the file and what is wrong
 * (with the property path inside the file). Never throws.
 */
export function readCatalogFile(file: string): Either<string, AvailableTopicEntityListing> {
  const read = readJsonFile(file, MAX_CATALOG_FILE_BYTES, file, "a topic catalog");
  if (isLeft(read)) return left(describeFileProblem(read.left));
  const checked = checkTopicListing(read.right.value);
  if (!checked.ok) return left(`${file}: not a topic catalog ({ "entities": [{ "id", "transports", "schema" }, ...] }): ${checked.problems.join("; ")}`);
  return right(checked.listing);
}
