import * as fs from "fs";
import * as path from "path";
import { SampleEvent, SourceDefinition, validateDefinition } from "../../src/definition";

/** The examples folder of the repository. */
export const EXAMPLES = path.join(__dirname, "..", "..", "stacks", "examples");

/**
 * The definition and samples the unit tests build on: the example of the
 * original design with real topic names, its fields as they were (these
 * tests do not consult the topic catalog).
 */
export const FIXTURES = path.join(__dirname, "fixtures");

/** Reads a JSON file from the fixtures folder. */
export function fixture(name: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, name), "utf8"));
}

/** Reads a JSON file from the examples folder. */
export function example(name: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(EXAMPLES, name), "utf8"));
}

/** A deep copy of a JSON value, to mutate in a test. */
export function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** The fixture definition as a mutable JSON object. */
export function validJson(): any {
  return copy(fixture("definition.json"));
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

/** The `v2.detail.events.conversation.{id}.customer.start` sample event of the fixtures. */
export const createdSample = fixture("samples/conversation-created.json") as SampleEvent;

/** The `v2.detail.events.conversation.{id}.customer.end` sample event of the fixtures. */
export const summarySample = fixture("samples/analytics-summary.json") as SampleEvent;

/** A deep copy of a sample whose `event` has been changed by `change`. */
export function withEvent(sample: SampleEvent, change: (e: any) => void): SampleEvent {
  const changed = copy(sample);
  change(changed.event);
  return changed;
}
