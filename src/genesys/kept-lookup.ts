import { Either, isLeft } from "fp-ts/Either";

/**
 * A lookup asked once per process and key: callers that start while it is
 * in flight share it, a success is kept, and a failure is forgotten so that
 * the next caller asks again.
 */
export function keptLookup<E, A>(): (key: string, ask: () => Promise<Either<E, A>>) => Promise<Either<E, A>> {
  const kept = new Map<string, Promise<Either<E, A>>>();
  return (key, ask) => {
    let lookup = kept.get(key);
    if (lookup === undefined) {
      lookup = ask();
      kept.set(key, lookup);
      void lookup.then((r) => {
        if (isLeft(r) && kept.get(key) === lookup) kept.delete(key);
      });
    }
    return lookup;
  };
}
