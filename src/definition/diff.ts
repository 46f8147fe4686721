import { canonicalJson } from "./canonical-json";
import { isRecord } from "./codec-kit";
import { indexAccessor, joinAccessors, propertyAccessor } from "./accessor";
import { buildPayload } from "./payload";
import { SourceDefinition } from "./source-definition";

/**
 * The property paths that differ between two definitions, in accessor
 * notation and document order, at the granularity of one field of a filter,
 * condition, directive or mapping: `configuration.region`,
 * `filters[0].conditions[1].value` (a condition value is compared whole),
 * `transformations[2]` when an element was added or removed, `eventSourceSuffix`
 * when it was set or dropped. Empty when nothing changed. Pure.
 */
export function diffDefinitions(old: SourceDefinition, next: SourceDefinition): ReadonlyArray<string> {
  const paths: string[] = [];
  walk(buildPayload(old), buildPayload(next), "", paths);
  return paths;
}

function walk(a: unknown, b: unknown, at: string, paths: string[]): void {
  if (!at.endsWith(".value") && Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const here = at + indexAccessor(i);
      if (i >= a.length || i >= b.length) paths.push(joinAccessors(here));
      else walk(a[i], b[i], here, paths);
    }
  } else if (isRecord(a) && isRecord(b)) {
    const keys = [...Object.keys(a), ...Object.keys(b).filter((k) => !Object.prototype.hasOwnProperty.call(a, k))];
    for (const key of keys) {
      const here = at + propertyAccessor(key);
      const inA = Object.prototype.hasOwnProperty.call(a, key);
      const inB = Object.prototype.hasOwnProperty.call(b, key);
      if (inA !== inB) paths.push(joinAccessors(here));
      else walk(a[key], b[key], here, paths);
    }
  } else if (canonicalJson(a) !== canonicalJson(b)) {
    paths.push(joinAccessors(at));
  }
}
