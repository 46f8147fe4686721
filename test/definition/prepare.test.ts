import { buildPayload, canonicalJson, compileRoute, MAX_PAYLOAD_BYTES, payloadBytes, payloadHash, projectSamples, validateDefinition } from "../../src/definition";
import { completePreparation, prepareDefinition, preparePayload } from "../../src/definition/prepare";
import { createdSample, definition, summarySample, validJson, withEvent } from "./fixtures";

describe("prepareDefinition", () => {
  it("derives the payload, its canonical JSON, hash, size, the projections and the route from one decoding", () => {
    const def = definition();
    const prepared = prepareDefinition(validJson(), [createdSample, summarySample]);
    const projections = projectSamples(def, [createdSample, summarySample]);
    expect(prepared).toEqual({
      _tag: "Right",
      right: {
        definition: def,
        payload: buildPayload(def),
        canonicalPayload: canonicalJson(buildPayload(def)),
        payloadHash: payloadHash(buildPayload(def)),
        payloadBytes: payloadBytes(buildPayload(def)),
        projections: projections._tag === "Right" ? projections.right : "projection failed",
        validationSuccessRate: 1,
        route: compileRoute(def),
      },
    });
  });

  it("gives a rate of 1 and no projections without samples", () => {
    const prepared = prepareDefinition(validJson());
    expect(prepared._tag === "Right" && [prepared.right.projections, prepared.right.validationSuccessRate]).toEqual([[], 1]);
  });

  it("returns the definition's issues, as validateDefinition does", () => {
    const bad = validJson();
    bad.filters[0].conditions[0].operator = "contains";
    const prepared = prepareDefinition(bad, [createdSample]);
    expect(prepared).toEqual(validateDefinition(bad));
    expect(prepared._tag).toBe("Left");
  });

  it("returns the samples' issues once the definition is sound", () => {
    const broken = withEvent(createdSample, (e) => delete e.conversation);
    const prepared = prepareDefinition(validJson(), [broken]);
    const projected = projectSamples(definition(), [broken]);
    expect(projected._tag).toBe("Left");
    expect(prepared).toEqual(projected);
  });

  it("refuses a payload over the size limit, naming its size", () => {
    const big = validJson();
    big.filters[0].conditions = Array.from({ length: 4000 }, (_, i) => ({ field: `metadata.f${i}`, operator: "eq", value: "x".repeat(60) }));
    const prepared = preparePayload(big);
    expect(prepared._tag).toBe("Left");
    const message = prepared._tag === "Left" ? prepared.left.map((i) => `${i.path}|${i.message}`) : [];
    expect(message).toEqual([expect.stringMatching(new RegExp(`^\\|payload is \\d+ bytes of canonical JSON; at most ${MAX_PAYLOAD_BYTES} bytes are allowed$`))]);
  });

  it("completes a prepared payload with the same result as preparing from scratch", () => {
    const payload = preparePayload(validJson());
    expect(payload._tag === "Right" ? completePreparation(payload.right, [summarySample]) : payload).toEqual(prepareDefinition(validJson(), [summarySample]));
  });
});
