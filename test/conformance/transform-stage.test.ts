import fc from "fast-check";
import jsonata from "jsonata";
// JSONata 2.0, the version Step Functions implements, next to the reference implementation's current release.
import jsonata20 from "jsonata-v2.0";
import { canonicalJson, compileRoute, projectEvent } from "../../src/definition";
import { transformStateMachine } from "../../src/definition/eventbridge/state-machine";
import { directiveCaseArbitrary, directiveEventsFor } from "./generate-directives";

/*
 * Conformance of the transform stage with its own engine: for generated
 * definitions (every directive type and format, `[]` and `[N]` paths,
 * nested targets, mappings, several filters) and events in the Genesys
 * envelope (including events that lack fields, hold other types, or have
 * no body), the stage's expression evaluated by JSONata's reference
 * implementation (the `jsonata` package, in the 2.0 release Step Functions
 * implements and in the current one, with `$states.input` bound to the
 * event as Step Functions binds it), as the state machine's Deliver state
 * holds it, must give exactly what `projectEvent`
 * previews for `detail.eventBody`, and must never fail.
 *
 * Reproduce a run with CONFORMANCE_SEED=<seed>.
 */

const SEED = Number(process.env.CONFORMANCE_SEED ?? 20240116);
const CASES = 150;
const EVENTS_PER_CASE = 16;
const MIN_EVENT_CHECKS = 2000;

const ENGINES: ReadonlyArray<[string, typeof jsonata]> = [
  ["jsonata 2.0.6", jsonata20 as unknown as typeof jsonata],
  ["jsonata 2.2.2", jsonata],
];

interface Difference {
  readonly definition: unknown;
  readonly event: string;
  readonly stage: string;
  readonly preview: string;
}

describe("the transform stage against its own engine (JSONata)", () => {
  it.each(ENGINES)("%s gives projectEvent's result for every generated event, and never fails", async (engine, compile) => {
    const cases = fc.sample(directiveCaseArbitrary, { numRuns: CASES, seed: SEED });
    const differences: Difference[] = [];
    let events = 0;
    let fields = 0;
    let missing = 0;
    const kinds = new Set<string>();
    for (const { definition, eventSeed } of cases) {
      const transform = compileRoute(definition).transform;
      const expression = transform === null ? undefined : compile(deliveredExpression(transform.expression));
      definition.transformations.forEach((d) => kinds.add(d.type === "extract" ? `extract ${(d.path ?? "").startsWith("[]") ? "[]" : "[N]"}` : d.type === "transform" ? `transform ${d.format}` : d.type));
      if (definition.attributeMappings.length > 0) kinds.add("mapping");
      if (expression === undefined) continue;
      for (const text of directiveEventsFor(definition, eventSeed, EVENTS_PER_CASE)) {
        const event = JSON.parse(text);
        const preview = canonicalJson(projectEvent(definition, event.detail.eventBody, "").projected);
        let stage: string;
        try {
          stage = canonicalJson(JSON.parse(JSON.stringify(await expression.evaluate(event, { states: { input: event } }))));
        } catch (e) {
          stage = `failed: ${e instanceof Error ? e.message : JSON.stringify(e)}`;
        }
        events++;
        const written = Object.keys(flatten(JSON.parse(preview))).length;
        fields += written;
        if (written < definition.transformations.length + definition.attributeMappings.length) missing++;
        if (stage !== preview && differences.length < 5) differences.push({ definition: { transformations: definition.transformations, attributeMappings: definition.attributeMappings }, event: text, stage, preview });
        else if (stage !== preview) differences.push({ definition: null, event: "", stage: "", preview: "" });
      }
    }
    console.log(
      `transform stage conformance, ${engine} (seed ${SEED}): ${cases.length} definitions, ${events} events, ${fields} target fields compared, ` +
        `${missing} events with a target left out, ${differences.length} differences; directives: ${[...kinds].sort().join(", ")}`,
    );
    expect(differences.slice(0, 5)).toEqual([]);
    expect(events).toBeGreaterThanOrEqual(MIN_EVENT_CHECKS);
    expect([missing > events / 10, events - missing > events / 10]).toEqual([true, true]);
    expect(kinds.size).toBe(8);
  });
});

/** The JSONata the state machine's Deliver state evaluates into the event it sends, read back from the definition it deploys. */
function deliveredExpression(expression: string): string {
  const asl = transformStateMachine({ expression, targets: [], deadLetterQueueUrl: "https://sqs.us-east-1.amazonaws.com/123456789012/dlq" }) as any;
  const text: string = asl.States.Deliver.Arguments.event;
  if (!text.startsWith("{%") || !text.endsWith("%}")) throw new Error(`the Deliver state's event is not a JSONata expression: ${text}`);
  return text.slice(2, -2);
}

function flatten(value: unknown, prefix = "", out: Record<string, unknown> = {}): Record<string, unknown> {
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, `${prefix}${k}.`, out);
  } else if (prefix !== "") out[prefix] = value;
  return out;
}
