import * as t from "io-ts";

/**
 * One entry of `details[]` in a Genesys error body. `fieldName` names the
 * rejected property; see the ErrorDetails model of the Platform API SDKs.
 */
export const ErrorDetail = t.partial({
  errorCode: t.string,
  fieldName: t.string,
  entityId: t.string,
  entityName: t.string,
  message: t.string,
});
/** One entry of `details[]` in a Genesys error body. */
export type ErrorDetail = t.TypeOf<typeof ErrorDetail>;

/**
 * The standard Genesys Cloud error body (`message`, `code`, `status`,
 * `contextId`, `details[]`, ...): https://developer.genesys.cloud/platform/api/rest-api-errors
 * All fields are optional because proxies and gateways answer with less.
 */
export const ErrorBody = t.partial({
  message: t.string,
  code: t.string,
  status: t.number,
  contextId: t.string,
  details: t.array(ErrorDetail),
  errors: t.array(t.unknown),
});
/** The standard Genesys Cloud error body. */
export type ErrorBody = t.TypeOf<typeof ErrorBody>;

/**
 * The OAuth error body of the login host (`error`, `description`,
 * `error_description`), as answered by `POST /oauth/token`.
 */
export const OAuthErrorBody = t.partial({
  error: t.string,
  description: t.string,
  error_description: t.string,
});
/** The OAuth error body of the login host. */
export type OAuthErrorBody = t.TypeOf<typeof OAuthErrorBody>;
