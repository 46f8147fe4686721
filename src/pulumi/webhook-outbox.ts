import { isLeft } from "fp-ts/Either";
import { AuditEntry } from "../definition/vocabulary/audit-entry";
import type { AuditEntryInput } from "../definition/vocabulary/audit-entry";
import { describeAuditError } from "../audit/errors";
import { tryAppendAuditEntry } from "../audit/append";
import { verifyAuditLog } from "../audit/verify";
import { WebhookEvent, WebhookSendResult, idempotencyKey, webhookBody } from "../webhook";

/**
 * DEFAULT_KEEP_PENDING_DAYS is how long a webhook delivery that keeps
 * failing is kept pending before it is recorded as expired
 * (`genesys:webhookKeepPendingDays`).
 */
export const DEFAULT_KEEP_PENDING_DAYS = 7;

/** OutboxStore is the audit log that keeps the outbox, and how to reach it. */
export interface OutboxStore {
  readonly location: string;
  readonly s3Endpoint?: string;
}

/**
 * PendingDelivery is a webhook delivery that failed after its retries and
 * is kept, in the audit log, to be sent again: the `pending` entry that
 * holds it, the stack it belongs to, the exact event (its body is
 * `webhookBody(event)`) and its idempotency key.
 */
export interface PendingDelivery {
  /** The `pending` entry's auditId: the outcome that concludes it names it as `intentId`. */
  readonly auditId: string;
  /** When it was kept pending (ISO 8601). */
  readonly keptAt: string;
  /** `project/stack` of the deployment that made the change. */
  readonly stack: string;
  readonly event: WebhookEvent;
  readonly idempotencyKey: string;
  /** Later attempts that failed too. */
  readonly failures: number;
  /** Why the last attempt failed. */
  readonly lastError: string;
}

/** A delivery as the outbox sends it: the event, resolving to the sender's result. */
export type Send = (event: WebhookEvent) => Promise<WebhookSendResult>;

/** OutboxReport is what one pass over the pending deliveries did. */
export interface OutboxReport {
  readonly delivered: ReadonlyArray<PendingDelivery>;
  readonly expired: ReadonlyArray<PendingDelivery>;
  /** The delivery that failed again, which stopped the pass (later ones wait behind it, to keep their order). */
  readonly failed?: { readonly delivery: PendingDelivery; readonly error: string };
  /** Still pending after the pass, oldest first. */
  readonly remaining: ReadonlyArray<PendingDelivery>;
  /** The audit log could not record an outcome (the delivery may have happened; its key makes a resend harmless). */
  readonly auditError?: string;
}

const reasonOf = (result: Extract<WebhookSendResult, { ok: false }>) => (result.error ?? `HTTP ${result.status ?? "?"}`).replace(/^webhook not delivered: /, "");

/** The pending delivery an entry keeps, or `undefined` for any other entry. */
function pendingOf(entry: AuditEntry): PendingDelivery | undefined {
  if (entry.action !== "webhook" || entry.result !== "pending") return undefined;
  const { stack, body, idempotencyKey: key } = entry.details ?? {};
  if (typeof stack !== "string" || typeof body !== "string" || typeof key !== "string") return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  const event = WebhookEvent.decode(parsed);
  if (isLeft(event)) return undefined;
  return { auditId: entry.auditId, keptAt: entry.timestamp, stack, event: event.right, idempotencyKey: key, failures: 0, lastError: entry.error ?? "" };
}

/**
 * readPending is every webhook delivery still pending in the audit log (of
 * `stack` only, when given), oldest first: each `pending` entry that no
 * later `success` or `expired` entry concludes. Only a log that verifies is
 * trusted (a torn last line aside, which the next append recovers); a broken
 * one is an error.
 */
export async function readPending(store: OutboxStore, stack?: string): Promise<{ ok: true; pending: PendingDelivery[] } | { ok: false; error: string }> {
  const open = new Map<string, PendingDelivery>();
  const verdict = await verifyAuditLog(store.location, {
    ...(store.s3Endpoint === undefined ? {} : { s3Endpoint: store.s3Endpoint }),
    onEntry(entry) {
      const kept = pendingOf(entry);
      if (kept !== undefined) {
        if (stack === undefined || kept.stack === stack) open.set(kept.auditId, kept);
        return;
      }
      if (entry.action !== "webhook" || entry.intentId === undefined) return;
      const known = open.get(entry.intentId);
      if (known === undefined) return;
      if (entry.result === "success" || entry.result === "expired") open.delete(entry.intentId);
      else if (entry.result === "failure") open.set(entry.intentId, { ...known, failures: known.failures + 1, lastError: entry.error ?? "" });
    },
  });
  if (verdict._tag === "Unreadable" && /no such file/.test(verdict.reason)) return { ok: true, pending: [] };
  // A file's torn last line (a crash in the middle of an append) ends the entries; the next append recovers it.
  const tornTail = verdict._tag === "Broken" && verdict.key === undefined && verdict.reason.startsWith("truncated");
  if (verdict._tag === "Broken" && !tornTail) return { ok: false, error: `the audit log is broken at ${verdict.key ?? `line ${verdict.line}`}: ${verdict.reason}` };
  if (verdict._tag === "Unreadable") return { ok: false, error: verdict.reason };
  return { ok: true, pending: [...open.values()] };
}

async function append(store: OutboxStore, input: AuditEntryInput): Promise<{ ok: true; entry: AuditEntry } | { ok: false; error: string }> {
  const result = await tryAppendAuditEntry(store.location, input, store.s3Endpoint === undefined ? {} : { s3Endpoint: store.s3Endpoint });
  return isLeft(result) ? { ok: false, error: describeAuditError(result.left) } : { ok: true, entry: result.right };
}

/**
 * keepPending records `event` as a pending delivery of `stack` (why it
 * failed, after how many attempts): the exact body and its idempotency key,
 * no URL and no secret. Resolves to the kept delivery, or the audit error.
 */
export async function keepPending(
  store: OutboxStore,
  stack: string,
  event: WebhookEvent,
  why: string,
  attempts: number,
): Promise<{ ok: true; delivery: PendingDelivery } | { ok: false; error: string }> {
  const key = idempotencyKey(event);
  const written = await append(store, {
    action: "webhook",
    sourceId: event.sourceId,
    payloadHash: event.payloadHash,
    result: "pending",
    error: `webhook delivery failed after ${attempts} attempts: ${why}`,
    details: { stack, event: event.event, etag: event.etag, idempotencyKey: key, body: webhookBody(event) },
  });
  if (!written.ok) return written;
  const delivery = pendingOf(written.entry);
  return delivery === undefined ? { ok: false, error: "the pending entry could not be read back" } : { ok: true, delivery };
}

/**
 * deliverPending sends `pending` (oldest first) with `send`, recording each
 * outcome against its pending entry: `success` once delivered (never sent
 * again after that), `failure` when it fails again (which ends the pass:
 * later deliveries wait behind it so that the warehouse sees every change in
 * order), `expired` when it was kept longer than `keepPendingDays` (given
 * up, on the record, never dropped silently).
 */
export async function deliverPending(
  store: OutboxStore,
  pending: ReadonlyArray<PendingDelivery>,
  send: Send,
  options: { readonly keepPendingDays?: number; readonly now?: () => Date } = {},
): Promise<OutboxReport> {
  const now = options.now ?? (() => new Date());
  const keepMs = (options.keepPendingDays ?? DEFAULT_KEEP_PENDING_DAYS) * 86_400_000;
  const delivered: PendingDelivery[] = [];
  const expired: PendingDelivery[] = [];
  const conclude = (d: PendingDelivery, result: "success" | "failure" | "expired", extra: Partial<AuditEntryInput>) =>
    append(store, {
      action: "webhook",
      sourceId: d.event.sourceId,
      payloadHash: d.event.payloadHash,
      result,
      intentId: d.auditId,
      ...extra,
      details: { stack: d.stack, event: d.event.event, etag: d.event.etag, idempotencyKey: d.idempotencyKey, ...extra.details },
    });
  for (let i = 0; i < pending.length; i++) {
    const d = pending[i];
    const rest = () => pending.slice(i + 1);
    if (now().getTime() - Date.parse(d.keptAt) > keepMs) {
      const days = options.keepPendingDays ?? DEFAULT_KEEP_PENDING_DAYS;
      const recorded = await conclude(d, "expired", { error: `not delivered within ${days} days (genesys:webhookKeepPendingDays); last error: ${d.lastError}` });
      if (!recorded.ok) return { delivered, expired, remaining: pending.slice(i), auditError: recorded.error };
      expired.push(d);
      continue;
    }
    const sent = await send(d.event);
    if (sent.ok) {
      const recorded = await conclude(d, "success", { details: { attempts: sent.attempts, status: sent.status } });
      if (!recorded.ok) return { delivered: [...delivered, d], expired, remaining: rest(), auditError: recorded.error };
      delivered.push(d);
      continue;
    }
    const error = reasonOf(sent);
    const again = { ...d, failures: d.failures + 1, lastError: error };
    const recorded = await conclude(d, "failure", { error: `webhook delivery failed after ${sent.attempts} attempts: ${error}` });
    return {
      delivered,
      expired,
      failed: { delivery: again, error },
      remaining: [again, ...rest()],
      ...(recorded.ok ? {} : { auditError: recorded.error }),
    };
  }
  return { delivered, expired, remaining: [] };
}

/** NotifyResult is what became of one new event. */
export type NotifyResult =
  | { readonly _tag: "Delivered"; readonly earlier: OutboxReport }
  /** Not delivered now: kept pending (behind `waiting` older ones, or because it failed), or not even kept (`auditError`). */
  | { readonly _tag: "Pending"; readonly earlier: OutboxReport; readonly reason: string; readonly behind: number; readonly auditError?: string };

/**
 * StackOutbox is the outbox of one stack in one process: it reads what is
 * pending once, then keeps track itself, and runs one pass at a time, so
 * that the hooks of several resources deliver in the order of the changes.
 */
export class StackOutbox {
  private pending: PendingDelivery[] | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly store: OutboxStore,
    readonly stack: string,
    private readonly options: { readonly keepPendingDays?: number; readonly now?: () => Date } = {},
  ) {}

  /** Sends what is pending (oldest first); resolves to the pass's report. */
  flush(send: Send): Promise<OutboxReport> {
    return this.serial(() => this.flushNow(send));
  }

  /**
   * Delivers a new event after everything pending: sent when nothing older
   * waits and it is accepted, else kept pending behind them.
   */
  notify(event: WebhookEvent, send: Send): Promise<NotifyResult> {
    return this.serial(async (): Promise<NotifyResult> => {
      const earlier = await this.flushNow(send);
      const waiting = this.pending ?? [];
      let reason: string;
      let attempts = 0;
      // When the log cannot say what is pending, send anyway: a delivery beats perfect order.
      if (waiting.length === 0) {
        const sent = await send(event);
        if (sent.ok) return { _tag: "Delivered", earlier };
        reason = reasonOf(sent);
        attempts = sent.attempts;
      } else {
        reason = `${waiting.length} earlier ${waiting.length === 1 ? "delivery is" : "deliveries are"} still pending`;
      }
      const kept = await keepPending(this.store, this.stack, event, reason, attempts);
      if (!kept.ok) return { _tag: "Pending", earlier, reason, behind: waiting.length, auditError: kept.error };
      this.pending = [...waiting, kept.delivery];
      return { _tag: "Pending", earlier, reason, behind: waiting.length };
    });
  }

  private async flushNow(send: Send): Promise<OutboxReport> {
    if (this.pending === undefined) {
      const read = await readPending(this.store, this.stack);
      if (!read.ok) return { delivered: [], expired: [], remaining: [], auditError: `pending webhook deliveries cannot be read: ${read.error}` };
      this.pending = read.pending;
    }
    const report = await deliverPending(this.store, this.pending, send, this.options);
    this.pending = [...report.remaining];
    return report;
  }

  private serial<A>(body: () => Promise<A>): Promise<A> {
    const run = this.queue.then(body);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
