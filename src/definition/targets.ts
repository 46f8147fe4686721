import { Finding } from "./codec-kit";

/** One write into the projected event: where it is declared (accessor suffix) and the target path. */
export interface TargetWrite {
  readonly at: string;
  readonly target: string;
}

/**
 * Finds writes that collide: the same target twice, or a target and one of
 * its own parents (`custom` and `custom.tenant`), which would overwrite each
 * other in the projected event. Each collision is reported at the later write.
 */
export function targetConflicts(writes: ReadonlyArray<TargetWrite>): ReadonlyArray<Finding> {
  const findings: Finding[] = [];
  for (let i = 0; i < writes.length; i++) {
    for (let j = 0; j < i; j++) {
      const a = writes[j].target;
      const b = writes[i].target;
      const relation = a === b ? "the same target" : isParent(a, b) ? "a parent of this target" : isParent(b, a) ? "a child of this target" : undefined;
      if (relation !== undefined) {
        findings.push({
          at: writes[i].at,
          message: `target ${JSON.stringify(b)} collides with ${writes[j].at.slice(1)} (${JSON.stringify(a)}), ${relation}`,
        });
        break;
      }
    }
  }
  return findings;
}

function isParent(parent: string, child: string): boolean {
  return child.startsWith(`${parent}.`);
}
