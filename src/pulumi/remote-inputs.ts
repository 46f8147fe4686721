import { changedPaths } from "../definition";
import { inputPathOf } from "./inputs";

/**
 * The resource's inputs as the remote source holds them: the recorded inputs
 * with every drifted value replaced by what the server has.
 *
 * A refresh that finds drift returns these as the resource's inputs. The
 * engine shows a dynamic resource's update as the difference between its
 * recorded inputs and the program's, so the next `pulumi preview` names each
 * drifted input (`~ configuration: { ~ region: "eu-west-1" => "us-east-1" }`)
 * instead of an `~ update` with nothing marked.
 *
 * `desired` and `remote` are the adapter's representation of the declared
 * and of the remote source (`SourceApi.desiredState`, `RemoteSource.state`);
 * `definitionPath` maps a path of that representation to the definition path
 * it comes from. Paths map one to one, except a projection of a list such as
 * `filters[].eventType` (the Integrations API's topics): there the filters
 * whose event type the server still lists are kept, in their order, and each
 * topic only the server lists is added as a filter of its own.
 * Pure; `recorded` is not changed.
 */
export function remoteInputs(
  recorded: Readonly<Record<string, unknown>>,
  desired: unknown,
  remote: unknown,
  definitionPath: (statePath: string) => string,
): Record<string, unknown> {
  const out = structuredClone(recorded) as Record<string, unknown>;
  const removals: Array<{ readonly parent: unknown[]; readonly index: number }> = [];
  const projected = new Set<string>();
  for (const statePath of changedPaths(desired, remote, Number.MAX_SAFE_INTEGER)) {
    const inputPath = inputPathOf(definitionPath(statePath));
    const projection = /^([A-Za-z_$][\w$]*)\[\]\.([A-Za-z_$][\w$]*)$/.exec(inputPath);
    if (projection !== null) {
      if (projected.has(inputPath)) continue;
      projected.add(inputPath);
      const listPath = statePath.replace(/\[\d+\]$/, "");
      const list = projectedList(recorded[projection[1]], projection[2], valueAt(remote, parsePath(listPath)));
      if (list === undefined) delete out[projection[1]];
      else out[projection[1]] = list;
      continue;
    }
    const segments = parsePath(inputPath);
    if (segments.length === 0) continue;
    const value = valueAt(remote, parsePath(statePath));
    const removal = assign(out, segments, value === undefined ? undefined : structuredClone(value));
    if (removal !== undefined) removals.push(removal);
  }
  // Elements the server lacks leave their lists last, highest index first, so that earlier indices stay right.
  removals.sort((a, b) => b.index - a.index).forEach(({ parent, index }) => parent.splice(index, 1));
  return out;
}

/** The declared list as the server projects it: kept elements whose `field` the server lists, then one `{ field }` per value only the server has. */
function projectedList(declared: unknown, field: string, values: unknown): unknown {
  if (!Array.isArray(values) || !values.every((v) => typeof v === "string" || typeof v === "number")) {
    return values === undefined ? undefined : structuredClone(values);
  }
  const elements = Array.isArray(declared) ? declared : [];
  const valueOf = (e: unknown) => (e !== null && typeof e === "object" ? (e as Record<string, unknown>)[field] : undefined);
  const kept = elements.filter((e) => values.includes(valueOf(e) as string | number));
  const added = values.filter((v, i) => values.indexOf(v) === i && !elements.some((e) => valueOf(e) === v)).map((v) => ({ [field]: v }));
  return structuredClone([...kept, ...added]);
}

type Segment = string | number;

const FORBIDDEN = new Set<Segment>(["__proto__", "prototype", "constructor"]);

/** The segments of an accessor path: `filters[0]["odd key"].value` is `["filters", 0, "odd key", "value"]`. */
function parsePath(path: string): Segment[] {
  const segments: Segment[] = [];
  const token = /(?:^|\.)([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;
  let at = 0;
  while (at < path.length) {
    token.lastIndex = at;
    const m = token.exec(path);
    if (m === null) return []; // not a path of ours (e.g. `(root)`): nothing to replace
    const segment = m[1] !== undefined ? m[1] : m[2] !== undefined ? Number(m[2]) : (JSON.parse(m[3]!) as string);
    if (FORBIDDEN.has(segment)) return []; // a key a server sent must never reach a prototype
    segments.push(segment);
    at = token.lastIndex;
  }
  return segments;
}

function valueAt(root: unknown, segments: ReadonlyArray<Segment>): unknown {
  let v = root;
  for (const s of segments) {
    if (v === null || typeof v !== "object") return undefined;
    v = Object.prototype.hasOwnProperty.call(v, s) ? (v as Record<string, unknown>)[s] : undefined;
  }
  return v;
}

/**
 * Puts `value` at `segments` below `root`, making the containers on the way;
 * `undefined` removes a key. An array element to remove is returned instead,
 * to be spliced out once every value is in place.
 */
function assign(root: Record<string, unknown>, segments: ReadonlyArray<Segment>, value: unknown): { parent: unknown[]; index: number } | undefined {
  let parent: Record<string | number, unknown> = root;
  for (let i = 0; i < segments.length - 1; i++) {
    const key = segments[i]!;
    let next = parent[key];
    if (next === null || typeof next !== "object") {
      if (value === undefined) return undefined; // nothing there to remove
      next = typeof segments[i + 1] === "number" ? [] : {};
      parent[key] = next;
    }
    parent = next as Record<string | number, unknown>;
  }
  const last = segments[segments.length - 1]!;
  if (value !== undefined) {
    parent[last] = value;
    return undefined;
  }
  if (Array.isArray(parent) && typeof last === "number") return last < parent.length ? { parent, index: last } : undefined;
  delete parent[last];
  return undefined;
}
