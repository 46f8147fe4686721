/**
 * genesys-eventbridge: Genesys Cloud EventBridge sources as Pulumi resources.
 *
 * The resource, its provider and the webhook hook come from `./pulumi`, with
 * the types of a definition; the pure definition tools (validation,
 * projection, hashing, the route compiler) from `./definition`, also
 * `genesys-eventbridge/definition`. The other entry points:
 * `genesys-eventbridge/aws` (the AWS side as a component),
 * `genesys-eventbridge/webhook` (signature verification and a receiver, for
 * the warehouse side), `genesys-eventbridge/emulator` (the Genesys emulator,
 * for pipeline tests).
 */
export * from "./pulumi";
export * as definition from "./definition";
export type {
  SourceDefinition,
  SourceDefinitionInput,
  Configuration,
  Filter,
  Condition,
  ConditionValue,
  Operator,
  Transformation,
  DirectiveType,
  Format,
  AttributeMapping,
  SampleEvent,
  InputOf,
} from "./definition";
