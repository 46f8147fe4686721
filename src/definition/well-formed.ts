import { indexAccessor, propertyAccessor } from "./accessor";
import { definitionIssue, DefinitionIssue } from "./issue";

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The first lone surrogate code unit in `s` (a high surrogate not followed by
 * a low one, or a low one not preceded by a high one), or `undefined` when `s`
 * is well-formed UTF-16. Such strings cannot be encoded as UTF-8, so the
 * engine's wire format and Genesys both fail on them.
 */
export function firstLoneSurrogate(s: string): number | undefined {
  const m = LONE_SURROGATE.exec(s);
  return m === null ? undefined : m[0].charCodeAt(0);
}

/**
 * Problems of a JSON-like value that no schema sees: strings or keys that are
 * not well-formed UTF-16 (with the path of the string, or of the key), and
 * nesting deeper than `maxDepth` objects and arrays (reported once, at the
 * first value past the limit, which is not descended into). `root` is the
 * path of `value` (`""` for a definition, `samples` for sample events).
 * Never throws and never recurses deeper than `maxDepth`.
 */
export function valueHygieneIssues(value: unknown, root: string, maxDepth: number): DefinitionIssue[] {
  const issues: DefinitionIssue[] = [];
  const at = (path: string, fragment: string) => (path === "" && fragment.startsWith(".") ? fragment.slice(1) : `${path}${fragment}`);
  const visit = (v: unknown, path: string, depth: number): void => {
    if (typeof v === "string") {
      const lone = firstLoneSurrogate(v);
      if (lone !== undefined) issues.push(definitionIssue(path, loneSurrogateMessage(lone)));
      return;
    }
    if (v === null || typeof v !== "object") return;
    if (depth >= maxDepth) {
      issues.push(definitionIssue(path, `nested deeper than ${maxDepth} levels of objects and arrays`));
      return;
    }
    if (Array.isArray(v)) {
      v.forEach((item, i) => visit(item, at(path, indexAccessor(i)), depth + 1));
      return;
    }
    for (const key of Object.keys(v)) {
      const child = at(path, propertyAccessor(key));
      const lone = firstLoneSurrogate(key);
      if (lone !== undefined) issues.push(definitionIssue(child, `property name is ${loneSurrogateMessage(lone)}`));
      visit((v as Record<string, unknown>)[key], child, depth + 1);
    }
  };
  try {
    visit(value, root, 0);
  } catch (e) {
    // Only exotic non-JSON values (proxies, throwing getters) can get here.
    issues.push(definitionIssue(root, `cannot be read as JSON data: ${e instanceof Error ? e.message : String(e)}`));
  }
  return issues;
}

/** The message for a string holding the lone surrogate `codeUnit`. */
export function loneSurrogateMessage(codeUnit: number): string {
  return `not a well-formed UTF-16 string: lone surrogate \\u${codeUnit.toString(16).padStart(4, "0")} (a surrogate must be half of a pair)`;
}
