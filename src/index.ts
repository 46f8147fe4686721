/**
 * genesys-eventbridge: Genesys Cloud EventBridge sources as Pulumi resources.
 *
 * The resource and its hooks come from `./pulumi`; the pure definition tools
 * (validation, projection, hashing) from `./definition`.
 */
export * from "./pulumi";
export * as definition from "./definition";
