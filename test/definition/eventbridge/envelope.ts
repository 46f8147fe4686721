import { SampleEvent } from "../../../src/definition";

/** The partner event source the tests' events come from. */
export const PARTNER_SOURCE = "aws.partner/genesys.com/cloud/3f1e2d4c-0000-4000-8000-000000000001/genesys-prod-01";

/**
 * Wraps a sample Genesys event as EventBridge delivers it: `detail-type` is
 * the filter's event type (the topic template), `detail.topicName` the
 * concrete topic, `detail.eventBody` the event.
 */
export function envelope(sample: SampleEvent, detailType: string, source = PARTNER_SOURCE): Record<string, unknown> {
  return {
    version: "0",
    id: "6f2a4c1e-1b7d-4c55-9a8e-000000000001",
    "detail-type": detailType,
    source,
    account: "123456789012",
    time: "2024-01-15T10:00:00Z",
    region: "us-east-1",
    resources: [],
    detail: {
      topicName: sample.eventType,
      version: "2",
      eventBody: sample.event,
      metadata: { CorrelationId: "0e6a7c52-3d0f-4f7e-8a55-000000000002" },
      timestamp: "2024-01-15T10:00:00.123Z",
    },
  };
}
