/**
 * The property paths (JavaScript accessor notation, e.g.
 * `filters[0].conditions[1].operator`) where two JSON values differ: the
 * deepest differing paths, in a stable order. Used to say what changed
 * remotely when a conditional write meets a conflict.
 */
export function changedPaths(expected: unknown, actual: unknown, limit = 50): ReadonlyArray<string> {
  const out: string[] = [];
  walk(expected, actual, "", out, limit);
  return out;
}

const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function child(path: string, key: string): string {
  if (identifier.test(key)) return path === "" ? key : `${path}.${key}`;
  return `${path}[${JSON.stringify(key)}]`;
}

function isRecord(u: unknown): u is Record<string, unknown> {
  return u !== null && typeof u === "object" && !Array.isArray(u);
}

function walk(a: unknown, b: unknown, path: string, out: string[], limit: number): void {
  if (out.length >= limit) return;
  if (Array.isArray(a) && Array.isArray(b)) {
    const n = Math.max(a.length, b.length);
    for (let i = 0; i < n; i++) walk(a[i], b[i], `${path}[${i}]`, out, limit);
    return;
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const k of keys) walk(a[k], b[k], child(path, k), out, limit);
    return;
  }
  if (a === b || (Number.isNaN(a) && Number.isNaN(b))) return;
  out.push(path === "" ? "(root)" : path);
}
