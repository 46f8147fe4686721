import { decodeSamples, DefinitionIssue, projectSamples, validateDefinition } from "../../src/definition";
import { rejectionCases } from "./acceptance-cases";
import { example, fixture } from "./fixtures";

function issuesOf(definition: unknown, samples: unknown): ReadonlyArray<DefinitionIssue> {
  const def = validateDefinition(definition);
  if (def._tag === "Left") return def.left;
  if (samples === undefined) return [];
  const decoded = decodeSamples(samples);
  if (decoded._tag === "Left") return decoded.left;
  const projected = projectSamples(def.right, decoded.right);
  return projected._tag === "Left" ? projected.left : [];
}

describe("acceptance", () => {
  it("accepts the corrected example with its samples", () => {
    const samples = [fixture("samples/analytics-summary.json"), fixture("samples/conversation-created.json")];
    expect(issuesOf(fixture("definition.json"), samples)).toEqual([]);
  });

  it("accepts the original design's definition on its own", () => {
    expect(issuesOf(example("original-definition.json"), undefined)).toEqual([]);
  });

  it.each(rejectionCases.map((c) => [c.name, c] as const))("rejects %s at the exact path", (_, c) => {
    const issues = issuesOf(c.definition, c.samples);
    expect(issues.map((i) => i.path)).toEqual(c.paths);
    expect(issues[0].message).toContain(c.says);
  });
});
