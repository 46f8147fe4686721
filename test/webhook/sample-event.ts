import { WebhookEvent } from "../../src/webhook";

/** A webhook event for a source just created, at a fixed time. */
export const sampleEvent: WebhookEvent = {
  event: "source.created",
  sourceId: "src-1",
  etag: "1",
  payloadHash: "ab".repeat(32),
  status: "active",
  timestamp: "2024-05-01T10:00:00.000Z",
};
