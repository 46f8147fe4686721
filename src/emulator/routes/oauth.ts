import type { Reply } from "../http-io";
import type { Route, RouteModule } from "../router";

/** Reads `Authorization: Basic base64(id:secret)`; `undefined` when absent or malformed. */
export function basicCredentials(header: string | undefined): { clientId: string; clientSecret: string } | undefined {
  const m = /^Basic\s+([A-Za-z0-9+/=_-]+)$/i.exec(header ?? "");
  if (m === null) return undefined;
  const decoded = Buffer.from(m[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon <= 0) return undefined;
  return { clientId: decoded.slice(0, colon), clientSecret: decoded.slice(colon + 1) };
}

const oauthError = (status: number, error: string, description: string): Reply => ({
  status,
  body: { error, description, error_description: description },
});

/**
 * The login host's token endpoint for the client-credentials grant
 * (https://developer.genesys.cloud/authorization/platform-auth/use-client-credentials):
 * `POST /oauth/token`, Basic credentials, form body `grant_type=client_credentials`.
 */
export const oauthRoutes: RouteModule = (state): ReadonlyArray<Route> => [
  {
    method: "POST",
    pattern: "/oauth/token",
    access: "public",
    handle(request) {
      const credentials = basicCredentials(request.headers["authorization"]);
      if (credentials === undefined) return oauthError(401, "invalid_client", "client authentication is required");
      if (!state.tokens.authenticate(credentials.clientId, credentials.clientSecret)) {
        return oauthError(401, "invalid_client", "client not found");
      }
      const form = request.body as Record<string, string> | undefined;
      if (form?.grant_type !== "client_credentials") {
        return oauthError(400, "unsupported_grant_type", "only grant_type=client_credentials is supported");
      }
      const { accessToken, expiresIn } = state.tokens.issue(credentials.clientId);
      return { status: 200, body: { access_token: accessToken, token_type: "bearer", expires_in: expiresIn } };
    },
  },
];
