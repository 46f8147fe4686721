import fc from "fast-check";
import { compileEventPattern, matchesPattern, selectEvent } from "../../../src/definition";
import { eventsFor, PARTNER, sharedCaseArbitrary } from "../../conformance/generate";

/*
 * The rule plan's logic, with the test double of EventBridge's matcher
 * (matchesPattern) instead of the engine (the conformance suite asks the
 * engine): on definitions whose filters share event types, often on fields
 * named like matchers, the rules together select what the definition
 * selects, conditions left out aside, and no event matches two rules.
 */
describe("the rules compiled from filters that share event types", () => {
  const cases = fc.sample(sharedCaseArbitrary(), { seed: 7, numRuns: 300 });

  it("select together what the definition selects, and no event twice", () => {
    const problems: string[] = [];
    let checks = 0;
    let several = 0;
    for (const c of cases) {
      const compiled = compileEventPattern(c.definition, PARTNER);
      if (compiled.patterns.length > 1) several++;
      const left = new Set(compiled.unsupported.map((u) => u.path));
      const kept = c.definition.filters.map((f, i) => ({ ...f, conditions: f.conditions.filter((_, j) => !left.has(`filters[${i}].conditions[${j}]`)) }));
      for (const text of eventsFor(c.definition, c.fields, c.eventSeed, 16)) {
        checks++;
        const event = JSON.parse(text);
        const rules = compiled.patterns.filter((p) => matchesPattern(p, event)).length;
        const ours = event.source === PARTNER && selectEvent(kept, event["detail-type"], event.detail.eventBody).selected;
        if (rules > 1 || (rules === 1) !== ours) problems.push(`${rules} rules, definition ${ours}: ${JSON.stringify(c.definition.filters)} ${text}`);
      }
    }
    expect({ problems: problems.slice(0, 3), checks: checks >= 4000, several: several > 0 }).toEqual({ problems: [], checks: true, several: true });
  });
});
