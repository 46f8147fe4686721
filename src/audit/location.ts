import { BadLocation, badLocation } from "./errors";

/**
 * AuditLocation is where an audit log lives: a local JSON Lines file, or an
 * S3 bucket and key prefix under which each entry is one object.
 */
export type AuditLocation = FileLocation | S3Location;

/** FileLocation is a JSON Lines audit log on the local file system. */
export interface FileLocation {
  readonly _tag: "File";
  readonly path: string;
}

/** S3Location is an audit log kept as one object per entry under `prefix` in `bucket` (`prefix` has no leading or trailing `/`). */
export interface S3Location {
  readonly _tag: "S3";
  readonly bucket: string;
  readonly prefix: string;
}

/** S3_SCHEME is the scheme that selects the S3 store: `s3://bucket/prefix`. */
export const S3_SCHEME = "s3://";

/** isS3Location is whether a raw location names the S3 store. */
export const isS3Location = (raw: string): boolean => raw.toLowerCase().startsWith(S3_SCHEME);

/**
 * parseAuditLocation is the store a raw location names: `s3://bucket/prefix`
 * (the prefix may be empty or nested) for S3, anything else a file path.
 */
export function parseAuditLocation(raw: string): AuditLocation | BadLocation {
  if (!isS3Location(raw)) {
    return raw === "" ? badLocation(raw, "empty path") : { _tag: "File", path: raw };
  }
  const rest = raw.slice(S3_SCHEME.length);
  const slash = rest.indexOf("/");
  const bucket = slash === -1 ? rest : rest.slice(0, slash);
  const prefix = (slash === -1 ? "" : rest.slice(slash + 1)).replace(/^\/+|\/+$/g, "");
  if (bucket === "") return badLocation(raw, "no bucket (expected s3://bucket/prefix)");
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) {
    return badLocation(raw, `'${bucket}' is not a valid bucket name (3-63 lower-case letters, digits, '.' and '-')`);
  }
  return { _tag: "S3", bucket, prefix };
}

/** formatAuditLocation is the `s3://bucket/prefix` or file path form of a location. */
export function formatAuditLocation(location: AuditLocation): string {
  if (location._tag === "File") return location.path;
  return `${S3_SCHEME}${location.bucket}${location.prefix === "" ? "" : `/${location.prefix}`}`;
}
