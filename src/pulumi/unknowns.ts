/**
 * The value the engine puts in place of an input that is not known yet
 * (during preview, an output of another resource that does not exist yet).
 */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** Accessor-notation paths of every unknown value inside `value` (`""` when `value` itself is unknown). */
export function unknownPaths(value: unknown, path = ""): string[] {
  if (value === UNKNOWN) return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => unknownPaths(v, `${path}[${i}]`));
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) => unknownPaths(v, path === "" ? k : `${path}.${k}`));
  }
  return [];
}
