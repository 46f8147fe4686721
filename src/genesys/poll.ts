import type { Clock } from "./clock";
import { reportProgress } from "./operation-scope";

/** How {@link pollUntil} waits. */
export interface PollOptions {
  readonly clock: Clock;
  /** How long to keep reading before giving up with the last answer. */
  readonly timeoutMs: number;
  /** The pause between two reads. */
  readonly intervalMs: number;
  /** What is being waited for, e.g. `integration 'x' to become readable`: named in progress lines. */
  readonly waitingFor: string;
  /** Milliseconds between two progress lines; default 3000. */
  readonly progressEveryMs?: number;
}

/**
 * The one polling helper of the write protocol: repeats `read` until `done`
 * says its answer is final or the time is up, and returns the last answer.
 * A `Left`-like answer is the caller's business: `done` decides. While it
 * waits it tells the operation's watcher, at most every few seconds, what it
 * is waiting for and for how long (read-after-write lag can take seconds).
 */
export async function pollUntil<A>(read: () => Promise<A>, done: (answer: A) => boolean, options: PollOptions): Promise<A> {
  const { clock } = options;
  const started = clock.now();
  const deadline = started + options.timeoutMs;
  const every = options.progressEveryMs ?? 3000;
  let reported = started;
  for (;;) {
    const answer = await read();
    const now = clock.now();
    if (done(answer) || now >= deadline) return answer;
    if (now - reported >= every) {
      reported = now;
      reportProgress(`waiting for ${options.waitingFor} (${((now - started) / 1000).toFixed(1)} s)`);
    }
    await clock.sleep(options.intervalMs);
  }
}
