/** SEQUENCE_DIGITS is how many digits an entry's sequence number has in its object key, zero-padded so keys list in order. */
export const SEQUENCE_DIGITS = 12;

/** listPrefix is the key prefix every entry object of an S3 audit log starts with: `prefix/` (or nothing at the bucket root). */
export const listPrefix = (prefix: string): string => (prefix === "" ? "" : `${prefix}/`);

/** entryKey is the object key of the entry with 1-based sequence number `sequence`: `prefix/000000000042.json`. */
export const entryKey = (prefix: string, sequence: number): string =>
  `${listPrefix(prefix)}${String(sequence).padStart(SEQUENCE_DIGITS, "0")}.json`;

const ENTRY_NAME = new RegExp(`^(\\d{${SEQUENCE_DIGITS}})\\.json$`);

/** sequenceOfKey is the sequence number an entry key names, or `undefined` for any other key. */
export function sequenceOfKey(prefix: string, key: string): number | undefined {
  const start = listPrefix(prefix);
  if (!key.startsWith(start)) return undefined;
  const match = ENTRY_NAME.exec(key.slice(start.length));
  return match === null ? undefined : Number(match[1]);
}
