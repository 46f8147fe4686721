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
