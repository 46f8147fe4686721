/** The longest variable name produced, in characters (EventBridge allows 256; shorter names keep templates small). */
export const VARIABLE_NAME_MAX_CHARS = 64;

/**
 * Input transformer variable names for target paths, in order: the target's
 * segments in camel case with every character outside `[A-Za-z0-9]` dropped
 * (`custom.tenant` -> `customTenant`), `value` when nothing is left, a `v`
 * prefix when the name would start with `aws` in any case, cut to
 * {@link VARIABLE_NAME_MAX_CHARS}, and a counter (`2`, `3`, ...) on
 * repeats. Letters and digits only satisfy both the API reference key
 * pattern `[A-Za-z0-9_-]+` and the CloudFormation pattern `[a-zA-Z0-9]+`,
 * and keys must not start with "AWS". Deterministic; pure.
 */
export function variableNames(targets: ReadonlyArray<ReadonlyArray<string>>): string[] {
  const taken = new Set<string>();
  return targets.map((segments) => {
    const words = segments.map((s) => s.replace(/[^A-Za-z0-9]/g, "")).filter((w) => w !== "");
    let base = words.map((w, i) => (i === 0 ? w : w[0].toUpperCase() + w.slice(1))).join("");
    if (base === "") base = "value";
    if (/^aws/i.test(base)) base = `v${base}`;
    base = base.slice(0, VARIABLE_NAME_MAX_CHARS - 4);
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}${n}`;
    taken.add(name);
    return name;
  });
}
