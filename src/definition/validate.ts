import { Either, map } from "fp-ts/Either";
import { pipe } from "fp-ts/function";
import type { DefinitionIssue } from "./issue";
import { preparePayload } from "./prepare";
import type { SourceDefinition } from "./source-definition";

/**
 * Validates any value as a source definition: well-formed strings and a
 * bounded nesting depth (`JSON_MAX_DEPTH`), schema, every semantic rule
 * and the payload size limit. Collects all issues rather than stopping at the
 * first; never throws, whatever the input. An operation that goes on to use
 * the payload or its hash calls `preparePayload` (or `prepareDefinition`)
 * instead, which returns them too.
 */
export function validateDefinition(input: unknown): Either<ReadonlyArray<DefinitionIssue>, SourceDefinition> {
  return pipe(preparePayload(input), map((p) => p.definition));
}
