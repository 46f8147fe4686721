import type { S3Client } from "@aws-sdk/client-s3";
import { describeAuditError, storeFailure } from "./errors";
import { S3Location, formatAuditLocation } from "./location";
import { s3Sdk } from "./s3-client";
import { entryKey, listPrefix, sequenceOfKey } from "./s3-keys";
import { VerifyOptions, VerifyResult, broken, checkLine, concludeChain, initialChainState, unreadable } from "./verify-lines";

/** How many entry objects are fetched at once while verifying. */
const FETCH_CONCURRENCY = 16;

/** Keys per listing page (the S3 maximum). */
const PAGE_SIZE = 1000;

/** Maps `items` through `fn` with at most `limit` calls in flight, keeping order. */
async function mapLimit<A, B>(items: ReadonlyArray<A>, limit: number, fn: (a: A) => Promise<B>): Promise<B[]> {
  const out: B[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/**
 * verifyS3Log is the verdict on the S3 audit log at `where`: the entry
 * objects are listed page by page (1,000 keys each) and read in key order,
 * several at a time, and each must be the next sequence number and a sound
 * entry chained to the one before. A missing number (a deleted object), a
 * key that is not an entry, an edited or reordered entry breaks the log at
 * that position. Never rejects; `counters.requests` counts what was sent.
 */
export async function verifyS3Log(
  client: S3Client,
  where: S3Location,
  options: VerifyOptions,
  counters: { requests: number } = { requests: 0 },
): Promise<VerifyResult> {
  const { ListObjectsV2Command, GetObjectCommand } = s3Sdk();
  const location = formatAuditLocation(where);
  const cannot = (operation: string, e: unknown) =>
    unreadable(`cannot read ${describeAuditError(storeFailure(location, operation, e))}`);
  let state = initialChainState(options);
  let token: string | undefined;
  do {
    let page;
    try {
      counters.requests++;
      page = await client.send(
        new ListObjectsV2Command({ Bucket: where.bucket, Prefix: listPrefix(where.prefix), ContinuationToken: token, MaxKeys: PAGE_SIZE }),
      );
    } catch (e) {
      return cannot("list", e);
    }
    // A zero-byte `prefix/` object is the folder marker some consoles create, not an entry.
    const keys = (page.Contents ?? [])
      .filter((c) => !(where.prefix !== "" && c.Key === listPrefix(where.prefix) && (c.Size ?? 0) === 0))
      .map((c) => c.Key ?? "");
    // Judge the names first: only the objects up to the first bad name are read.
    let readable = keys.length;
    let nameProblem: { key: string; reason: string } | undefined;
    for (let i = 0; i < keys.length; i++) {
      const expected = state.lines + 1 + i;
      const sequence = sequenceOfKey(where.prefix, keys[i]);
      if (sequence === expected) continue;
      readable = i;
      nameProblem =
        sequence === undefined
          ? { key: keys[i], reason: `unexpected object ${keys[i]} among the entries` }
          : { key: entryKey(where.prefix, expected), reason: `missing: object ${entryKey(where.prefix, expected)} was removed (the next is ${keys[i]})` };
      break;
    }
    let bodies: Buffer[];
    try {
      bodies = await mapLimit(keys.slice(0, readable), FETCH_CONCURRENCY, async (key) => {
        counters.requests++;
        const got = await client.send(new GetObjectCommand({ Bucket: where.bucket, Key: key }));
        return Buffer.from((await got.Body?.transformToByteArray()) ?? new Uint8Array());
      });
    } catch (e) {
      return cannot("get", e);
    }
    for (let i = 0; i < bodies.length; i++) {
      const raw = bodies[i];
      const body = raw.toString("utf8");
      const terminated = body.endsWith("\n");
      const text = terminated ? body.slice(0, -1) : body;
      const line = state.lines + 1;
      if (text.includes("\n")) return broken(line, "malformed: more than one line in one entry object", keys[i]);
      // An object is written whole: an unterminated one is torn, and its bytes are the whole body.
      const verdict = checkLine(state, text, terminated, terminated ? undefined : raw);
      if (!verdict.ok) return broken(verdict.line, verdict.reason, entryKey(where.prefix, verdict.line));
      state = verdict.state;
    }
    if (nameProblem !== undefined) {
      if (state.suspect !== undefined) return broken(state.suspect.line, state.suspect.reason, entryKey(where.prefix, state.suspect.line));
      return broken(state.lines + 1, nameProblem.reason, nameProblem.key);
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token !== undefined);
  const verdict = concludeChain(state);
  return verdict._tag === "Broken" ? broken(verdict.line, verdict.reason, entryKey(where.prefix, verdict.line)) : verdict;
}
