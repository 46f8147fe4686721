import type { Clock } from "./clock";
import type { TokenCache } from "./token-cache";
import { TokenStanding, WindowSchedule } from "./window-schedule";

/**
 * How many client-credentials tokens a provider process holds by default.
 * Genesys Cloud limits each token, not the client, to 300 requests a minute
 * by default (`client.credentials.token.rate.per.minute`); ten tokens are
 * what Genesys's own Terraform provider holds by default (`token_pool_size`),
 * so an organization that runs it already allows this footprint. Tokens are
 * opened only when the ones held would make a request wait: a deployment
 * that stays under one token's allowance uses one.
 */
export const DEFAULT_TOKEN_POOL = 10;
/** The largest pool accepted (the Terraform provider's bound too). */
export const MAX_TOKEN_POOL = 20;

/** A request admitted on a slot of the pool: which token, and which of its windows it counts in. */
export interface Admission {
  readonly slot: number;
  readonly generation: number;
}

interface Waiter {
  readonly pinned?: number;
  readonly resolve: (admission: Admission) => void;
}

/**
 * The pool's slots (one access token each, fetched by the caller) and the
 * one queue of requests waiting to start. Each request starts on the slot
 * that can take it soonest, as that slot's {@link WindowSchedule} says; a
 * retry stays on its request's slot (its token is in the request). A further
 * slot opens when every open one is paced and the soonest would make the
 * request wait longer than `openAfterMs`; while a slot's first answer is
 * awaited, requests wait for it rather than open more tokens.
 */
export class TokenPool {
  private readonly slots: WindowSchedule[] = [];
  /** The token each slot's schedule counts for. */
  private readonly tokens: string[] = [];
  private readonly waiting: Waiter[] = [];
  private wakeAt = Infinity;

  constructor(readonly size: number, private readonly clock: Clock, private readonly openAfterMs = 100) {}

  /** How many slots (tokens) are open. */
  opened(): number {
    return this.slots.length;
  }

  /** Resolves when a request may start: on `pinned` when given, otherwise on the slot that can start it soonest. */
  admit(pinned?: number): Promise<Admission> {
    return new Promise((resolve) => {
      this.waiting.push({ ...(pinned === undefined ? {} : { pinned }), resolve });
      this.pump();
    });
  }

  /** The answer to an admitted request arrived, reporting `standing` (or none). */
  observe(admission: Admission, standing: TokenStanding | undefined): void {
    this.slots[admission.slot]?.observe(admission.generation, standing, this.clock.now());
    this.pump();
  }

  /** An admitted request got no answer. */
  failed(admission: Admission): void {
    this.slots[admission.slot]?.failed(admission.generation);
    this.pump();
  }

  /** Whether the slot's schedule counts the windows of `accessToken` (a different token has windows of its own). */
  pacing(slot: number, accessToken: string): boolean {
    return this.tokens[slot] === accessToken;
  }

  /** The slot's token is now `accessToken`, whose windows start afresh: returns the admission's new window. */
  restart(admission: Admission, accessToken: string): Admission {
    this.tokens[admission.slot] = accessToken;
    const schedule = this.slots[admission.slot];
    return schedule === undefined ? admission : { slot: admission.slot, generation: schedule.restart() };
  }

  private pump(): void {
    const now = this.clock.now();
    let soonest = Infinity;
    for (let i = 0; i < this.waiting.length; ) {
      const waiter = this.waiting[i];
      const pick = this.pick(waiter, now);
      if (pick.slot !== undefined) {
        this.waiting.splice(i, 1);
        waiter.resolve({ slot: pick.slot, generation: this.slots[pick.slot].start(now) });
        continue;
      }
      soonest = Math.min(soonest, pick.at);
      i++;
    }
    if (soonest < Infinity && soonest < this.wakeAt) {
      this.wakeAt = soonest;
      void this.clock.sleep(soonest - now).then(() => {
        if (this.wakeAt === soonest) this.wakeAt = Infinity;
        this.pump();
      });
    }
  }

  /** The slot a waiter starts on now, or when it could start at the earliest (`Infinity`: when an answer comes). */
  private pick(waiter: Waiter, now: number): { slot?: number; at: number } {
    const candidates = waiter.pinned === undefined ? this.slots.map((_, i) => i) : [waiter.pinned];
    if (waiter.pinned !== undefined && this.slots[waiter.pinned] === undefined) return { slot: this.open(), at: now };
    let best: number | undefined;
    let bestAt = Infinity;
    for (const i of candidates) {
      const at = this.slots[i].nextStart(now);
      if (at !== undefined && at < bestAt) {
        best = i;
        bestAt = at;
      }
    }
    if (best !== undefined && bestAt <= now) return { slot: best, at: now };
    const allPaced = this.slots.every((s) => s.paced());
    if (waiter.pinned === undefined && this.slots.length < this.size && allPaced && bestAt - now > this.openAfterMs) {
      return { slot: this.open(), at: now };
    }
    return { at: bestAt };
  }

  private open(): number {
    this.slots.push(new WindowSchedule());
    return this.slots.length - 1;
  }
}

const pools = new WeakMap<TokenCache, Map<string, TokenPool>>();

/**
 * The pool of the tokens `cache` holds for one client (`key`, see
 * `TokenCache.key`) and pool size: one per process for the process-wide cache,
 * however many clients are made over it, since the tokens it paces are the
 * cache's and every request on them must count in the same windows. The
 * first caller's clock drives it.
 */
export function poolFor(cache: TokenCache, key: string, size: number, clock: Clock): TokenPool {
  let byKey = pools.get(cache);
  if (byKey === undefined) {
    byKey = new Map();
    pools.set(cache, byKey);
  }
  const poolKey = `${key}\n${size}`;
  let pool = byKey.get(poolKey);
  if (pool === undefined) {
    pool = new TokenPool(size, clock);
    byKey.set(poolKey, pool);
  }
  return pool;
}
