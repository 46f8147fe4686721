import { WebhookEvent, signedRequest, verifyWebhookSignature } from "../../src/webhook";

const event: WebhookEvent = {
  event: "source.updated",
  sourceId: "src-1",
  etag: "8",
  payloadHash: "ab".repeat(32),
  status: "active",
  timestamp: "2024-05-01T10:00:00.000Z",
};
const t0 = 1_700_000_000;
const at = (seconds: number) => () => seconds * 1000;
const signed = signedRequest(event, "right-secret", t0);

describe("verifyWebhookSignature", () => {
  it("accepts a delivery signed with the shared secret within the tolerance", () => {
    expect(verifyWebhookSignature(signed.body, signed.headers, "right-secret", { now: at(t0 + 10) })).toEqual({ ok: true, timestampSeconds: t0 });
  });

  it("accepts the raw bytes and lowercase or repeated headers as Node.js presents them", () => {
    const lower = Object.fromEntries(Object.entries(signed.headers).map(([k, v]) => [k.toLowerCase(), [v]]));
    expect(verifyWebhookSignature(Buffer.from(signed.body), lower, "right-secret", { now: at(t0) })).toEqual({ ok: true, timestampSeconds: t0 });
  });

  it("rejects a wrong secret", () => {
    expect(verifyWebhookSignature(signed.body, signed.headers, "wrong-secret", { now: at(t0) })).toEqual({
      ok: false,
      rejection: { _tag: "SignatureMismatch" },
    });
  });

  it("rejects a body changed after signing", () => {
    const tampered = signed.body.replace('"8"', '"9"');
    expect(verifyWebhookSignature(tampered, signed.headers, "right-secret", { now: at(t0) })).toEqual({
      ok: false,
      rejection: { _tag: "SignatureMismatch" },
    });
  });

  it("rejects a replay of an old delivery", () => {
    expect(verifyWebhookSignature(signed.body, signed.headers, "right-secret", { now: at(t0 + 301), toleranceSeconds: 300 })).toEqual({
      ok: false,
      rejection: { _tag: "StaleTimestamp", skewSeconds: 301, toleranceSeconds: 300 },
    });
  });

  it("rejects an old signature presented with a fresh timestamp", () => {
    const headers = { ...signed.headers, "X-Genesys-EventBridge-Timestamp": String(t0 + 600) };
    expect(verifyWebhookSignature(signed.body, headers, "right-secret", { now: at(t0 + 600) })).toEqual({
      ok: false,
      rejection: { _tag: "SignatureMismatch" },
    });
  });

  it("rejects a timestamp too far in the future", () => {
    expect(verifyWebhookSignature(signed.body, signed.headers, "right-secret", { now: at(t0 - 400) })).toEqual({
      ok: false,
      rejection: { _tag: "StaleTimestamp", skewSeconds: 400, toleranceSeconds: 300 },
    });
  });

  it.each([
    [{ "X-Genesys-EventBridge-Timestamp": String(t0) }, { _tag: "MissingHeader", header: "X-Genesys-EventBridge-Signature" }],
    [{ "X-Genesys-EventBridge-Signature": signed.headers["X-Genesys-EventBridge-Signature"] }, { _tag: "MissingHeader", header: "X-Genesys-EventBridge-Timestamp" }],
    [{ "X-Genesys-EventBridge-Signature": "md5=abc", "X-Genesys-EventBridge-Timestamp": String(t0) }, { _tag: "MalformedSignature" }],
    [{ "X-Genesys-EventBridge-Signature": `sha256=${"0".repeat(63)}`, "X-Genesys-EventBridge-Timestamp": String(t0) }, { _tag: "MalformedSignature" }],
    [{ "X-Genesys-EventBridge-Signature": signed.headers["X-Genesys-EventBridge-Signature"], "X-Genesys-EventBridge-Timestamp": "soon" }, { _tag: "MalformedTimestamp" }],
  ])("rejects malformed headers %j", (headers, rejection) => {
    expect(verifyWebhookSignature(signed.body, headers, "right-secret", { now: at(t0) })).toEqual({ ok: false, rejection });
  });
});
