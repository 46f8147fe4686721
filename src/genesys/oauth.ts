import { Either, isLeft, left, right } from "fp-ts/Either";
import * as t from "io-ts";
import { Clock } from "./clock";
import { GenesysError, decodeError } from "./errors";
import { Transport } from "./http";
import { TokenCache } from "./token-cache";

/**
 * The token response of the client-credentials grant
 * (https://developer.genesys.cloud/authorization/platform-auth/use-client-credentials).
 */
export const TokenResponse = t.type({
  access_token: t.string,
  token_type: t.string,
  expires_in: t.number,
});
/** The token response of the client-credentials grant. */
export type TokenResponse = t.TypeOf<typeof TokenResponse>;

/** An OAuth client of the client-credentials grant. */
export interface OAuthClient {
  readonly clientId: string;
  readonly clientSecret: string;
  /** The login origin, e.g. `https://login.mypurecloud.ie`. */
  readonly authBaseUrl: string;
}

/** A token and how many requests it took beyond the first. */
export interface Granted {
  readonly accessToken: string;
  readonly retries: number;
}

/** Supplies access tokens for one client, from the cache or the login host. */
export interface TokenSource {
  /** A fresh token, shared with concurrent callers. */
  token(): Promise<Either<GenesysError, Granted>>;
  /** Drops `accessToken` from the cache after the API refused it. */
  invalidate(accessToken: string): void;
}

/** Options of the token source beyond the client. */
export interface TokenSourceOptions {
  readonly transport: Transport;
  readonly cache: TokenCache;
  readonly clock: Clock;
  /** How long a throttled token endpoint is retried; the Terraform provider uses a minute. */
  readonly throttleBudgetMs?: number;
  /** Called with each token obtained, so that it can be redacted. */
  readonly onToken?: (accessToken: string) => void;
  /** Which token of the client's pool this source supplies (default 0); each slot has its own token. */
  readonly slot?: number;
}

const tokenPath = "/oauth/token";

/**
 * Whether a token-endpoint failure is throttling: Genesys answers HTTP 400
 * `invalid_request` with a "rate limit exceeded" description (429s are
 * already retried by the HTTP policy).
 */
export function isTokenThrottling(e: GenesysError): boolean {
  return (
    (e._tag === "BadRequest" && e.code === "invalid_request" && /rate limit/i.test(e.message ?? "")) ||
    e._tag === "RateLimited"
  );
}

/**
 * Refreshes this long before expiry: 60 s like the official SDKs, or half the
 * lifetime of a short-lived token so that it is used at all.
 */
export function refreshMarginMs(expiresInSeconds: number): number {
  return Math.min(60_000, (expiresInSeconds * 1000) / 2);
}

/**
 * The token source of the client-credentials grant: `POST /oauth/token` on
 * the login host with `Authorization: Basic base64(id:secret)` and the form
 * body `grant_type=client_credentials`.
 */
export function clientCredentials(client: OAuthClient, options: TokenSourceOptions): TokenSource {
  const key = TokenCache.key(client.authBaseUrl, client.clientId, options.slot);
  const basic = Buffer.from(`${client.clientId}:${client.clientSecret}`, "utf8").toString("base64");
  const budget = options.throttleBudgetMs ?? 60_000;
  const { clock, cache, transport } = options;

  async function fetchToken(): Promise<Either<GenesysError, Granted>> {
    const started = clock.now();
    let retries = 0;
    for (let round = 0; ; round++) {
      const answer = await transport.send({
        method: "POST",
        baseUrl: client.authBaseUrl,
        path: tokenPath,
        headers: { Authorization: `Basic ${basic}` },
        form: { grant_type: "client_credentials" },
      });
      if (isLeft(answer)) {
        const waited = clock.now() - started;
        if (isTokenThrottling(answer.left) && waited < budget) {
          retries++;
          const ceiling = Math.min(10_000, 1000 * 2 ** round);
          await clock.sleep(Math.min(budget - waited, 250 + Math.floor(clock.random() * ceiling)));
          continue;
        }
        return answer;
      }
      retries += answer.right.retries;
      const decoded = TokenResponse.decode(answer.right.body);
      if (isLeft(decoded)) {
        return left(decodeError({ method: "POST", path: tokenPath, status: answer.right.status }, "the token response lacks access_token, token_type or expires_in"));
      }
      const { access_token, expires_in } = decoded.right;
      options.onToken?.(access_token);
      cache.put(key, { accessToken: access_token, refreshAt: clock.now() + expires_in * 1000 - refreshMarginMs(expires_in) });
      return right({ accessToken: access_token, retries });
    }
  }

  return {
    async token() {
      const cached = cache.fresh(key, clock.now());
      if (cached !== undefined) return right({ accessToken: cached, retries: 0 });
      return cache.shared(key, fetchToken);
    },
    invalidate(accessToken) {
      cache.invalidate(key, accessToken);
    },
  };
}
