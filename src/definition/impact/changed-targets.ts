import { canonicalJson } from "../canonical-json";
import { isRecord } from "../codec-kit";
import { parseFieldPath } from "../field-path";
import type { SourceDefinition } from "../source-definition";

/** A target field of the projected event, by name (`custom.tenant`) and segments. */
export interface TargetField {
  readonly name: string;
  readonly segments: ReadonlyArray<string>;
}

/** Every target field the transformations and attribute mappings of the given definitions write, each once, in order. Pure. */
export function targetFields(...defs: ReadonlyArray<Pick<SourceDefinition, "transformations" | "attributeMappings">>): ReadonlyArray<TargetField> {
  const names = new Set<string>();
  for (const def of defs) {
    def.transformations.forEach((d) => names.add(d.targetField));
    def.attributeMappings.forEach((m) => names.add(m.target));
  }
  const out: TargetField[] = [];
  for (const name of names) {
    const segments = parseFieldPath(name);
    if (segments._tag === "Right") out.push({ name, segments: segments.right });
  }
  return out;
}

/**
 * The target fields whose value differs between two outputs of the
 * projection (added, removed or changed), by the name the definition gives
 * them (`agentIds`, `custom.tenant`), compared as canonical JSON. Pure.
 */
export function changedTargets(targets: ReadonlyArray<TargetField>, before: unknown, after: unknown): ReadonlyArray<string> {
  return targets.filter((t) => valueText(before, t.segments) !== valueText(after, t.segments)).map((t) => t.name);
}

/** The values of the named target fields in a projected event, keyed by their names (`{ "custom.tenant": "t-42" }`); absent ones are left out. Pure. */
export function targetValues(targets: ReadonlyArray<TargetField>, names: ReadonlyArray<string>, output: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const t of targets) {
    if (!names.includes(t.name)) continue;
    const found = valueAt(output, t.segments);
    if (found.present) Object.defineProperty(out, t.name, { value: found.value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function valueAt(root: unknown, segments: ReadonlyArray<string>): { readonly present: boolean; readonly value?: unknown } {
  let current = root;
  for (const s of segments) {
    if (!isRecord(current) || !Object.prototype.hasOwnProperty.call(current, s)) return { present: false };
    current = current[s];
  }
  return { present: true, value: current };
}

function valueText(root: unknown, segments: ReadonlyArray<string>): string | undefined {
  const found = valueAt(root, segments);
  return found.present ? canonicalJson(found.value) : undefined;
}
