import { promises as fs } from "node:fs";
import { Server, createServer } from "node:http";
import { AddressInfo } from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import axios from "axios";
import { WebhookEvent, WebhookReceiver, idempotencyKey, sendWebhook, signedRequest, startWebhookReceiver } from "../../src/webhook";
import { sampleEvent } from "./sample-event";

const SECRET = "whsec-correct-horse-battery";

const event = sampleEvent;
const key = idempotencyKey(event);

let receiver: WebhookReceiver;
let sleeps: number[];
const sleep = async (ms: number) => {
  sleeps.push(ms);
};
/** Places every backoff halfway under its ceiling, so waits are exact. */
const random = () => 0.5;

beforeEach(async () => {
  sleeps = [];
  receiver = await startWebhookReceiver({ secret: SECRET });
});
afterEach(async () => {
  await receiver.close();
});

async function listen(handler: Parameters<typeof createServer>[1]): Promise<{ server: Server; url: string }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

const close = (server: Server) =>
  new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });

describe("sendWebhook to a real receiver", () => {
  it("delivers a signed event that the receiver records once", async () => {
    const result = await sendWebhook(receiver.url, event, SECRET, { sleep });
    expect(result).toEqual({ ok: true, attempts: 1, status: 200, idempotencyKey: key });
    expect(receiver.received()).toEqual([{ idempotencyKey: key, event, receivedAt: expect.any(String) }]);
  });

  it("retries after a 500 with the same Idempotency-Key, and the deployment is recorded exactly once", async () => {
    receiver.failNext(1);
    const result = await sendWebhook(receiver.url, event, SECRET, { sleep, random });
    expect({ result, sleeps }).toEqual({ result: { ok: true, attempts: 2, status: 200, idempotencyKey: key }, sleeps: [250] });
    expect(receiver.requests()).toEqual([
      { status: 500, outcome: "failed-on-purpose", idempotencyKey: key },
      { status: 200, outcome: "recorded", idempotencyKey: key },
    ]);
    expect(receiver.received().map((r) => r.event)).toEqual([event]);
  });

  it("answers a repeated delivery of the same deployment with 200 without recording it again", async () => {
    const first = await sendWebhook(receiver.url, event, SECRET, { sleep });
    const again = await sendWebhook(receiver.url, { ...event, timestamp: "2024-05-01T10:05:00.000Z" }, SECRET, { sleep });
    const update = await sendWebhook(receiver.url, { ...event, event: "source.updated", etag: "2" }, SECRET, { sleep });
    expect([first.ok, again.ok, update.ok]).toEqual([true, true, true]);
    expect(receiver.requests().map((r) => r.outcome)).toEqual(["recorded", "duplicate", "recorded"]);
    expect(receiver.received().map((r) => [r.event.event, r.event.etag])).toEqual([
      ["source.created", "1"],
      ["source.updated", "2"],
    ]);
  });

  it("does not retry a delivery the receiver rejects for a wrong secret, and keeps the secret out of the result", async () => {
    const result = await sendWebhook(receiver.url, event, "not-the-secret", { sleep });
    expect({ result, sleeps }).toEqual({
      result: { ok: false, attempts: 1, status: 401, error: "webhook not delivered: receiver answered HTTP 401", idempotencyKey: key },
      sleeps: [],
    });
    expect(JSON.stringify(result)).not.toContain("not-the-secret");
    expect(receiver.requests()).toEqual([{ status: 401, outcome: "rejected", idempotencyKey: key, reason: "signature does not match" }]);
    expect(receiver.received()).toEqual([]);
  });

  it("rejects a replay of a captured delivery once its timestamp is old", async () => {
    const captured = signedRequest(event, SECRET, Math.floor(Date.now() / 1000) - 600);
    const response = await axios.post(receiver.url, captured.body, {
      headers: captured.headers,
      transformRequest: [(d: unknown) => d],
      validateStatus: () => true,
    });
    expect({ status: response.status, data: response.data }).toEqual({
      status: 401,
      data: { outcome: "rejected", reason: expect.stringMatching(/^timestamp is 60\d s away from now \(tolerance 300 s\)$/) },
    });
    expect(receiver.received()).toEqual([]);
  });

  it("appends each newly received event to the record file", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "webhook-record-"));
    const recordPath = path.join(dir, "warehouse", "received.jsonl");
    const recording = await startWebhookReceiver({ secret: SECRET, recordPath });
    try {
      recording.failNext(1);
      await sendWebhook(recording.url, event, SECRET, { sleep });
      await sendWebhook(recording.url, event, SECRET, { sleep });
      const lines = (await fs.readFile(recordPath, "utf8")).trimEnd().split("\n").map((l) => JSON.parse(l));
      expect(lines).toEqual(recording.received());
      expect(lines.map((l) => l.event)).toEqual([event]);
    } finally {
      await recording.close();
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});

describe("sendWebhook retry behaviour", () => {
  it("gives up after four attempts when nothing listens, naming only the error code", async () => {
    const { server, url } = await listen(() => undefined);
    await close(server);
    const result = await sendWebhook(url, event, SECRET, { sleep, random });
    expect({ result, sleeps }).toEqual({
      result: { ok: false, attempts: 4, error: "webhook not delivered: network error ECONNREFUSED (after 4 attempts)", idempotencyKey: key },
      sleeps: [250, 500, 1000],
    });
    expect(JSON.stringify(result)).not.toContain(SECRET);
  });

  it("times out a receiver that never answers", async () => {
    const { server, url } = await listen(() => undefined);
    try {
      const result = await sendWebhook(url, event, SECRET, { sleep, random, timeoutMs: 100, retry: { maxRetries: 1 } });
      expect({ result, sleeps }).toEqual({
        result: { ok: false, attempts: 2, error: "webhook not delivered: no answer within 100 ms (after 2 attempts)", idempotencyKey: key },
        sleeps: [250],
      });
    } finally {
      await close(server);
    }
  });

  it("waits as long as a 429's Retry-After asks, then succeeds", async () => {
    let calls = 0;
    const bodies: string[] = [];
    const { server, url } = await listen((req, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        bodies.push(body);
        calls++;
        if (calls === 1) res.writeHead(429, { "Retry-After": "2" }).end();
        else res.writeHead(204).end();
      });
    });
    try {
      const result = await sendWebhook(url, event, SECRET, { sleep, random });
      // Retry-After is the minimum; jitter (half the 500 ms base) comes on top.
      expect({ result, sleeps }).toEqual({ result: { ok: true, attempts: 2, status: 204, idempotencyKey: key }, sleeps: [2250] });
      expect(bodies).toEqual([JSON.stringify(event), JSON.stringify(event)]);
    } finally {
      await close(server);
    }
  });

  it.each([
    {
      what: "stops at once, saying why, when a Retry-After asks for more than the 8 s a delivery waits",
      status: 429,
      headers: { "Retry-After": "60" },
      error: "webhook not delivered: receiver answered HTTP 429 and asked to wait 60 s, more than the 8 s a delivery waits",
    },
    { what: "does not repeat a 501, which never changes", status: 501, headers: {}, error: "webhook not delivered: receiver answered HTTP 501" },
  ])("$what", async ({ status, headers, error }) => {
    let calls = 0;
    const { server, url } = await listen((_req, res) => {
      calls++;
      res.writeHead(status, headers).end();
    });
    try {
      const result = await sendWebhook(url, event, SECRET, { sleep, random });
      expect({ result, sleeps, calls }).toEqual({ result: { ok: false, attempts: 1, status, error, idempotencyKey: key }, sleeps: [], calls: 1 });
    } finally {
      await close(server);
    }
  });

  it("refuses invalid input without sending anything", async () => {
    expect(
      await Promise.all([
        sendWebhook("ftp://127.0.0.1/", event, SECRET, { sleep }),
        sendWebhook("not a url", event, SECRET, { sleep }),
        sendWebhook(receiver.url, { ...event, etag: 7 } as unknown as WebhookEvent, SECRET, { sleep }),
        sendWebhook(receiver.url, event, "", { sleep }),
      ]),
    ).toEqual([
      { ok: false, attempts: 0, error: "webhook URL must use http or https" },
      { ok: false, attempts: 0, error: "webhook URL is not a valid URL" },
      { ok: false, attempts: 0, error: "invalid webhook event (missing or mistyped fields)" },
      { ok: false, attempts: 0, error: "webhook secret is empty", idempotencyKey: key },
    ]);
    expect(receiver.requests()).toEqual([]);
  });
});
