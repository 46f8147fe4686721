/**
 * Where one access token stands in its rate-limit window, as Genesys Cloud
 * reports it on every answer: `inin-ratelimit-count` (requests counted in the
 * window), `inin-ratelimit-allowed` (the window's allowance) and
 * `inin-ratelimit-reset` (seconds until the window resets)
 * (https://developer.genesys.cloud/platform/api/rate-limits).
 */
export interface TokenStanding {
  readonly count: number;
  readonly allowed: number;
  readonly resetMs: number;
}

/** The standing an answer's headers (lower-case names) report; `undefined` when they report none or nonsense. */
export function standingOf(headers: Readonly<Record<string, string>>): TokenStanding | undefined {
  const number = (name: string): number | undefined => {
    const text = headers[`inin-ratelimit-${name}`];
    if (text === undefined || !/^\s*\d+(\.\d+)?\s*$/.test(text)) return undefined;
    return Number(text);
  };
  const count = number("count");
  const allowed = number("allowed");
  const reset = number("reset");
  if (count === undefined || allowed === undefined || reset === undefined || allowed < 1) return undefined;
  return { count, allowed, resetMs: reset * 1000 };
}

/** Whether a 429 is explained by the token's own window: its standing shows the allowance spent. */
export function ownWindowSpent(standing: TokenStanding | undefined): boolean {
  return standing !== undefined && standing.count >= standing.allowed;
}

/** How long after the estimated end of a window the next one is taken to have started. */
const ROLL_MARGIN_MS = 50;

/**
 * The pacing of one access token from the standing its answers report: the
 * requests left in the window are spread evenly over the time left until
 * it resets, so that in steady state none is refused.
 *
 * - Before anything is known, one request goes (the probe) and the next wait
 *   for its answer; an answer without the headers turns pacing off for the
 *   token (429s are still handled by the retry policy).
 * - The window's end is estimated from each answer (its arrival plus the
 *   reset); the reset is whole seconds rounded up and measured on arrival, so
 *   every estimate falls at or after the real end, and the earliest is kept.
 * - The count used is the larger of the server's and the requests started
 *   in the window here, so requests still in flight are not spent twice.
 * - Past the window's end a new window is taken to start with the next
 *   request, of the same length as the longest reset seen, until an answer
 *   from it says exactly where it ends.
 *
 * Plain state and arithmetic on the times it is given: the pool does the waiting.
 */
export class WindowSchedule {
  private state: "unknown" | "probing" | "unpaced" | "paced" = "unknown";
  private allowed = 0;
  private endsAt = 0;
  /** Whether `endsAt` comes from an answer in this window (rather than assumed from the last one's length). */
  private observed = false;
  private windowMs = 0;
  private used = 0;
  private nextAt = 0;
  private generation = 0;

  /** The earliest time a request may start at `now`; `undefined` while a probe's answer is awaited. */
  nextStart(now: number): number | undefined {
    if (this.state === "probing") return undefined;
    if (this.state !== "paced" || now >= this.endsAt + ROLL_MARGIN_MS) return now;
    if (this.used >= this.allowed) return this.endsAt + ROLL_MARGIN_MS;
    return Math.max(now, this.nextAt);
  }

  /** Whether the token is paced from known standing (not unknown, probing, or without headers). */
  paced(): boolean {
    return this.state === "paced";
  }

  /** Records a request starting at `now` (no earlier than `nextStart`); returns the window it counts in, for `observe`. */
  start(now: number): number {
    if (this.state === "unknown") {
      this.state = "probing";
      return this.generation;
    }
    if (this.state !== "paced") return this.generation;
    if (now >= this.endsAt + ROLL_MARGIN_MS) {
      this.generation++;
      this.used = 0;
      this.endsAt = now + this.windowMs;
      this.observed = false;
    }
    this.used++;
    const remaining = this.allowed - this.used;
    this.nextAt = remaining > 0 ? now + (this.endsAt - now) / remaining : this.endsAt + ROLL_MARGIN_MS;
    return this.generation;
  }

  /** A request of window `generation` got no answer (a transport failure): a probe is to be sent again. */
  failed(_generation: number): void {
    if (this.state === "probing") this.state = "unknown";
  }

  /** An answer to a request of window `generation` arrived at `now` reporting `standing`. */
  observe(generation: number, standing: TokenStanding | undefined, now: number): void {
    if (standing === undefined) {
      if (this.state === "probing" || this.state === "unknown") this.state = "unpaced";
      return;
    }
    this.allowed = standing.allowed;
    this.windowMs = Math.max(this.windowMs, standing.resetMs);
    const estimate = now + standing.resetMs;
    if (this.state !== "paced") {
      this.state = "paced";
      this.endsAt = estimate;
      this.observed = true;
      this.used = Math.max(this.used, standing.count);
      this.nextAt = now;
      return;
    }
    // An answer from a window already over says nothing about this one.
    if (generation < this.generation) return;
    this.endsAt = this.observed ? Math.min(this.endsAt, estimate) : estimate;
    this.observed = true;
    this.used = Math.max(this.used, standing.count);
  }

  /** Forgets everything (the token changed: a new token has windows of its own); returns the generation a request already started now counts in, as the probe. */
  restart(): number {
    this.state = "probing";
    this.used = 0;
    this.observed = false;
    this.generation++;
    return this.generation;
  }
}
