import { createHash } from "node:crypto";
import { canonicalJson } from "../definition";

/** A stored document: its body, its version (1, 2, ...) and its strong ETag. */
export interface StoredDocument {
  readonly id: string;
  readonly version: number;
  readonly etag: string;
  readonly body: unknown;
}

/**
 * The preconditions of a conditional write (RFC 9110 section 13.1):
 * `ifMatch` lists acceptable ETags or is `*`; `ifNoneMatch: "*"` means create only.
 */
export interface Preconditions {
  readonly ifMatch?: ReadonlyArray<string> | "*";
  readonly ifNoneMatch?: "*";
}

/** The result of a conditional write: done, or refused with what the store holds. */
export type WriteResult =
  | { readonly _tag: "Written"; readonly created: boolean; readonly document: StoredDocument }
  | { readonly _tag: "PreconditionFailed"; readonly current?: StoredDocument };

/** The strong ETag of a version and body: `"<version>-<hash prefix>"`. */
export function etagOf(version: number, body: unknown): string {
  const hash = createHash("sha256").update(canonicalJson(body)).digest("hex").slice(0, 12);
  return `"${version}-${hash}"`;
}

/** Parses an `If-Match` / `If-None-Match` header into ETags, or `*`. */
export function parseEtagList(header: string | undefined): ReadonlyArray<string> | "*" | undefined {
  if (header === undefined || header.trim() === "") return undefined;
  if (header.trim() === "*") return "*";
  return header.split(",").map((s) => s.trim()).filter((s) => s !== "");
}

/**
 * A keyed set of versioned documents with compare-and-set writes. Every check
 * and change happens synchronously, so that concurrent requests on the one
 * event loop cannot interleave between the check and the write: of parallel
 * writers holding the same ETag exactly one succeeds.
 */
export class VersionedCollection {
  private docs = new Map<string, StoredDocument>();

  /** The document with `id`. */
  get(id: string): StoredDocument | undefined {
    return this.docs.get(id);
  }

  /** Every document, by id. */
  list(): ReadonlyArray<StoredDocument> {
    return [...this.docs.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /** Writes `body` under `id` if the preconditions hold. Weak ETags never match (strong comparison). */
  write(id: string, body: unknown, pre: Preconditions = {}): WriteResult {
    const current = this.docs.get(id);
    if (pre.ifNoneMatch === "*" && current !== undefined) return { _tag: "PreconditionFailed", current };
    if (pre.ifMatch !== undefined) {
      if (current === undefined) return { _tag: "PreconditionFailed" };
      if (pre.ifMatch !== "*" && !pre.ifMatch.includes(current.etag)) return { _tag: "PreconditionFailed", current };
    }
    const version = (current?.version ?? 0) + 1;
    const document: StoredDocument = { id, version, etag: etagOf(version, body), body };
    this.docs.set(id, document);
    return { _tag: "Written", created: current === undefined, document };
  }

  /** Removes `id` if the `ifMatch` precondition holds; or why not. */
  remove(id: string, ifMatch?: ReadonlyArray<string> | "*"): "removed" | "absent" | "precondition-failed" {
    const current = this.docs.get(id);
    if (current === undefined) return "absent";
    if (ifMatch !== undefined && ifMatch !== "*" && !ifMatch.includes(current.etag)) return "precondition-failed";
    this.docs.delete(id);
    return "removed";
  }

  /** Empties the collection. */
  clear(): void {
    this.docs.clear();
  }

  /**
   * The persisted form: documents by id with version and body. Ids are own
   * data properties (`Object.fromEntries`), so an id such as `__proto__`
   * (the admin API stores any) is written like any other.
   */
  snapshot(): Record<string, { version: number; body: unknown }> {
    return Object.fromEntries([...this.docs.values()].map((d) => [d.id, { version: d.version, body: d.body }]));
  }

  /** Restores a persisted form (ETags are recomputed). */
  restore(snapshot: unknown): void {
    this.docs.clear();
    if (snapshot === null || typeof snapshot !== "object") return;
    for (const [id, entry] of Object.entries(snapshot as Record<string, unknown>)) {
      if (entry === null || typeof entry !== "object") continue;
      const { version, body } = entry as { version?: unknown; body?: unknown };
      if (typeof version !== "number") continue;
      this.docs.set(id, { id, version, etag: etagOf(version, body), body });
    }
  }
}
