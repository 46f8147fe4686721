import type { Clock } from "./clock";

/**
 * The process-wide pacing of requests to one origin. Genesys Cloud limits
 * requests per OAuth client, and every resource of a deployment runs in one
 * provider process: when any request is told to slow down (429 with
 * `Retry-After`), every other request to that origin waits too instead of
 * spending its own retries against the same empty bucket.
 */
export class RequestGate {
  private openAt = 0;

  /** Resolves when requests may start again (at once when the gate is open). */
  async pass(clock: Clock): Promise<void> {
    for (let now = clock.now(); now < this.openAt; now = clock.now()) {
      await clock.sleep(this.openAt - now);
    }
  }

  /** Holds every request until `untilMs` (epoch milliseconds); an earlier time never shortens a longer hold. */
  closeUntil(untilMs: number): void {
    if (untilMs > this.openAt) this.openAt = untilMs;
  }

  /** When the gate opens again; 0 or the past when it is open. */
  opensAt(): number {
    return this.openAt;
  }
}

const gates = new Map<string, RequestGate>();

/** The gate of one origin (e.g. `https://api.mypurecloud.ie`), shared by every client in this process. */
export function gateFor(origin: string): RequestGate {
  let gate = gates.get(origin);
  if (gate === undefined) {
    gate = new RequestGate();
    gates.set(origin, gate);
  }
  return gate;
}
