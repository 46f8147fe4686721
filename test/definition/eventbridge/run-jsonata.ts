import jsonata from "jsonata";

/**
 * Evaluates a transform stage's expression with JSONata's reference
 * implementation, as Step Functions does: `$states.input` is the event.
 * The result goes through JSON, as a state's output does.
 */
export async function runJsonata(expression: string, event: unknown): Promise<unknown> {
  const result: unknown = await jsonata(expression).evaluate(event, { states: { input: event } });
  return result === undefined ? undefined : JSON.parse(JSON.stringify(result));
}
