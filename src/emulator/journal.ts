/**
 * One exchange as the emulator's journal records it: enough to assert on in
 * tests (method, path, status, time, client id), and never a secret, a token
 * or a body.
 */
export interface JournalEntry {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  /** ISO 8601 time of the answer. */
  readonly time: string;
  readonly clientId?: string;
  readonly correlationId: string;
  /** The injected fault that shaped the answer, if any (`status 503`, `reset`, ...). */
  readonly fault?: string;
}

/** The request journal: append-only until reset, bounded so a long-running emulator does not grow without end. */
export class Journal {
  private entries: JournalEntry[] = [];

  constructor(private readonly limit = 10_000) {}

  /** Records an exchange. */
  record(entry: JournalEntry): void {
    this.entries.push(entry);
    if (this.entries.length > this.limit) this.entries.splice(0, this.entries.length - this.limit);
  }

  /** The entries so far, oldest first. */
  list(): ReadonlyArray<JournalEntry> {
    return [...this.entries];
  }

  /** Forgets every entry. */
  clear(): void {
    this.entries = [];
  }
}
