import { corpusEventOf, decodeCorpus, envelopeOf } from "../../../src/definition/impact/corpus-event";
import { envelope } from "../eventbridge/envelope";
import { createdSample } from "../fixtures";

describe("corpusEventOf", () => {
  it("reads { eventType, event }, keyed by the body's id when there is one", () => {
    expect(corpusEventOf({ eventType: "v2.detail.events.conversation.{id}.customer.start", event: { id: "c-1", a: 1 } }, 4)).toEqual({
      _tag: "Right",
      right: { index: 4, id: "c-1", eventType: "v2.detail.events.conversation.{id}.customer.start", body: { id: "c-1", a: 1 } },
    });
    expect(corpusEventOf({ eventType: "v2.detail.events.conversation.{id}.customer.start", event: { a: 1 } }, 0)).toEqual({
      _tag: "Right",
      right: { index: 0, eventType: "v2.detail.events.conversation.{id}.customer.start", body: { a: 1 } },
    });
  });

  it("reads an EventBridge envelope: detail-type is the type, detail.eventBody the body, the envelope id the key", () => {
    const recorded = envelope(createdSample, "v2.detail.events.conversation.{id}.customer.start");
    expect(corpusEventOf(recorded, 2)).toEqual({
      _tag: "Right",
      right: { index: 2, id: "6f2a4c1e-1b7d-4c55-9a8e-000000000001", eventType: "v2.detail.events.conversation.{id}.customer.start", body: createdSample.event, envelope: recorded },
    });
  });

  it("names the property path and what was expected when an entry is neither shape", () => {
    expect(decodeCorpus([42, { eventType: "", event: {} }, { "detail-type": "a.b", detail: {} }, { eventType: "a.b", event: [] }, { foo: 1 }])).toEqual({
      _tag: "Left",
      left: [
        { _tag: "DefinitionIssue", path: "events[0]", message: "expected an event ({ eventType, event } or an EventBridge envelope), found 42" },
        { _tag: "DefinitionIssue", path: "events[1].eventType", message: 'expected an event type such as v2.detail.events.conversation.{id}.customer.start, found ""' },
        { _tag: "DefinitionIssue", path: "events[2].detail.eventBody", message: "expected the Genesys event body as an object, found nothing" },
        { _tag: "DefinitionIssue", path: "events[3].event", message: "expected the event body as an object, found []" },
        { _tag: "DefinitionIssue", path: "events[4]", message: "is neither { eventType, event } nor an EventBridge envelope (with detail-type and detail.eventBody)" },
      ],
    });
  });
});

describe("envelopeOf", () => {
  it("wraps { eventType, event } with the topic template a concrete type matches, and keeps a recorded envelope", () => {
    const concrete = { index: 0, eventType: "v2.users.42.presence", body: { a: 1 } };
    expect(envelopeOf(concrete, ["v2.users.{id}.presence"])).toEqual({
      "detail-type": "v2.users.{id}.presence",
      detail: { topicName: "v2.users.42.presence", eventBody: { a: 1 } },
    });
    expect(envelopeOf(concrete, [])).toEqual({ "detail-type": "v2.users.42.presence", detail: { topicName: "v2.users.42.presence", eventBody: { a: 1 } } });
    const recorded = { "detail-type": "x.y", detail: { eventBody: {} } };
    expect(envelopeOf({ index: 0, eventType: "x.y", body: {}, envelope: recorded }, ["x.{id}"])).toBe(recorded);
  });
});
