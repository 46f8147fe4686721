/** A token bucket's size and refill rate. */
export interface RateLimitSettings {
  /** Requests allowed in a burst. */
  readonly capacity: number;
  /** Requests added back per second. */
  readonly refillPerSecond: number;
}

/** The verdict for one request: allowed, or refused with a `Retry-After` in seconds. */
export type RateVerdict = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

/**
 * Per-client token buckets, like the per-client limits of Genesys Cloud
 * (https://developer.genesys.cloud/platform/api/rate-limits). Off when no
 * settings are given.
 */
export class RateLimiter {
  private buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private settings: RateLimitSettings | undefined, private readonly now: () => number = Date.now) {}

  /** Changes the limit (or turns it off) and empties the buckets. */
  configure(settings: RateLimitSettings | undefined): void {
    this.settings = settings;
    this.buckets.clear();
  }

  /** The current limit; `undefined` when off. */
  current(): RateLimitSettings | undefined {
    return this.settings;
  }

  /** Takes one token from `key`'s bucket. */
  take(key: string): RateVerdict {
    const s = this.settings;
    if (s === undefined) return { allowed: true };
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: s.capacity, at: now };
    const tokens = Math.min(s.capacity, bucket.tokens + ((now - bucket.at) / 1000) * s.refillPerSecond);
    if (tokens >= 1) {
      this.buckets.set(key, { tokens: tokens - 1, at: now });
      return { allowed: true };
    }
    this.buckets.set(key, { tokens, at: now });
    const wait = s.refillPerSecond > 0 ? (1 - tokens) / s.refillPerSecond : 3600;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(wait)) };
  }

  /** Empties the buckets. */
  clear(): void {
    this.buckets.clear();
  }
}
