import { Either, left, right } from "fp-ts/Either";
import { MAX_PAYLOAD_BYTES, payloadBytes } from "./canonical-json";
import { definitionIssue, DefinitionIssue } from "./issue";
import { issuesFromErrors } from "./issues-from-errors";
import { buildPayload } from "./payload";
import { SourceDefinition } from "./source-definition";
import { JSON_MAX_DEPTH } from "./strict-json";
import { withHygiene } from "./with-hygiene";

/**
 * Validates any value as a source definition: well-formed strings and a
 * bounded nesting depth ({@link JSON_MAX_DEPTH}), schema, every semantic rule
 * and the payload size limit. Collects all issues rather than stopping at the
 * first; never throws, whatever the input.
 */
export function validateDefinition(input: unknown): Either<ReadonlyArray<DefinitionIssue>, SourceDefinition> {
  return withHygiene(input, "", () => {
    try {
      const decoded = SourceDefinition.validate(input, [{ key: "", type: SourceDefinition, actual: input }]);
      if (decoded._tag === "Left") return left(issuesFromErrors(decoded.left));
      const bytes = payloadBytes(buildPayload(decoded.right));
      return bytes > MAX_PAYLOAD_BYTES
        ? left([definitionIssue("", `payload is ${bytes} bytes of canonical JSON; at most ${MAX_PAYLOAD_BYTES} bytes are allowed`)])
        : right(decoded.right);
    } catch (e) {
      // Only exotic non-JSON inputs (proxies, throwing getters) can get here.
      return left([definitionIssue("", `cannot be read as JSON data: ${e instanceof Error ? e.message : String(e)}`)]);
    }
  });
}
