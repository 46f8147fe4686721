import { AsyncLocalStorage } from "node:async_hooks";

/**
 * The running tally and limits of one provider operation (a create, update,
 * delete or read), shared by every request the operation makes, however deep
 * in an adapter or a shared lookup it is made.
 *
 * It travels in an `AsyncLocalStorage`, so that the transport can count each
 * retry and honour the operation's time budget without every adapter having
 * to thread counters through its calls.
 */
export interface OperationScope {
  /** Requests sent, each attempt counted. */
  requests: number;
  /** Attempts repeated by the HTTP policy (429, 5xx, resets, a refused token). */
  retries: number;
  /** Attempts answered 429 (a rate limit the pacing did not foresee). */
  answered429: number;
  /** Epoch milliseconds after which no retry starts; `undefined`: only the policy's count limits retries. */
  readonly deadline?: number;
  /** Receives a line about a long wait (rate limit, read-after-write lag), for the person watching. */
  readonly progress?: (message: string) => void;
}

const storage = new AsyncLocalStorage<OperationScope>();

/** Runs `body` with a fresh scope and returns its result together with the scope's final tally. */
export async function inOperation<A>(
  limits: Pick<OperationScope, "deadline" | "progress">,
  body: () => Promise<A>,
): Promise<{ readonly value: A; readonly scope: OperationScope }> {
  const scope: OperationScope = { requests: 0, retries: 0, answered429: 0, ...limits };
  const value = await storage.run(scope, body);
  return { value, scope };
}

/** The scope of the operation this code runs in, if any. */
export function currentOperation(): OperationScope | undefined {
  return storage.getStore();
}

/** Reports a long wait to the current operation's watcher, if it has one. */
export function reportProgress(message: string): void {
  storage.getStore()?.progress?.(message);
}
