/**
 * One node of a topic's event schema (JSON Schema, draft 4 as Genesys
 * publishes it): `type`, `properties`, `items`, `additionalProperties`,
 * `enum`, `format`, `$ref` into the root's `definitions`, and the
 * combinators `allOf`/`anyOf`/`oneOf`. Anything else is ignored.
 */
export type SchemaNode = Readonly<Record<string, unknown>>;

/** How many `$ref`s in a row are followed before a reference is taken as a cycle. */
const MAX_REF_HOPS = 32;

function isNode(u: unknown): u is SchemaNode {
  return typeof u === "object" && u !== null && !Array.isArray(u);
}

/** The most nodes indexed by id in one schema: bounded for any input. */
const MAX_INDEXED_NODES = 100_000;

const idIndexes = new WeakMap<SchemaNode, ReadonlyMap<string, SchemaNode>>();

/**
 * The nodes of a schema by their `id` (draft 4) or `$id`: Genesys's
 * generated schemas refer to a type by the id it was first declared with
 * (`"$ref": "urn:jsonschema:com:inin:...:Participant"`), often an ancestor.
 */
function idIndex(root: SchemaNode): ReadonlyMap<string, SchemaNode> {
  const known = idIndexes.get(root);
  if (known !== undefined) return known;
  const index = new Map<string, SchemaNode>();
  const stack: unknown[] = [root];
  let visited = 0;
  while (stack.length > 0 && visited++ < MAX_INDEXED_NODES) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      stack.push(...node);
    } else if (isNode(node)) {
      for (const key of ["id", "$id"]) {
        const id = node[key];
        if (typeof id === "string" && !index.has(id)) index.set(id, node);
      }
      for (const [key, value] of Object.entries(node)) if (key !== "enum" && typeof value === "object" && value !== null) stack.push(value);
    }
  }
  idIndexes.set(root, index);
  return index;
}

/**
 * The node a reference names in `root`: a local JSON pointer
 * (`#/definitions/participant`, `#` the root) or the `id` of a node of the
 * document; `undefined` when it names none.
 */
function pointed(root: SchemaNode, ref: string): SchemaNode | undefined {
  if (!ref.startsWith("#")) return idIndex(root).get(ref);
  let node: unknown = root;
  for (const raw of ref.slice(1).split("/").slice(1)) {
    const key = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
    if (!isNode(node) || !Object.prototype.hasOwnProperty.call(node, key)) return undefined;
    node = node[key];
  }
  return isNode(node) ? node : undefined;
}

/**
 * A node with its `$ref`s followed (a chain of references ends at the first
 * node without one), by JSON pointer or by node id; `undefined` for a
 * reference that names nothing in the document or goes round in a cycle.
 */
export function deref(root: SchemaNode, node: SchemaNode): SchemaNode | undefined {
  let current = node;
  const seen = new Set<string>();
  for (let hop = 0; hop < MAX_REF_HOPS; hop++) {
    const ref = current.$ref;
    if (typeof ref !== "string") return current;
    if (seen.has(ref)) return undefined;
    seen.add(ref);
    const next = pointed(root, ref);
    if (next === undefined) return undefined;
    current = next;
  }
  return undefined;
}

/** The reference a node makes, if any: what cycle protection tracks along a path. */
export function refOf(node: SchemaNode): string | undefined {
  return typeof node.$ref === "string" ? node.$ref : undefined;
}

/** The alternatives a node combines (`allOf`, `anyOf`, `oneOf`), as nodes. */
export function branchesOf(node: SchemaNode): ReadonlyArray<SchemaNode> {
  return ["allOf", "anyOf", "oneOf"].flatMap((key) => (Array.isArray(node[key]) ? (node[key] as unknown[]).filter(isNode) : []));
}

/** The JSON types a node allows (`type` as a string or a list; `properties` implies object, `items` array); empty when it does not say. */
export function typesOf(node: SchemaNode): ReadonlySet<string> {
  const declared = typeof node.type === "string" ? [node.type] : Array.isArray(node.type) ? node.type.filter((x): x is string => typeof x === "string") : [];
  const out = new Set(declared);
  if (out.size === 0 && isNode(node.properties)) out.add("object");
  if (out.size === 0 && node.items !== undefined) out.add("array");
  return out;
}

/** A node's `items` when it is an array node with a single items schema. */
export function itemsOf(node: SchemaNode): SchemaNode | undefined {
  return isNode(node.items) ? node.items : Array.isArray(node.items) && isNode(node.items[0]) ? node.items[0] : undefined;
}

/** A node's named properties, when it lists any. */
export function propertiesOf(node: SchemaNode): Readonly<Record<string, SchemaNode>> | undefined {
  if (!isNode(node.properties)) return undefined;
  const out: Record<string, SchemaNode> = {};
  for (const [key, value] of Object.entries(node.properties)) if (isNode(value)) out[key] = value;
  return out;
}

/** What a node says about keys it does not list: a schema for them, `true` (any), or `undefined` (not said). */
export function additionalOf(node: SchemaNode): SchemaNode | true | false | undefined {
  const extra = node.additionalProperties;
  if (extra === true || extra === false) return extra;
  return isNode(extra) ? extra : undefined;
}

/** A node's `enum`, when it has one. */
export function enumOf(node: SchemaNode): ReadonlyArray<unknown> | undefined {
  return Array.isArray(node.enum) ? node.enum : undefined;
}
