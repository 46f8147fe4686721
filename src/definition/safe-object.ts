import { FORBIDDEN_SEGMENTS } from "./field-path";

/**
 * A builder of nested objects from dotted targets that cannot pollute
 * prototypes: nodes have no prototype while building, prototype keys are
 * refused, and {@link ObjectBuilder.toPlain} returns fresh plain objects.
 */
export class ObjectBuilder {
  private readonly root: Record<string, unknown> = Object.create(null);
  private readonly nodes = new WeakSet<object>([this.root]);

  /** Writes `value` at `segments`; false when a prototype key or an existing non-object value is in the way. */
  set(segments: ReadonlyArray<string>, value: unknown): boolean {
    if (segments.length === 0 || segments.some((s) => FORBIDDEN_SEGMENTS.includes(s))) return false;
    let node = this.root;
    for (const segment of segments.slice(0, -1)) {
      const next = node[segment];
      if (next === undefined) {
        const child: Record<string, unknown> = Object.create(null);
        this.nodes.add(child);
        node[segment] = child;
        node = child;
      } else if (typeof next === "object" && next !== null && this.nodes.has(next)) {
        node = next as Record<string, unknown>;
      } else {
        return false;
      }
    }
    node[segments[segments.length - 1]] = value;
    return true;
  }

  /** The built object as plain objects (values read from events are kept as they are). */
  toPlain(): Record<string, unknown> {
    return this.plain(this.root);
  }

  private plain(node: Record<string, unknown>): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(node)) {
      const v = node[key];
      const value = typeof v === "object" && v !== null && this.nodes.has(v) ? this.plain(v as Record<string, unknown>) : v;
      Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
}
