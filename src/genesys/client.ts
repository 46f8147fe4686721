import { Either, isLeft, right } from "fp-ts/Either";
import { Clock, systemClock } from "./clock";
import { GenesysError } from "./errors";
import { HttpAnswer, HttpRequest, Logger, Pace, createTransport } from "./http";
import { TokenSource, clientCredentials } from "./oauth";
import { currentOperation } from "./operation-scope";
import { Hosts, UnknownRegion, resolveHosts } from "./regions";
import { retryPolicy } from "../http/retry-policy";
import type { RetryPolicy } from "../http/retry-policy";
import { TokenCache, sharedTokenCache } from "./token-cache";
import { Admission, DEFAULT_TOKEN_POOL, MAX_TOKEN_POOL, TokenPool, poolFor } from "./token-pool";
import { standingOf } from "./window-schedule";

/** How to reach Genesys Cloud and as whom. */
export interface ClientSettings {
  readonly clientId: string;
  readonly clientSecret: string;
  /** AWS-style region or Genesys domain; default `us-east-1`. */
  readonly region?: string;
  /** Overrides the API origin (emulator, proxy). */
  readonly apiBaseUrl?: string;
  /** Overrides the login origin (defaults to `apiBaseUrl` when only that is set). */
  readonly authBaseUrl?: string;
  /** Retry policy options merged over the defaults. */
  readonly retry?: Partial<RetryPolicy>;
  /** Per-request timeout; shorthand for `retry.timeoutMs`. */
  readonly timeoutMs?: number;
  /** Receives one line per request and response (method, path, status, ms, attempt). */
  readonly logger?: Logger;
  /** The clock for backoff and token expiry (tests). */
  readonly clock?: Clock;
  /** The token cache; default the process-wide one. */
  readonly tokenCache?: TokenCache;
  /** How many client-credentials tokens requests are spread over (1..{@link MAX_TOKEN_POOL}); default {@link DEFAULT_TOKEN_POOL}. */
  readonly tokenPool?: number;
}

/** A request to the Platform API; the client adds the bearer token. */
export interface ApiRequest {
  readonly method: HttpRequest["method"];
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly json?: unknown;
}

/** An authorised Platform API client with the HTTP policy and token handling applied. */
export interface GenesysClient {
  /** The origins this client talks to. */
  readonly hosts: Hosts;
  /** The merged retry policy. */
  readonly policy: RetryPolicy;
  /** The clock in use (adapters wait with it). */
  readonly clock: Clock;
  /** Whose credentials these are: the OAuth client id (not a secret); caches keyed per identity use it. */
  readonly identity: string;
  /** The tokens requests are paced and spread over. */
  readonly pool: TokenPool;
  /**
   * Sends an authorised request. A 401 drops the cached token and repeats the
   * request once with a fresh one; `retries` counts that and the policy's repeats.
   */
  request(request: ApiRequest): Promise<Either<GenesysError, HttpAnswer>>;
}

const recentTokenLimit = 8;

/** A `GenesysClient` for `settings`; an unknown region is an `UnknownRegion` value. */
export function createGenesysClient(settings: ClientSettings): Either<UnknownRegion, GenesysClient> {
  const resolved = resolveHosts(settings);
  if (isLeft(resolved)) return resolved;
  const hosts = resolved.right;
  const policy = retryPolicy({ ...settings.retry, ...(settings.timeoutMs === undefined ? {} : { timeoutMs: settings.timeoutMs }) });
  const clock = settings.clock ?? systemClock;
  // Tokens seen by this client, so that every printed line can be scrubbed of them.
  const tokens: string[] = [];
  const secrets = (): ReadonlyArray<string> => [settings.clientSecret, ...tokens];
  const remember = (token: string): void => {
    if (tokens.includes(token)) return;
    tokens.push(token);
    if (tokens.length > recentTokenLimit) tokens.shift();
  };
  const transport = createTransport({ policy, clock, secrets, ...(settings.logger === undefined ? {} : { logger: settings.logger }) });
  const cache = settings.tokenCache ?? sharedTokenCache;
  const pool = poolFor(cache, TokenCache.key(hosts.authBaseUrl, settings.clientId), poolSize(settings.tokenPool), clock);
  const sources: TokenSource[] = [];
  const sourceOf = (slot: number): TokenSource =>
    (sources[slot] ??= clientCredentials(
      { clientId: settings.clientId, clientSecret: settings.clientSecret, authBaseUrl: hosts.authBaseUrl },
      { transport, clock, cache, onToken: remember, slot },
    ));

  /** The pacing of one admitted request on its slot, for the transport. */
  function paceOf(first: Admission): Pace {
    let admission = first;
    return {
      async again() {
        admission = await pool.admit(admission.slot);
      },
      answered(headers) {
        if (headers === undefined) pool.failed(admission);
        else pool.observe(admission, standingOf(headers));
      },
    };
  }

  async function once(request: ApiRequest, admission: Admission, accessToken: string): Promise<Either<GenesysError, HttpAnswer>> {
    const slot = admission.slot;
    const counted = pool.pacing(slot, accessToken) ? admission : pool.restart(admission, accessToken);
    return transport.send({
      method: request.method,
      baseUrl: hosts.apiBaseUrl,
      path: request.path,
      headers: { ...request.headers, Authorization: `Bearer ${accessToken}` },
      ...(request.json === undefined ? {} : { json: request.json }),
      pace: paceOf(counted),
    });
  }

  async function request(request: ApiRequest): Promise<Either<GenesysError, HttpAnswer>> {
    const admission = await pool.admit();
    const source = sourceOf(admission.slot);
    const first = await source.token();
    if (isLeft(first)) {
      pool.failed(admission);
      return first;
    }
    // A token known to the cache is usually still valid; one can still be refused (revoked, clock skew).
    remember(first.right.accessToken);
    const answer = await once(request, admission, first.right.accessToken);
    if (!(isLeft(answer) && answer.left._tag === "Unauthorized")) return withRetries(answer, first.right.retries);
    source.invalidate(first.right.accessToken);
    const scope = currentOperation();
    if (scope !== undefined) scope.retries++;
    const second = await source.token();
    if (isLeft(second)) return second;
    const again = await once(request, await pool.admit(admission.slot), second.right.accessToken);
    return withRetries(again, first.right.retries + second.right.retries + 1);
  }

  return right({ hosts, policy, clock, identity: settings.clientId, pool, request });
}

/** The pool size from a setting: a whole number in 1..{@link MAX_TOKEN_POOL}, else the default. */
export function poolSize(setting: number | undefined): number {
  return setting !== undefined && Number.isInteger(setting) && setting >= 1 && setting <= MAX_TOKEN_POOL ? setting : DEFAULT_TOKEN_POOL;
}

function withRetries(answer: Either<GenesysError, HttpAnswer>, extra: number): Either<GenesysError, HttpAnswer> {
  if (isLeft(answer) || extra === 0) return answer;
  return right({ ...answer.right, retries: answer.right.retries + extra });
}
