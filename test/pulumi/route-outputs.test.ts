import { prepareDefinition } from "../../src/definition/prepare";
import { outputsOf } from "../../src/pulumi/apply";
import { SourceMetrics } from "../../src/pulumi/outputs";
import { fixture } from "../definition/fixtures";

const metrics = { configurationLatencyMs: 1, validationSuccessRate: 1, registrationStatus: "created", retries: 0, requestsAnswered429: 0, conflicts: 0 } as unknown as SourceMetrics;
const remote = { remoteId: "r-1", etag: "1", state: {}, facts: {} };

function outputsFor(filters: ReadonlyArray<Record<string, unknown>>): Record<string, unknown> {
  const input = { ...(fixture("definition.json") as Record<string, unknown>), filters };
  const prepared = prepareDefinition(input);
  if (prepared._tag === "Left") throw new Error(JSON.stringify(prepared.left));
  return outputsOf(input, prepared.right, remote, "event-streams", metrics) as unknown as Record<string, unknown>;
}

describe("the source's outputs", () => {
  it("carry eventPatterns and, with one rule, eventPattern", () => {
    const out = outputsFor([
      { eventType: "v2.detail.events.conversation.{id}.user.end", conditions: [{ field: "duration", operator: "gte", value: 60 }] },
      { eventType: "v2.detail.events.conversation.{id}.user.end", conditions: [{ field: "queue", operator: "eq", value: "Support" }] },
    ]);
    expect([(out.eventPatterns as string[]).length, out.eventPattern]).toEqual([1, (out.eventPatterns as string[])[0]]);
    expect(JSON.parse(out.eventPattern as string).$or).toHaveLength(2);
  });

  it("carry one pattern per rule and no eventPattern when there are several", () => {
    const out = outputsFor([
      { eventType: "v2.detail.events.conversation.{id}.customer.start", conditions: [{ field: "prefix", operator: "eq", value: "sip" }] },
      { eventType: "v2.detail.events.conversation.{id}.user.end", conditions: [{ field: "queue", operator: "eq", value: "Support" }] },
    ]);
    expect([(out.eventPatterns as string[]).map((p) => JSON.parse(p)["detail-type"]), "eventPattern" in out]).toEqual([
      [["v2.detail.events.conversation.{id}.customer.start"], ["v2.detail.events.conversation.{id}.user.end"]],
      false,
    ]);
  });
});
