import { Either, left, right } from "fp-ts/Either";
import * as path from "node:path";
import { BadLocation } from "./errors";
import { FileAuditStore } from "./file-store";
import { parseAuditLocation } from "./location";
import { S3StoreOptions, s3EndpointOf } from "./s3-client";
import { S3AuditStore } from "./s3-store";
import { AuditStore } from "./store";

/** AuditStoreOptions says how to reach a store; only the S3 store has settings (see {@link S3StoreOptions}). */
export type AuditStoreOptions = S3StoreOptions;

/** One store per location and endpoint in this process: the single writer that queues its appends. */
const open = new Map<string, AuditStore>();

/**
 * openAuditStore is the store for `location` (a file path, or
 * `s3://bucket/prefix`), shared by every caller in this process that names
 * the same location (and, for S3, the same endpoint), so that its appends go
 * through one queue. A relative file path is taken relative to the working
 * folder: resolve it first with `resolveAuditLocation`.
 */
export function openAuditStore(
  location: string,
  options: AuditStoreOptions = {},
): Either<BadLocation, AuditStore> {
  const parsed = parseAuditLocation(location);
  if (parsed._tag === "BadLocation") return left(parsed);
  const key =
    parsed._tag === "File"
      ? `file:${path.resolve(parsed.path)}`
      : `s3:${parsed.bucket}/${parsed.prefix}@${s3EndpointOf(options) ?? ""}`;
  let store = open.get(key);
  if (store === undefined) {
    store = parsed._tag === "File" ? new FileAuditStore(parsed.path) : new S3AuditStore(parsed, options);
    open.set(key, store);
  }
  return right(store);
}
