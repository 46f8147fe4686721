import { Either, left, right } from "fp-ts/Either";
import type { ClientSettings } from "../genesys/client";
import { readSettings } from "../pulumi/settings";

/** The environment variable behind each provider setting the CLI reads. */
const ENV_OF: Readonly<Record<string, string>> = {
  "genesys:clientId": "GENESYSCLOUD_OAUTHCLIENT_ID",
  "genesys:clientSecret": "GENESYSCLOUD_OAUTHCLIENT_SECRET",
  "genesys:region": "GENESYSCLOUD_REGION",
  "genesys:apiBaseUrl": "GENESYSCLOUD_API_BASE_URL",
  "genesys:authBaseUrl": "GENESYSCLOUD_AUTH_BASE_URL",
};

/**
 * The Genesys Cloud client settings for a CLI command, from the environment
 * variables the provider falls back to (`GENESYSCLOUD_OAUTHCLIENT_ID`,
 * `GENESYSCLOUD_OAUTHCLIENT_SECRET`, `GENESYSCLOUD_REGION`,
 * `GENESYSCLOUD_API_BASE_URL`, `GENESYSCLOUD_AUTH_BASE_URL`), checked by the
 * provider's own rules (`readSettings`). Problems come back one line each,
 * naming the variable; secrets never appear in them.
 */
export function genesysSettingsFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): Either<ReadonlyArray<string>, ClientSettings> {
  // The API choice does not apply: the CLI says which API it reads.
  const { settings, issues } = readSettings(() => undefined, { ...env, GENESYS_EVENTBRIDGE_API: undefined });
  if (issues.length > 0 || settings === undefined) {
    return left(issues.map((i) => {
      const name = ENV_OF[i.key] ?? i.key;
      if (i.message.startsWith("missing")) {
        return i.key === "genesys:region" ? `${name}: missing: set a region (e.g. us-east-1) or GENESYSCLOUD_API_BASE_URL` : `${name}: missing`;
      }
      return `${name}: ${i.message.replace(` (from ${name})`, "")}`;
    }));
  }
  return right({
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    ...(settings.region === undefined ? {} : { region: settings.region }),
    ...(settings.apiBaseUrl === undefined ? {} : { apiBaseUrl: settings.apiBaseUrl }),
    ...(settings.authBaseUrl === undefined ? {} : { authBaseUrl: settings.authBaseUrl }),
  });
}
