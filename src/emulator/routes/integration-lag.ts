import type { StoredIntegration } from "./integration-records";

/** What one read of an integration sees while the read side lags: nothing yet, or what was there before a delete. */
export type LaggingRead =
  | { readonly _tag: "Current" }
  | { readonly _tag: "NotYetVisible" }
  | { readonly _tag: "StillVisible"; readonly record: StoredIntegration };

/**
 * The simulated read-after-write lag of the Integrations API: the next N
 * reads of a just-created integration answer 404, and the next N reads of a
 * just-deleted one still show it (the Genesys Terraform provider retries
 * both cases). N is taken when the write happens.
 */
export class IntegrationReadLag {
  private readonly pending = new Map<string, { remaining: number; record?: StoredIntegration }>();

  /** Marks a just-created integration: its next `reads` reads answer 404. */
  created(id: string, reads: number): void {
    if (reads > 0) this.pending.set(id, { remaining: reads });
    else this.pending.delete(id);
  }

  /** Marks a just-deleted integration: its next `reads` reads still show `record`. */
  deleted(id: string, reads: number, record: StoredIntegration): void {
    if (reads > 0) this.pending.set(id, { remaining: reads, record });
    else this.pending.delete(id);
  }

  /** Takes one lagging read of `id`, if any is left. */
  take(id: string): LaggingRead {
    const entry = this.pending.get(id);
    if (entry === undefined) return { _tag: "Current" };
    entry.remaining--;
    if (entry.remaining <= 0) this.pending.delete(id);
    return entry.record === undefined ? { _tag: "NotYetVisible" } : { _tag: "StillVisible", record: entry.record };
  }

  /** Forgets the pending lag of `id` (an integration removed behind the client's back is gone at once). */
  forget(id: string): void {
    this.pending.delete(id);
  }

  /** Forgets every pending lag. */
  clear(): void {
    this.pending.clear();
  }
}
