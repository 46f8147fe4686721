import { createHash, createHmac } from "node:crypto";
import { WebhookEvent, idempotencyKey, signWebhook, signedRequest, webhookBody } from "../../src/webhook";

const event: WebhookEvent = {
  event: "source.created",
  sourceId: "src-1",
  etag: "7",
  payloadHash: "ab".repeat(32),
  status: "active",
  timestamp: "2024-05-01T10:00:00.000Z",
};

describe("webhookBody", () => {
  it("is the six fields in a fixed order, whatever the object's key order or extra keys", () => {
    const shuffled = { timestamp: event.timestamp, status: "active", extra: "x", payloadHash: event.payloadHash, etag: "7", sourceId: "src-1", event: "source.created" } as WebhookEvent;
    expect(webhookBody(shuffled)).toBe(
      `{"event":"source.created","sourceId":"src-1","etag":"7","payloadHash":"${"ab".repeat(32)}","status":"active","timestamp":"2024-05-01T10:00:00.000Z"}`,
    );
  });
});

describe("signWebhook", () => {
  it("is the hex HMAC-SHA256 of '<timestamp>.<body>'", () => {
    const expected = createHmac("sha256", "s3cret").update('1700000000.{"a":1}').digest("hex");
    expect(signWebhook('{"a":1}', "s3cret", 1700000000)).toBe(expected);
  });

  it("changes with the timestamp, so an old signature cannot be moved to a new time", () => {
    expect(signWebhook("{}", "k", 1700000000)).not.toBe(signWebhook("{}", "k", 1700000001));
  });
});

describe("idempotencyKey", () => {
  it("is the same for the same deployment, whatever its status or time", () => {
    const later: WebhookEvent = { ...event, status: "pending", timestamp: "2025-01-01T00:00:00.000Z" };
    expect(idempotencyKey(event)).toBe(idempotencyKey(later));
  });

  it("differs when the event, source, etag or payload differ", () => {
    const keys = [
      event,
      { ...event, event: "source.updated" as const },
      { ...event, sourceId: "src-2" },
      { ...event, etag: "8" },
      { ...event, payloadHash: "cd".repeat(32) },
    ].map(idempotencyKey);
    expect(new Set(keys).size).toBe(5);
  });

  it("is the SHA-256 of the JSON array of event, sourceId, etag and payloadHash", () => {
    const expected = createHash("sha256").update(JSON.stringify(["source.created", "src-1", "7", "ab".repeat(32)])).digest("hex");
    expect(idempotencyKey(event)).toBe(expected);
  });
});

describe("signedRequest", () => {
  it("carries the body, content type, signature, timestamp and idempotency key", () => {
    const body = webhookBody(event);
    expect(signedRequest(event, "s3cret", 1700000000)).toEqual({
      body,
      idempotencyKey: idempotencyKey(event),
      headers: {
        "Content-Type": "application/json",
        "X-Genesys-EventBridge-Signature": `sha256=${createHmac("sha256", "s3cret").update(`1700000000.${body}`).digest("hex")}`,
        "X-Genesys-EventBridge-Timestamp": "1700000000",
        "Idempotency-Key": idempotencyKey(event),
      },
    });
  });
});
