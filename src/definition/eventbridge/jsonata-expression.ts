import { parseExtractPath } from "../extract-path";
import { parseFieldPath } from "../field-path";
import { NestedMap, nodeAt } from "../nested-map";
import type { SourceDefinition } from "../source-definition";
import type { Format } from "../transformation";
import { EVENT_BODY_PATH } from "./compile-pattern";
import { jsonataBindings } from "./jsonata-functions";

/** The variable holding the event body inside the expression. */
const BODY = "$body";

const FORMAT_HELPER: Readonly<Record<Format, string>> = {
  iso8601: "isoOf",
  lowercase: "lowerOf",
  uppercase: "upperOf",
  string: "textOf",
};

type Node = NestedMap<string>;

/**
 * Compiles a definition's transformations and attribute mappings into one
 * JSONata expression that turns the EventBridge event Genesys sends
 * (`$states.input`, the body under `detail.eventBody`) into the projected
 * event of `projectSamples`: the same target fields, nested the same way,
 * with the same values, including `extract` over `[]` and `[N]` and every
 * `transform` format (see `jsonata-functions`).
 *
 * Where a live event lacks a source field (or holds a value a format cannot
 * convert, or an array too short for `[N]`), the expression gives nothing
 * for that target, so the key is absent from the output, and a nested
 * object none of whose fields was written is absent too; the rest of the
 * event is still produced. `projectEvent`'s `projected` previews exactly this.
 *
 * Definitions are validated before they compile, so targets do not collide;
 * a directive whose paths do not parse is left out (validation reports it).
 * Pure; never throws.
 */
export function compileJsonataExpression(def: Pick<SourceDefinition, "transformations" | "attributeMappings">): string {
  const root: Node = new Map();
  const helpers = new Set<string>(["fieldOf"]);
  const put = (target: string, value: string | undefined): void => {
    const segments = parseFieldPath(target);
    if (value === undefined || segments._tag === "Left") return;
    const node = nodeAt(root, segments.right.slice(0, -1));
    const last = segments.right[segments.right.length - 1];
    if (node !== undefined && !node.has(last)) node.set(last, value);
  };
  def.transformations.forEach((d) => {
    const source = read(BODY, d.sourceField);
    if (source === undefined) return;
    if (d.type === "direct") return put(d.targetField, source);
    if (d.type === "extract") {
      const step = parseExtractPath(d.path ?? "");
      if (step._tag === "Left") return;
      const inside = step.right.rest.reduce((acc, key) => `$fieldOf(${acc}, ${JSON.stringify(key)})`, "$e");
      const element = `function($e) { ${inside} }`;
      if (step.right.element === "each") {
        helpers.add("eachOf");
        return put(d.targetField, `$eachOf(${source}, ${element})`);
      }
      helpers.add("nthOf");
      return put(d.targetField, `$nthOf(${source}, ${step.right.element}, ${element})`);
    }
    if (d.format === undefined) return;
    const helper = FORMAT_HELPER[d.format];
    helpers.add(helper);
    put(d.targetField, `$${helper}(${source})`);
  });
  def.attributeMappings.forEach((m) => put(m.target, read(BODY, m.source)));
  const object = render(root, true, helpers);
  const body = EVENT_BODY_PATH.reduce((acc, key) => `$fieldOf(${acc}, ${JSON.stringify(key)})`, "$states.input");
  return ["(", ...jsonataBindings([...helpers]).map((b) => `  ${b}`), `  ${BODY} := ${body};`, `  ${object}`, ")"].join("\n");
}

function read(from: string, field: string): string | undefined {
  const segments = parseFieldPath(field);
  if (segments._tag === "Left") return undefined;
  return segments.right.reduce((acc, key) => `$fieldOf(${acc}, ${JSON.stringify(key)})`, from);
}

function render(node: Node, top: boolean, helpers: Set<string>): string {
  const parts = [...node.entries()].map(([key, value]) => `${JSON.stringify(key)}: ${value instanceof Map ? render(value, false, helpers) : value}`);
  const object = `{${parts.join(", ")}}`;
  if (top) return object;
  helpers.add("present");
  return `$present(${object})`;
}
