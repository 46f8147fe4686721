/** A tree of maps keyed by field name whose leaves are values of type `L` (never a `Map`). */
export type NestedMap<L> = Map<string, NestedMap<L> | L>;

/**
 * The node at `path` below `root`, creating the missing nodes on the way;
 * undefined when a leaf value stands where a node is needed.
 */
export function nodeAt<L>(root: NestedMap<L>, path: ReadonlyArray<string>): NestedMap<L> | undefined {
  let node = root;
  for (const segment of path) {
    const next = node.get(segment);
    if (next === undefined) {
      const child: NestedMap<L> = new Map();
      node.set(segment, child);
      node = child;
    } else if (next instanceof Map) {
      node = next;
    } else {
      return undefined;
    }
  }
  return node;
}
