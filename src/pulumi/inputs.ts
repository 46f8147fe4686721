import type * as pulumi from "@pulumi/pulumi";
import { SourceDefinition, SourceDefinitionInput } from "../definition";
import type { SteeringInputsInput } from "./steering";

/** The plain values that {@link Inputs} wraps as they are. */
type Leaf = string | number | boolean | bigint | symbol | null | undefined;

/** The shape of `T` one level down, every value inside an {@link Inputs}. */
type InputShape<T> = T extends Leaf
  ? T
  : T extends ReadonlyArray<infer E>
    ? ReadonlyArray<Inputs<E>>
    : T extends object
      ? { [K in keyof T]: Inputs<T[K]> }
      : T;

/**
 * `T` with every value at every depth also accepted as a `pulumi.Input` (a
 * plain value, a promise or an output): `Inputs<{ a: string[] }>` takes
 * `{ a: ["x"] }`, `{ a: [output] }` or an output of the whole object.
 */
export type Inputs<T> = pulumi.Input<InputShape<T>>;

/** The properties of `T`, each an {@link Inputs} (the object itself stays plain, as resource arguments are). */
export type InputProps<T> = { [K in keyof T]: Inputs<T[K]> };

/**
 * The resource's input properties as the provider receives them (plain values,
 * no Outputs): the definition as written, whose `id` travels as `sourceId`
 * (Pulumi reserves `id` for the resource id and drops an input of that
 * name), and the steering inputs.
 */
export type SourceInputs = { readonly sourceId: string } & Omit<SourceDefinitionInput, "id"> & SteeringInputsInput;

/** The input keys that make up the definition itself besides its id (the rest steer the provider), from the codec. */
export const DEFINITION_KEYS: ReadonlyArray<string> = [
  ...Object.keys(SourceDefinition.required),
  ...Object.keys(SourceDefinition.optional),
].filter((key) => key !== "id");

/** The definition part of a property bag (`sourceId` back as `id`), keys absent when undefined. */
export function definitionOf(props: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (props.sourceId !== undefined) out.id = props.sourceId;
  for (const key of DEFINITION_KEYS) {
    if (props[key] !== undefined) out[key] = props[key];
  }
  return out;
}

/** The input property a definition path belongs to: the definition's `id` is the `sourceId` input. */
export function inputPathOf(definitionPath: string): string {
  return definitionPath === "id" ? "sourceId" : definitionPath;
}
