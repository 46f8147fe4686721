/**
 * The edit distance between two sequences: the fewest insertions, deletions
 * and substitutions turning `a` into `b`, where inserting or deleting an item
 * costs `weight(item)` and substituting costs `cost(x, y)`.
 */
export function editDistance<A>(
  a: ReadonlyArray<A>,
  b: ReadonlyArray<A>,
  cost: (x: A, y: A) => number,
  weight: (x: A) => number,
): number {
  let previous = [0];
  for (let j = 0; j < b.length; j++) previous.push(previous[j] + weight(b[j]));
  for (let i = 0; i < a.length; i++) {
    const row = [previous[0] + weight(a[i])];
    for (let j = 0; j < b.length; j++) {
      row.push(Math.min(previous[j + 1] + weight(a[i]), row[j] + weight(b[j]), previous[j] + cost(a[i], b[j])));
    }
    previous = row;
  }
  return previous[b.length];
}

/** The edit distance between two strings, character by character. */
export function textDistance(a: string, b: string): number {
  return editDistance([...a], [...b], (x, y) => (x === y ? 0 : 1), () => 1);
}
