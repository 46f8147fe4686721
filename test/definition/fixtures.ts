import * as fs from "fs";
import * as path from "path";

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
