import { FIELD_PATH_MAX_DEPTH } from "../field-path";
import { textDistance } from "./edit-distance";
import { concrete } from "./schema-path";
import { SchemaNode, propertiesOf, refOf } from "./schema-node";

/** The most paths listed from one schema: enough for any topic, bounded for any input. */
const MAX_PATHS = 5000;

/**
 * Every field path a topic's schema describes, parents before children
 * (`participants`, `participants.id`, ...): arrays are looked through to
 * their items, `$ref`s followed once along each path (a cycle stops there),
 * at most {@link FIELD_PATH_MAX_DEPTH} segments deep.
 */
export function schemaPaths(root: SchemaNode): ReadonlyArray<string> {
  const out: string[] = [];
  const walk = (node: SchemaNode, prefix: string, depth: number, refs: ReadonlySet<string>): void => {
    if (depth >= FIELD_PATH_MAX_DEPTH || out.length >= MAX_PATHS) return;
    const ref = refOf(node);
    if (ref !== undefined && refs.has(ref)) return;
    const inner = ref === undefined ? refs : new Set(refs).add(ref);
    const nodes = concrete(root, node);
    if (nodes === "open") return;
    for (const concreteNode of nodes) {
      for (const [key, value] of Object.entries(propertiesOf(concreteNode) ?? {})) {
        if (out.length >= MAX_PATHS) return;
        const path = prefix === "" ? key : `${prefix}.${key}`;
        if (!out.includes(path)) out.push(path);
        walk(value, path, depth + 1, inner);
      }
    }
  };
  walk(root, "", 0, new Set());
  return out;
}

/**
 * The path of `paths` nearest to `path` by character edit distance (ties: the
 * one listed first, which is the shallower); `undefined` when there is none.
 */
export function nearestPath(path: string, paths: ReadonlyArray<string>): string | undefined {
  let best: { path: string; distance: number } | undefined;
  for (const candidate of paths) {
    const distance = textDistance(path, candidate);
    if (best === undefined || distance < best.distance) best = { path: candidate, distance };
  }
  return best?.path;
}
