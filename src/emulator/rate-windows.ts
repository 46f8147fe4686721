import * as t from "io-ts";

const positiveInteger = t.refinement(t.number, (n) => Number.isInteger(n) && n >= 1, "an integer >= 1");
const positiveSeconds = t.refinement(t.number, (n) => Number.isFinite(n) && n > 0 && n <= 86_400, "seconds in (0, 86400]");

/** One fixed-window cap: `allowed` requests per `windowSeconds`. */
export const WindowLimit = t.strict({ allowed: positiveInteger, windowSeconds: positiveSeconds });
/** One fixed-window cap: `allowed` requests per `windowSeconds`. */
export type WindowLimit = t.TypeOf<typeof WindowLimit>;

/**
 * The platform's rate-limit model: fixed windows per access token (what
 * Genesys Cloud enforces and reports, by default 300 a minute for a
 * client-credentials token), optionally per OAuth client (over all its
 * tokens) and per organization (over all clients).
 */
export const WindowLimits = t.exact(t.partial({ perToken: WindowLimit, perClient: WindowLimit, perOrganization: WindowLimit }));
/** The platform's rate-limit model: fixed windows per token, client and organization. */
export type WindowLimits = t.TypeOf<typeof WindowLimits>;

/**
 * What a token is told when no per-token limit is set: an allowance no
 * deployment reaches, so that a client pacing itself from the headers is
 * never slowed down by them.
 */
export const generousAllowance: WindowLimit = { allowed: 100_000, windowSeconds: 60 };

/** Where one token stands, as the `inin-ratelimit-*` headers say it. */
export interface Standing {
  /** Requests counted in the current window, this one included. */
  readonly count: number;
  /** The window's allowance. */
  readonly allowed: number;
  /** Whole seconds until the window resets (rounded up). */
  readonly resetSeconds: number;
}

/** The verdict for one request: served or refused, and where its token stands either way. */
export type WindowVerdict =
  | { readonly allowed: true; readonly standing: Standing }
  | { readonly allowed: false; readonly standing: Standing; readonly retryAfterSeconds: number };

interface Window {
  readonly startedAt: number;
  count: number;
}

/** The windows of one scope (tokens, clients or the organization), keyed by who is counted. */
class Windows {
  private readonly open = new Map<string, Window>();

  /** The current window of `key` at `now`, started fresh when the last one is over. */
  at(key: string, limit: WindowLimit, now: number): Window {
    const current = this.open.get(key);
    if (current !== undefined && now < current.startedAt + limit.windowSeconds * 1000) return current;
    if (this.open.size > 10_000) this.prune(limit, now);
    const fresh = { startedAt: now, count: 0 };
    this.open.set(key, fresh);
    return fresh;
  }

  clear(): void {
    this.open.clear();
  }

  private prune(limit: WindowLimit, now: number): void {
    for (const [key, w] of this.open) if (now >= w.startedAt + limit.windowSeconds * 1000) this.open.delete(key);
  }
}

const resetOf = (w: Window, limit: WindowLimit, now: number): number =>
  Math.max(1, Math.ceil((w.startedAt + limit.windowSeconds * 1000 - now) / 1000));

/**
 * Fixed windows like Genesys Cloud's: a window opens with a token's first
 * request and lasts `windowSeconds`; each served request counts once in its
 * token's, its client's and the organization's window; a request that would
 * pass any cap is refused (and not counted), with `Retry-After` the reset of
 * the window that refused it. Every verdict says where the token stands
 * (`inin-ratelimit-count`, `-allowed`, `-reset`), under the per-token cap or
 * the generous allowance when none is set. The per-client and
 * per-organization caps are not in the headers, as on the platform.
 */
export class RateWindows {
  private readonly tokens = new Windows();
  private readonly clients = new Windows();
  private readonly organization = new Windows();

  constructor(private limits: WindowLimits = {}, private readonly now: () => number = Date.now) {}

  /** Changes the caps and starts every window afresh. */
  configure(limits: WindowLimits): void {
    this.limits = limits;
    this.clear();
  }

  /** The caps in force. */
  current(): WindowLimits {
    return this.limits;
  }

  /** Counts one request of `token` (issued to `clientId`), or refuses it. */
  take(token: string, clientId: string): WindowVerdict {
    const now = this.now();
    const tokenLimit = this.limits.perToken ?? generousAllowance;
    const scopes: Array<{ limit: WindowLimit; window: Window }> = [{ limit: tokenLimit, window: this.tokens.at(token, tokenLimit, now) }];
    if (this.limits.perClient !== undefined) scopes.push({ limit: this.limits.perClient, window: this.clients.at(clientId, this.limits.perClient, now) });
    if (this.limits.perOrganization !== undefined) scopes.push({ limit: this.limits.perOrganization, window: this.organization.at("", this.limits.perOrganization, now) });
    const own = scopes[0].window;
    const full = scopes.filter((s) => s.window.count >= s.limit.allowed);
    if (full.length > 0) {
      const standing = { count: own.count, allowed: tokenLimit.allowed, resetSeconds: resetOf(own, tokenLimit, now) };
      return { allowed: false, standing, retryAfterSeconds: Math.max(...full.map((s) => resetOf(s.window, s.limit, now))) };
    }
    for (const s of scopes) s.window.count++;
    return { allowed: true, standing: { count: own.count, allowed: tokenLimit.allowed, resetSeconds: resetOf(own, tokenLimit, now) } };
  }

  /** Starts every window afresh. */
  clear(): void {
    this.tokens.clear();
    this.clients.clear();
    this.organization.clear();
  }
}

/** The platform's headers for a token's standing. */
export function standingHeaders(standing: Standing): Readonly<Record<string, string>> {
  return {
    "inin-ratelimit-count": String(standing.count),
    "inin-ratelimit-allowed": String(standing.allowed),
    "inin-ratelimit-reset": String(standing.resetSeconds),
  };
}
