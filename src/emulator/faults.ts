import * as t from "io-ts";

/** A fault that answers with a given status, headers and JSON body. */
const Respond = t.intersection([
  t.type({ status: t.number }),
  t.partial({ headers: t.record(t.string, t.string), body: t.unknown }),
]);
/** A fault that delays the request, which is then served normally. */
const Delay = t.type({ delayMs: t.number });
/** A fault that destroys the connection without an answer. */
const Reset = t.type({ reset: t.literal(true) });
/** A fault that answers 200 with a body that is not JSON. */
const Malformed = t.type({ malformedJson: t.literal(true) });

/** What an injected fault does. */
export const FaultAction = t.union([Reset, Malformed, Delay, Respond]);
/** What an injected fault does. */
export type FaultAction = t.TypeOf<typeof FaultAction>;

/**
 * A fault to inject: which requests it applies to (`method`, default any;
 * `path` exact, or ending in `*` for a prefix), how many times (default 1),
 * and what it does.
 */
export const FaultSpec = t.intersection([
  t.type({ path: t.string, action: FaultAction }),
  t.partial({ method: t.string, times: t.number }),
]);
/** A fault to inject. */
export type FaultSpec = t.TypeOf<typeof FaultSpec>;

/** An armed fault with its id and remaining uses. */
export interface ArmedFault {
  readonly id: number;
  readonly spec: FaultSpec;
  remaining: number;
}

/** Whether `pattern` (exact, or a `*`-terminated prefix) matches `path`. */
export function pathMatches(pattern: string, path: string): boolean {
  return pattern.endsWith("*") ? path.startsWith(pattern.slice(0, -1)) : pattern === path;
}

/** A short label of an action for the journal. */
export function describeAction(action: FaultAction): string {
  if ("reset" in action) return "reset";
  if ("malformedJson" in action) return "malformed json";
  if ("delayMs" in action) return `delay ${action.delayMs}ms`;
  return `status ${action.status}`;
}

/** The armed faults; each match uses one of a fault's `times`. */
export class FaultTable {
  private faults: ArmedFault[] = [];
  private nextId = 1;

  /** Arms a fault and returns it. */
  add(spec: FaultSpec): ArmedFault {
    const armed = { id: this.nextId++, spec, remaining: Math.max(1, Math.floor(spec.times ?? 1)) };
    this.faults.push(armed);
    return armed;
  }

  /** Takes one use of the first fault matching the request, if any. */
  take(method: string, path: string): FaultAction | undefined {
    const hit = this.faults.find(
      (f) => f.remaining > 0 && (f.spec.method === undefined || f.spec.method.toUpperCase() === method) && pathMatches(f.spec.path, path),
    );
    if (hit === undefined) return undefined;
    hit.remaining--;
    if (hit.remaining === 0) this.faults = this.faults.filter((f) => f !== hit);
    return hit.spec.action;
  }

  /** The faults still armed. */
  list(): ReadonlyArray<ArmedFault> {
    return this.faults.map((f) => ({ ...f }));
  }

  /** Disarms every fault. */
  clear(): void {
    this.faults = [];
  }
}
