const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * The accessor fragment that selects property `key`: `.name` when the key is
 * a JavaScript identifier, `["odd key"]` otherwise.
 */
export function propertyAccessor(key: string): string {
  return IDENTIFIER.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}

/** The accessor fragment that selects array element `index`: `[index]`. */
export function indexAccessor(index: number): string {
  return `[${index}]`;
}

/**
 * Joins accessor fragments into a property path, dropping the leading dot:
 * `joinAccessors(".filters", "[0]", ".eventType")` is `filters[0].eventType`.
 */
export function joinAccessors(...fragments: ReadonlyArray<string>): string {
  const joined = fragments.join("");
  return joined.startsWith(".") ? joined.slice(1) : joined;
}
