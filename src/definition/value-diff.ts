/**
 * Paths, in accessor notation, at which two JSON values differ. Objects are
 * compared key by key and arrays element by element; a value whose type
 * differs, and an element or key present on one side only, is reported at its
 * own path. Equal values give an empty list. Pure.
 */
export function diffValues(a: unknown, b: unknown, path = ""): string[] {
  if (Object.is(a, b)) return [];
  if (Array.isArray(a) && Array.isArray(b)) {
    const out: string[] = [];
    const n = Math.max(a.length, b.length);
    for (let i = 0; i < n; i++) {
      const p = `${path}[${i}]`;
      if (i >= a.length || i >= b.length) out.push(p);
      else out.push(...diffValues(a[i], b[i], p));
    }
    return out;
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    return keys.flatMap((k) => {
      const p = path === "" ? k : `${path}.${k}`;
      const inA = has(a, k);
      const inB = has(b, k);
      if (!inA || !inB) return (inA ? a[k] : undefined) === undefined && (inB ? b[k] : undefined) === undefined ? [] : [p];
      return diffValues(a[k], b[k], p);
    });
  }
  return [path];
}

function has(o: Record<string, unknown>, k: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, k);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}
