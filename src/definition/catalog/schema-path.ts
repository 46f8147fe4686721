import { SchemaNode, additionalOf, branchesOf, deref, itemsOf, propertiesOf, typesOf } from "./schema-node";

/**
 * Where a field path leads in a topic's schema: to the schemas that describe
 * the field (several when combinators allow several; arrays are looked
 * through to their `items`), to an `open` part the schema leaves undescribed
 * (nothing below can be checked), or to a `missing` segment: the first
 * `resolved` segments exist, the next does not.
 */
export type SchemaPath =
  | { readonly kind: "found"; readonly nodes: ReadonlyArray<SchemaNode> }
  | { readonly kind: "open" }
  | { readonly kind: "missing"; readonly resolved: number };

/** The most nested arrays looked through at one step. */
const MAX_ARRAY_NESTING = 8;

/**
 * The concrete nodes a node stands for: `$ref` followed, combinators
 * expanded, arrays looked through to their items (a path into
 * `participants` reads every participant). `open` when part of it is not
 * described.
 */
export function concrete(root: SchemaNode, node: SchemaNode, seen: ReadonlySet<SchemaNode> = new Set()): ReadonlyArray<SchemaNode> | "open" {
  const target = deref(root, node);
  if (target === undefined) return "open";
  if (seen.has(target)) return [];
  const inner = new Set(seen).add(target);
  let current = target;
  for (let i = 0; i < MAX_ARRAY_NESTING && typesOf(current).has("array"); i++) {
    const items = itemsOf(current);
    if (items === undefined) return "open";
    const next = deref(root, items);
    if (next === undefined) return "open";
    current = next;
  }
  const out: SchemaNode[] = [current];
  for (const branch of branchesOf(current)) {
    const expanded = concrete(root, branch, inner);
    if (expanded === "open") return "open";
    out.push(...expanded);
  }
  return out;
}

/** The child of a concrete node under `key`: a node, `open` (keys not described), or `undefined` (no such key). */
function child(node: SchemaNode, key: string): SchemaNode | "open" | undefined {
  const properties = propertiesOf(node);
  const listed = properties?.[key];
  if (listed !== undefined) return listed;
  const extra = additionalOf(node);
  if (extra === true) return "open";
  if (extra !== undefined && extra !== false) return extra;
  const types = typesOf(node);
  // An object (or a node of no type) that lists no properties leaves its keys undescribed.
  if (properties === undefined && (types.size === 0 || types.has("object")) && branchesOf(node).length === 0) return "open";
  return undefined;
}

/**
 * Resolves a field path (its segments) in a topic's schema `root`: objects
 * by `properties` (and `additionalProperties`), arrays through `items`,
 * `$ref` into `definitions` (a reference cycle ends the walk), combinators
 * as alternatives. Pure; never throws.
 */
export function resolveSchemaPath(root: SchemaNode, segments: ReadonlyArray<string>): SchemaPath {
  let nodes = concrete(root, root);
  if (nodes === "open") return { kind: "open" };
  for (let i = 0; i < segments.length; i++) {
    const next: SchemaNode[] = [];
    for (const node of nodes) {
      const found = child(node, segments[i]);
      if (found === "open") return { kind: "open" };
      if (found === undefined) continue;
      const expanded = concrete(root, found);
      if (expanded === "open") return { kind: "open" };
      next.push(...expanded);
    }
    if (next.length === 0) return { kind: "missing", resolved: i };
    nodes = next;
  }
  return { kind: "found", nodes };
}
