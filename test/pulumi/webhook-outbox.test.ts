import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { verifyAuditLog } from "../../src/audit/verify";
import { main } from "../../src/cli";
import { StackOutbox, readPending } from "../../src/pulumi/webhook-outbox";
import { WebhookEvent, WebhookReceiver, WebhookSendResult, idempotencyKey, sendWebhook, startWebhookReceiver, webhookBody } from "../../src/webhook";

const SECRET = "example-signing-key-not-real";
let dir: string;
let log: string;
let receiver: WebhookReceiver;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "outbox-"));
  log = path.join(dir, "audit.jsonl");
  receiver = await startWebhookReceiver({ secret: SECRET });
});
afterEach(async () => {
  await receiver.close();
  await fs.rm(dir, { recursive: true, force: true });
});

const event = (n: number, sourceId = "src-1"): WebhookEvent => ({
  event: n === 1 ? "source.created" : "source.updated",
  sourceId,
  etag: String(n),
  payloadHash: String(n).repeat(64).slice(0, 64),
  status: "ENABLED",
  timestamp: `2026-01-0${n}T00:00:00.000Z`,
});

/** The warehouse, up or down: down answers every request with HTTP 503 at once (no retries, to keep the test fast). */
function warehouse() {
  let up = false;
  const sent: WebhookEvent[] = [];
  const send = async (e: WebhookEvent): Promise<WebhookSendResult> => {
    sent.push(e);
    if (!up) return { ok: false, attempts: 4, status: 503, error: "webhook not delivered: receiver answered HTTP 503 (after 4 attempts)", idempotencyKey: idempotencyKey(e) };
    return sendWebhook(receiver.url, e, SECRET, { retry: { maxRetries: 0 } });
  };
  return { send, sent, setUp: (v: boolean) => (up = v) };
}

async function cli(...argv: string[]) {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) });
  return { code, out, err };
}

describe("the webhook outbox", () => {
  it("keeps a failed delivery pending and sends it, once, on the next pass after the warehouse is back", async () => {
    const w = warehouse();
    const first = new StackOutbox({ location: log }, "p/dev");
    expect(await first.notify(event(1), w.send)).toMatchObject({ _tag: "Pending", reason: "receiver answered HTTP 503 (after 4 attempts)", behind: 0 });
    const pending = await readPending({ location: log }, "p/dev");
    expect(pending).toEqual({
      ok: true,
      pending: [{ auditId: expect.any(String), keptAt: expect.any(String), stack: "p/dev", event: event(1), idempotencyKey: idempotencyKey(event(1)), failures: 0, lastError: "webhook delivery failed after 4 attempts: receiver answered HTTP 503 (after 4 attempts)" }],
    });
    const raw = await fs.readFile(log, "utf8");
    expect(raw).toContain(JSON.stringify(webhookBody(event(1))).slice(1, -1));
    expect(raw).not.toContain(SECRET);
    expect(raw).not.toContain(receiver.url);

    // The next run (a new process: a new outbox) with the warehouse back, nothing changed.
    w.setUp(true);
    const next = new StackOutbox({ location: log }, "p/dev");
    const report = await next.flush(w.send);
    expect({ delivered: report.delivered.map((d) => d.event), remaining: report.remaining }).toEqual({ delivered: [event(1)], remaining: [] });
    expect(receiver.received().map((r) => r.event)).toEqual([event(1)]);
    expect(receiver.received()[0].idempotencyKey).toBe(idempotencyKey(event(1)));
    // And never again.
    expect((await new StackOutbox({ location: log }, "p/dev").flush(w.send)).delivered).toEqual([]);
    expect(receiver.requests()).toHaveLength(1);
    expect(await verifyAuditLog(log)).toMatchObject({ _tag: "Intact", entries: 2 });
  });

  it("keeps a newer change behind older pending ones, and delivers all in order", async () => {
    const w = warehouse();
    const outbox = new StackOutbox({ location: log }, "p/dev");
    await outbox.notify(event(1), w.send);
    // The next run, the warehouse still down: the older event is tried first, the newer one waits behind it.
    const later = new StackOutbox({ location: log }, "p/dev");
    expect(await later.notify(event(2), w.send)).toMatchObject({ _tag: "Pending", reason: "1 earlier delivery is still pending", behind: 1 });
    expect(w.sent.map((e) => e.etag)).toEqual(["1", "1"]);
    w.setUp(true);
    expect(await later.notify(event(3), w.send)).toMatchObject({ _tag: "Delivered" });
    expect(receiver.received().map((r) => r.event.etag)).toEqual(["1", "2", "3"]);
    expect(await readPending({ location: log })).toEqual({ ok: true, pending: [] });
  });

  it("reads what is pending from a log whose last append was torn, and the next record recovers it", async () => {
    const w = warehouse();
    await new StackOutbox({ location: log }, "p/dev").notify(event(1), w.send);
    await fs.appendFile(log, '{"action":"webhook","auditId":"cut-sh');
    w.setUp(true);
    const report = await new StackOutbox({ location: log }, "p/dev").flush(w.send);
    expect(report.delivered.map((d) => d.event)).toEqual([event(1)]);
    expect(await verifyAuditLog(log)).toMatchObject({ _tag: "Intact", entries: 3, recovered: [{ line: 2 }] });
  });

  it("keeps each stack's deliveries apart", async () => {
    const w = warehouse();
    await new StackOutbox({ location: log }, "p/dev").notify(event(1), w.send);
    w.setUp(true);
    expect((await new StackOutbox({ location: log }, "p/prod").flush(w.send)).delivered).toEqual([]);
    expect(await readPending({ location: log }, "p/prod")).toEqual({ ok: true, pending: [] });
    expect((await readPending({ location: log })).ok).toBe(true);
  });

  it("records a delivery kept longer than the setting as expired, never dropping it silently", async () => {
    const w = warehouse();
    await new StackOutbox({ location: log }, "p/dev").notify(event(1), w.send);
    w.setUp(true);
    const inTenDays = () => new Date(Date.now() + 10 * 86_400_000);
    const report = await new StackOutbox({ location: log }, "p/dev", { keepPendingDays: 7, now: inTenDays }).flush(w.send);
    expect({ expired: report.expired.map((d) => d.event), delivered: report.delivered }).toEqual({ expired: [event(1)], delivered: [] });
    expect(receiver.requests()).toEqual([]);
    const last = JSON.parse((await fs.readFile(log, "utf8")).trimEnd().split("\n").pop()!);
    expect({ result: last.result, action: last.action, error: last.error }).toEqual({
      result: "expired",
      action: "webhook",
      error: expect.stringMatching(/^not delivered within 7 days \(genesys:webhookKeepPendingDays\); last error: /),
    });
  });

  it("lists pending deliveries and sends them with genesys-eventbridge webhook pending / deliver", async () => {
    const w = warehouse();
    const outbox = new StackOutbox({ location: log }, "p/dev");
    await outbox.notify(event(1), w.send);
    await outbox.notify(event(2), w.send);
    const listed = await cli("webhook", "pending", log);
    expect(listed.code).toBe(0);
    expect(listed.out.split("\n")[0]).toBe("2 webhook deliveries pending, oldest first:");
    const asJson = JSON.parse((await cli("webhook", "pending", log, "--json")).out);
    expect(asJson.pending.map((d: { event: WebhookEvent; stack: string }) => [d.stack, d.event.etag])).toEqual([["p/dev", "1"], ["p/dev", "2"]]);

    expect(await cli("webhook", "deliver", log)).toMatchObject({ code: 2 });
    delete process.env.GENESYS_EVENTBRIDGE_WEBHOOK_SECRET;
    expect(await cli("webhook", "deliver", log, "--url", receiver.url)).toMatchObject({ code: 2, err: expect.stringContaining("GENESYS_EVENTBRIDGE_WEBHOOK_SECRET") });
    process.env.GENESYS_EVENTBRIDGE_WEBHOOK_SECRET = SECRET;
    try {
      expect(await cli("webhook", "deliver", log, "--url", receiver.url)).toEqual({ code: 0, out: "delivered 2, expired 0, still pending 0\n", err: "" });
    } finally {
      delete process.env.GENESYS_EVENTBRIDGE_WEBHOOK_SECRET;
    }
    expect(receiver.received().map((r) => r.event.etag)).toEqual(["1", "2"]);
    expect((await cli("webhook", "pending", log)).out).toBe("0 webhook deliveries pending\n");
  });
});
