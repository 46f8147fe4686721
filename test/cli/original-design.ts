import * as path from "path";
import { EXAMPLES } from "./run-cli";

/** The definition of the original design, among the examples. */
export const originalDefinition = path.join(EXAMPLES, "original-definition.json");

/** The original design's sample, which lacks the `metadata` that transformation 2 reads. */
export const originalSample = path.join(EXAMPLES, "original-sample.json");

/** The CLI's answer to that sample, in every command that projects it: exit 1 and the unresolved source field on stderr. */
export const originalSampleRefused = {
  code: 1,
  out: "",
  err: "transformations[2].sourceField: does not resolve on samples[0] (v2.detail.events.conversation.{id}.customer.start): metadata is missing",
};
