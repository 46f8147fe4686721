import * as fs from "fs";
import * as path from "path";
import { SampleEvent, SourceDefinition, validateDefinition } from "../../src/definition";

/** The examples folder of the repository. */
export const EXAMPLES = path.join(__dirname, "..", "..", "stacks", "examples");

/** Reads a JSON file from the examples folder. */
export function example(name: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(EXAMPLES, name), "utf8"));
}

/** A deep copy of a JSON value, to mutate in a test. */
export function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** The corrected example definition as a mutable JSON object. */
export function validJson(): any {
  return copy(example("definition.json"));
}

/**
 * The corrected example definition, changed by `change` on its JSON form and
 * then validated; throws with the issues when the result does not validate.
 */
export function definition(change: (d: any) => void = () => undefined): SourceDefinition {
  const d = validJson();
  change(d);
  const r = validateDefinition(d);
  if (r._tag === "Left") throw new Error(JSON.stringify(r.left));
  return r.right;
}

/** The `conversation.created` sample event from the examples folder. */
export const createdSample = example("samples/conversation-created.json") as SampleEvent;

/** The `analytics.conversations.summary` sample event from the examples folder. */
export const summarySample = example("samples/analytics-summary.json") as SampleEvent;

/** A deep copy of a sample whose `event` has been changed by `change`. */
export function withEvent(sample: SampleEvent, change: (e: any) => void): SampleEvent {
  const changed = copy(sample);
  change(changed.event);
  return changed;
}
