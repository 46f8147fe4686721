/**
 * Something a definition declares that an AWS EventBridge rule cannot
 * express, at its property path in JavaScript accessor notation
 * (`filters[1].conditions[0]`, `transformations[2].format`; the empty path
 * means the definition as a whole), with the reason in words. Data, not an
 * exception: compilers report these instead of silently dropping a part.
 */
export interface Unexpressible {
  readonly path: string;
  readonly reason: string;
}

/** Builds an {@link Unexpressible} from a path and a reason. */
export function unexpressible(path: string, reason: string): Unexpressible {
  return { path, reason };
}

/**
 * Orders entries by path as a reader would: numbers inside paths compare as
 * numbers (`filters[2]` before `filters[10]`), the rest as text.
 */
export function byPath(a: Unexpressible, b: Unexpressible): number {
  const x = a.path.split(/(\d+)/);
  const y = b.path.split(/(\d+)/);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const order = i % 2 === 1 ? Number(x[i]) - Number(y[i]) : x[i] < y[i] ? -1 : x[i] > y[i] ? 1 : 0;
    if (order !== 0) return order;
  }
  return x.length - y.length;
}
