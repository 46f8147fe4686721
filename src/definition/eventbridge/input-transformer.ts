import { Either, left, right } from "fp-ts/Either";
import { parseExtractPath } from "../extract-path";
import { parseFieldPath } from "../field-path";
import { NestedMap, nodeAt } from "../nested-map";
import type { SourceDefinition } from "../source-definition";
import { EVENT_BODY_PATH } from "./compile-pattern";
import { variableNames } from "./input-variable-names";
import { byPath, unexpressible, Unexpressible } from "./unexpressible";

/**
 * The most variables an input transformer may define (EventBridge API
 * Reference, `InputTransformer.InputPathsMap`: "Maximum number of 100 items").
 */
export const INPUT_PATHS_MAX = 100;

/** The longest input template, in characters (EventBridge API Reference, `InputTransformer.InputTemplate`: maximum length 8192). */
export const INPUT_TEMPLATE_MAX_CHARS = 8192;

/** The longest JSON path an `InputPathsMap` entry may hold, in characters (EventBridge API Reference, `InputTransformer.InputPathsMap`: value length 256). */
export const INPUT_PATH_MAX_CHARS = 256;

/**
 * An EventBridge input transformer as the `inputTransformer` of an
 * `aws.cloudwatch.EventTarget` takes it: variables mapped to JSON paths into
 * the event, and a template that places them.
 */
export interface InputTransformer {
  readonly inputPathsMap: Readonly<Record<string, string>>;
  readonly inputTemplate: string;
}

/** What {@link compileInputTransformer} makes of a definition: the transformer, and what it cannot deliver. */
export interface InputTransformerResult extends InputTransformer {
  /**
   * One entry per directive or mapping left out, at its path
   * (`transformations[2]`), or the whole definition (`""`) for the template
   * size; and one per `string` transform, which is kept but fails for some
   * values (the reason says which).
   */
  readonly unsupported: ReadonlyArray<Unexpressible>;
}

interface Write {
  readonly at: string;
  readonly target: ReadonlyArray<string>;
  readonly path: string;
  /** Placed inside a JSON string: the value's text instead of its JSON. */
  readonly quoted: boolean;
}

type Leaf = { readonly name: string; readonly quoted: boolean };
type Node = NestedMap<Leaf>;

/**
 * Compiles a definition's transformations and attribute mappings into an
 * EventBridge input transformer whose output is the projected event of
 * `projectSamples`, as far as input transformers can express it.
 *
 * Sources are read under `$.detail.eventBody` (where EventBridge delivers
 * the Genesys event body). `direct` directives and attribute mappings copy
 * a value; `extract` with `[N].x` reads `$...source[N].x` (the user guide
 * lists array indices among supported JSON path syntax). Placeholders stand
 * bare in the template (`"convId": <convId>`), so EventBridge inserts the
 * value's JSON and strings, numbers, objects and arrays keep their type;
 * `transform` with `string` quotes its placeholder (`"<v>"`), which inserts
 * the value's text, unescaped. Dotted targets (`custom.tenant`) nest in the
 * template. Where an event lacks a source, EventBridge does not fail: the
 * placeholder becomes an empty string (`"convId": ""`), and the event is
 * delivered.
 *
 * Reported and kept: each `string` transform, because EventBridge inserts a
 * quoted value without escaping it, so a string holding `"` or `\` (or an
 * object or array) makes the target input invalid JSON and the event is not
 * delivered to the target.
 *
 * Not expressible, reported per directive at its path: `extract` with `[]`
 * (the API reference asks for dot notation, and what a multi-match path
 * inserts is not documented, so the array of every element's field cannot
 * be relied on), `transform` with `iso8601`, `lowercase` or `uppercase`
 * (input transformers copy values and cannot convert them), names with `$`
 * (outside the documented path characters), paths longer than
 * {@link INPUT_PATH_MAX_CHARS}, variables past {@link INPUT_PATHS_MAX}, and
 * a template over
 * {@link INPUT_TEMPLATE_MAX_CHARS}. Variable names come from the target
 * paths (see `variableNames`). Pure; never throws.
 */
export function compileInputTransformer(def: Pick<SourceDefinition, "transformations" | "attributeMappings">): InputTransformerResult {
  const unsupported: Unexpressible[] = [];
  const writes: Write[] = [];
  const accept = (at: string, target: string, path: Either<string, string>, quoted: boolean): void => {
    const segments = parseFieldPath(target);
    if (path._tag === "Left") unsupported.push(unexpressible(at, path.left));
    else if (path.right.length > INPUT_PATH_MAX_CHARS) {
      unsupported.push(unexpressible(at, `the input path is ${path.right.length} characters; EventBridge accepts at most ${INPUT_PATH_MAX_CHARS}`));
    } else if (segments._tag === "Left") unsupported.push(unexpressible(at, segments.left));
    else if (writes.length >= INPUT_PATHS_MAX) unsupported.push(unexpressible(at, `an input transformer holds at most ${INPUT_PATHS_MAX} variables`));
    else writes.push({ at, target: segments.right, path: path.right, quoted });
  };

  def.transformations.forEach((d, i) => {
    const at = `transformations[${i}]`;
    const source = bodyPath(d.sourceField);
    if (d.type === "direct") return accept(at, d.targetField, source, false);
    if (d.type === "extract") return accept(at, d.targetField, extractPath(source, d.path ?? ""), false);
    if (d.format === "string") return accept(at, d.targetField, source, true);
    unsupported.push(
      unexpressible(at, `transform with ${d.format ?? "no format"} cannot be expressed: input transformers copy values into a template and cannot convert them`),
    );
  });
  def.attributeMappings.forEach((m, i) => accept(`attributeMappings[${i}]`, m.target, bodyPath(m.source), false));

  const names = variableNames(writes.map((w) => w.target));
  const inputPathsMap: Record<string, string> = {};
  const root: Node = new Map();
  writes.forEach((w, i) => {
    if (!place(root, w.target, { name: names[i], quoted: w.quoted })) {
      unsupported.push(unexpressible(w.at, `target ${w.target.join(".")} collides with another target`));
      return;
    }
    if (w.quoted) unsupported.push(unexpressible(w.at, QUOTED_VALUE_FAILS));
    Object.defineProperty(inputPathsMap, names[i], { value: w.path, enumerable: true, writable: true, configurable: true });
  });
  const inputTemplate = render(root);
  unsupported.sort(byPath);
  if (inputTemplate.length > INPUT_TEMPLATE_MAX_CHARS) {
    unsupported.push(unexpressible("", `the input template is ${inputTemplate.length} characters; EventBridge accepts at most ${INPUT_TEMPLATE_MAX_CHARS}`));
  }
  return { inputPathsMap, inputTemplate, unsupported };
}

const PATH_NAME = /^[A-Za-z0-9_-]+$/;

const QUOTED_VALUE_FAILS =
  'transform with string is delivered only for values without " or \\: EventBridge inserts a quoted value without escaping it, so such a string (or an object or array) makes the target input invalid JSON and the target does not receive the event';

function bodyPath(field: string): Either<string, string> {
  const segments = parseFieldPath(field);
  if (segments._tag === "Left") return segments;
  return namesPath([...EVENT_BODY_PATH, ...segments.right]);
}

function namesPath(segments: ReadonlyArray<string>): Either<string, string> {
  const bad = segments.find((s) => !PATH_NAME.test(s));
  return bad === undefined
    ? right(`$.${segments.join(".")}`)
    : left(`field name ${JSON.stringify(bad)} has characters EventBridge input paths do not support (letters, digits, _ and - only)`);
}

function extractPath(source: Either<string, string>, path: string): Either<string, string> {
  if (source._tag === "Left") return source;
  const step = parseExtractPath(path);
  if (step._tag === "Left") return step;
  if (step.right.element === "each") {
    return left(
      `extract ${path} maps over every element, which an input path cannot express reliably: the InputTransformer API asks for JSON dot notation and does not document what a path with several matches inserts; use [N] or reshape in the target`,
    );
  }
  const rest = step.right.rest.length === 0 ? right("") : namesPath(step.right.rest);
  return rest._tag === "Left" ? rest : right(`${source.right}[${step.right.element}]${rest.right === "" ? "" : rest.right.slice(1)}`);
}

function place(root: Node, target: ReadonlyArray<string>, leaf: Leaf): boolean {
  const node = nodeAt(root, target.slice(0, -1));
  if (node === undefined) return false;
  const last = target[target.length - 1];
  if (node.has(last)) return false;
  node.set(last, leaf);
  return true;
}

function render(node: Node): string {
  const parts = [...node.entries()].map(([key, value]) => {
    const rendered = value instanceof Map ? render(value) : value.quoted ? `"<${value.name}>"` : `<${value.name}>`;
    return `${JSON.stringify(key)}:${rendered}`;
  });
  return `{${parts.join(",")}}`;
}
