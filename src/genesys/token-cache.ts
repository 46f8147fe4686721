/** One cached access token and when to stop using it. */
export interface CachedToken {
  readonly accessToken: string;
  /** Epoch ms after which a fresh token is fetched (a margin before the real expiry). */
  readonly refreshAt: number;
}

/**
 * Access tokens per OAuth client, keyed by login origin and client id, plus
 * the in-flight token request of each key so that concurrent callers share
 * one request instead of each asking the login host.
 */
export class TokenCache {
  private readonly tokens = new Map<string, CachedToken>();
  private readonly inflight = new Map<string, Promise<unknown>>();

  /** The cache key of a client's token: login origin, client id (never the secret) and, past the first, its slot in the pool. */
  static key(authBaseUrl: string, clientId: string, slot = 0): string {
    return slot === 0 ? `${authBaseUrl}\n${clientId}` : `${authBaseUrl}\n${clientId}\n${slot}`;
  }

  /** The cached token of `key` when it is still fresh at `now`. */
  fresh(key: string, now: number): string | undefined {
    const cached = this.tokens.get(key);
    return cached !== undefined && now < cached.refreshAt ? cached.accessToken : undefined;
  }

  /** Stores a token for `key`. */
  put(key: string, token: CachedToken): void {
    this.tokens.set(key, token);
  }

  /** Forgets the token of `key` if it still is `accessToken` (a newer one is kept). */
  invalidate(key: string, accessToken: string): void {
    if (this.tokens.get(key)?.accessToken === accessToken) this.tokens.delete(key);
  }

  /** Runs `fetch` for `key` unless a fetch for it is already running, whose result is then shared. */
  shared<T>(key: string, fetch: () => Promise<T>): Promise<T> {
    const running = this.inflight.get(key);
    if (running !== undefined) return running as Promise<T>;
    const started = fetch().finally(() => this.inflight.delete(key));
    this.inflight.set(key, started);
    return started;
  }

  /** Forgets every token (tests, credential rotation). */
  clear(): void {
    this.tokens.clear();
  }
}

/** The process-wide token cache that clients use unless given their own. */
export const sharedTokenCache = new TokenCache();
