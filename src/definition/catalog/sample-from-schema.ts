import { FIELD_PATH_MAX_DEPTH } from "../field-path";
import { SchemaNode, deref, enumOf, itemsOf, propertiesOf, refOf, typesOf, branchesOf } from "./schema-node";

/** The instant every generated timestamp holds: the same on every run. */
const SAMPLE_INSTANT = "2024-01-15T10:00:00.000Z";
const SAMPLE_EPOCH_MS = Date.parse(SAMPLE_INSTANT);

/** A deterministic UUID-shaped id, numbered in the order the fields appear. */
function sampleId(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
}

/**
 * An event body shaped by a topic's schema, the same on every run: every
 * property described, strings as their first `enum` value, a fixed instant
 * for `date-time` strings and for integers whose name ends in `Time`
 * (epoch milliseconds), numbered UUIDs for fields named `id` or `...Id`,
 * otherwise `"<name>"`-like text, `1` for numbers, `true` for booleans, one
 * element for arrays. A `$ref` is followed once along each path (a cycle
 * stops there); at most {@link FIELD_PATH_MAX_DEPTH} levels deep. A
 * starting point for a definition's samples, not a real event.
 */
export function sampleFromSchema(root: SchemaNode): unknown {
  let ids = 0;
  const value = (node: SchemaNode, name: string, depth: number, refs: ReadonlySet<string>): unknown => {
    const ref = refOf(node);
    if (ref !== undefined && refs.has(ref)) return undefined;
    const inner = ref === undefined ? refs : new Set(refs).add(ref);
    const target = deref(root, node);
    if (target === undefined || depth > FIELD_PATH_MAX_DEPTH) return undefined;
    const values = enumOf(target);
    if (values !== undefined && values.length > 0) return values[0];
    const types = typesOf(target);
    const properties = propertiesOf(target);
    if (types.has("object") || properties !== undefined) {
      const out: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(properties ?? {})) {
        const v = value(child, key, depth + 1, inner);
        if (v !== undefined) out[key] = v;
      }
      return out;
    }
    if (types.has("array")) {
      const items = itemsOf(target);
      const v = items === undefined ? undefined : value(items, name, depth + 1, inner);
      return v === undefined ? [] : [v];
    }
    if (types.has("string")) {
      if (target.format === "date-time") return SAMPLE_INSTANT;
      if (name === "id" || /Id$/.test(name)) return sampleId(++ids);
      return `sample-${name}`;
    }
    if (types.has("integer")) return /Time$/.test(name) ? SAMPLE_EPOCH_MS : 1;
    if (types.has("number")) return 1;
    if (types.has("boolean")) return true;
    const [branch] = branchesOf(target);
    return branch === undefined ? undefined : value(branch, name, depth, inner);
  };
  return value(root, "event", 0, new Set()) ?? {};
}
