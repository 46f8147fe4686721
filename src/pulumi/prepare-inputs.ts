import { Either, left, right } from "fp-ts/Either";
import { DefinitionIssue, formatIssue } from "../definition";
import { completePreparation, preparePayload, PreparedDefinition, PreparedPayload } from "../definition/prepare";
import { definitionOf } from "./inputs";
import { decodeSteering, SteeringInputs } from "./steering";

/** A resource's inputs, prepared once for a create or update: the definition and the steering inputs. */
export interface PreparedInputs {
  readonly prepared: PreparedDefinition;
  readonly steering: SteeringInputs;
}

/**
 * Why inputs could not be prepared, in the order they are checked: the
 * definition, then the steering inputs, then the samples' projection. Once
 * the definition decoded, its payload (and hash) comes along, for the audit
 * record of the refused attempt.
 */
export type PreparationFailure =
  | { readonly _tag: "InvalidDefinition"; readonly issues: ReadonlyArray<DefinitionIssue> }
  | { readonly _tag: "InvalidSteering"; readonly issues: ReadonlyArray<DefinitionIssue>; readonly payload: PreparedPayload }
  | { readonly _tag: "UnresolvedSamples"; readonly issues: ReadonlyArray<DefinitionIssue>; readonly payload: PreparedPayload };

/**
 * Decodes, validates, projects, compiles and hashes a resource's inputs in
 * one pass (see `prepareDefinition`), decoding the steering inputs on the
 * way. Never throws.
 */
export function prepareInputs(props: Readonly<Record<string, unknown>>): Either<PreparationFailure, PreparedInputs> {
  const payload = preparePayload(definitionOf(props));
  if (payload._tag === "Left") return left({ _tag: "InvalidDefinition", issues: payload.left });
  const steering = decodeSteering(props);
  if (steering._tag === "Left") return left({ _tag: "InvalidSteering", issues: steering.left, payload: payload.right });
  const prepared = completePreparation(payload.right, steering.right.samples ?? []);
  if (prepared._tag === "Left") return left({ _tag: "UnresolvedSamples", issues: prepared.left, payload: payload.right });
  return right({ prepared: prepared.right, steering: steering.right });
}

/** The message of a {@link PreparationFailure}: what is wrong, at which paths, and that nothing was written. */
export function describePreparationFailure(failure: PreparationFailure): string {
  const lines = failure.issues.map(formatIssue).join("\n");
  switch (failure._tag) {
    case "InvalidDefinition":
      return `invalid EventBridge source definition:\n${lines}`;
    case "InvalidSteering":
      return `invalid EventBridge source inputs:\n${lines}`;
    case "UnresolvedSamples":
      return `sample events do not resolve through '${failure.payload.definition.id}'; nothing was written:\n${lines}`;
  }
}
