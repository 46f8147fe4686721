import { eventSourceSuffixOf } from "../../src/definition";

describe("eventSourceSuffixOf", () => {
  it("returns the declared suffix", () => {
    expect(eventSourceSuffixOf({ id: "src", eventSourceSuffix: "prod" })).toBe("prod");
  });

  it("derives one from the id, replacing invalid characters and cutting to 64", () => {
    expect(eventSourceSuffixOf({ id: `team a/b:${"x".repeat(100)}` })).toBe(`team-a-b-${"x".repeat(55)}`);
    expect(eventSourceSuffixOf({ id: "eventbridge-source-prod-01" })).toBe("eventbridge-source-prod-01");
  });
});
