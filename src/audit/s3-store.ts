import type { S3Client } from "@aws-sdk/client-s3";
import { Either, isLeft, left, right } from "fp-ts/Either";
import { randomUUID } from "node:crypto";
import { GENESIS_HASH, entryLine, sealEntry } from "./chain";
import { TornWrite, isJson, recoveryRecord, tornWrite } from "./recovery";
import { AuditEntry, AuditRecord } from "../definition/vocabulary/audit-entry";
import { judgeLastEntry } from "./last-entry";
import { AuditError, contention, damagedLog, storeFailure } from "./errors";
import { S3Location, formatAuditLocation } from "./location";
import { S3StoreOptions, makeS3Client, s3Sdk } from "./s3-client";
import { entryKey, listPrefix, sequenceOfKey } from "./s3-keys";
import { verifyS3Log } from "./s3-verify";
import { AppendResult, AuditStore, StoreAppendOptions } from "./store";
import { VerifyOptions, VerifyResult } from "./verify-lines";

/** Tail is the last entry of the chain as this process last saw it. */
interface Tail {
  readonly sequence: number;
  readonly hash: string;
  /** The object's ETag as written or read; a different one later means it was replaced. */
  readonly etag?: string;
  /**
   * Set when the object at `sequence` is a torn write (its body does not end
   * in a newline): `hash` is then that of the entry before it, and the next
   * object written must be the recovery naming these bytes.
   */
  readonly torn?: TornWrite;
}

/** S3StoreCounters are what an S3 store did so far in this process, for figures and tests. */
export interface S3StoreCounters {
  /** Entries written. */
  appended: number;
  /** Conditional puts that lost to another writer (412) or met a concurrent one (409), each followed by a re-chain and retry. */
  conflicts: number;
  /** Requests sent (list, get, put). */
  requests: number;
  /** Recovery entries written after torn objects. */
  recoveries: number;
}

const DEFAULT_CONTENTION_TIMEOUT_MS = 30_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const statusOf = (e: unknown): number | undefined => (e as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;

type Step<A> = Either<AuditError, A>;

/**
 * S3AuditStore is an audit log kept in S3 (or an S3-compatible server) as
 * one object per entry, `<prefix>/<12-digit sequence>.json`, each holding the
 * entry's JSON line: concatenated in key order the objects are the same JSON
 * Lines log a file store writes.
 *
 * An append is a conditional put (`If-None-Match: *`) of the next sequence
 * number, chained to the hash of the entry before it. When another writer
 * took that number first (412 Precondition Failed), the store reads the
 * winner, re-chains after it and tries the next number, so writers on any
 * number of machines share one chain without a lock server. Appends from one
 * process are queued and written one after the other.
 */
export class S3AuditStore implements AuditStore {
  readonly location: string;
  readonly counters: S3StoreCounters = { appended: 0, conflicts: 0, requests: 0, recoveries: 0 };
  private client: S3Client | undefined;
  private tail: Tail | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly where: S3Location,
    private readonly options: S3StoreOptions = {},
  ) {
    this.location = formatAuditLocation(where);
  }

  append(record: AuditRecord, options: StoreAppendOptions = {}): Promise<AppendResult> {
    const run = this.queue.then(() =>
      this.appendNow(record, options).catch((e: unknown): AppendResult => {
        this.tail = undefined;
        return left(storeFailure(this.location, "append", e));
      }),
    );
    this.queue = run.catch(() => undefined);
    return run;
  }

  verify(options: VerifyOptions = {}): Promise<VerifyResult> {
    return verifyS3Log(this.s3(), this.where, options, this.counters);
  }

  private s3(): S3Client {
    this.client ??= makeS3Client(this.options);
    return this.client;
  }

  private async appendNow(record: AuditRecord, options: StoreAppendOptions): Promise<AppendResult> {
    const started = Date.now();
    const budget = options.contentionTimeoutMs ?? DEFAULT_CONTENTION_TIMEOUT_MS;
    const { PutObjectCommand } = s3Sdk();
    // A tail found while handling a conflict is fresh: no need to check it again.
    let fresh: Tail | undefined;
    for (let attempt = 1; ; attempt++) {
      const current: Step<Tail> =
        fresh !== undefined ? right(fresh) : this.tail === undefined ? await this.findTail(0) : await this.recheckTail(this.tail);
      fresh = undefined;
      if (isLeft(current)) {
        this.tail = undefined;
        return current;
      }
      this.tail = current.right;
      const sequence = this.tail.sequence + 1;
      // After a torn object the next one is its recovery; the record follows it.
      const torn = this.tail.torn;
      const entry = sealEntry(torn === undefined ? record : recoveryRecord(torn, randomUUID(), new Date().toISOString()), this.tail.hash);
      const key = entryKey(this.where.prefix, sequence);
      try {
        this.counters.requests++;
        const put = await this.s3().send(
          new PutObjectCommand({
            Bucket: this.where.bucket,
            Key: key,
            Body: entryLine(entry),
            ContentType: "application/json",
            IfNoneMatch: "*",
          }),
        );
        this.tail = { sequence, hash: entry.hash, ...(put.ETag === undefined ? {} : { etag: put.ETag }) };
        this.counters.appended++;
        if (torn !== undefined) {
          this.counters.recoveries++;
          fresh = this.tail;
          continue;
        }
        return right(entry);
      } catch (e) {
        const status = statusOf(e);
        // 412: another writer holds this sequence number. 409: a concurrent
        // conditional write to the same key is in flight (AWS asks for a retry).
        if (status !== 412 && status !== 409) {
          this.tail = undefined;
          return left(storeFailure(this.location, `put ${key}`, e));
        }
        this.counters.conflicts++;
        let found: Step<Tail>;
        if (status === 412) {
          const winner = await this.readEntry(sequence);
          if (isLeft(winner)) {
            this.tail = undefined;
            return winner;
          }
          const won: Tail | undefined =
            "torn" in winner.right ? undefined : { sequence, hash: winner.right.entry.hash, ...(winner.right.etag === undefined ? {} : { etag: winner.right.etag }) };
          // Our own put, retried by the client after its answer was lost: it is written.
          if (won !== undefined && won.hash === entry.hash) {
            this.tail = won;
            this.counters.appended++;
            if (torn !== undefined) {
              this.counters.recoveries++;
              fresh = won;
              continue;
            }
            return right(entry);
          }
          found = await this.findTail(sequence, won);
        } else {
          await sleep(Math.random() * Math.min(100, 5 * attempt));
          found = await this.findTail(this.tail.sequence, this.tail);
        }
        if (isLeft(found)) {
          this.tail = undefined;
          return found;
        }
        fresh = found.right;
        const waited = Date.now() - started;
        if (waited >= budget) return left(contention(this.location, attempt, waited));
        if (attempt > 3) await sleep(Math.random() * Math.min(100, 5 * attempt));
      }
    }
  }

  /**
   * The tail to chain to when this process already knows one: one listing
   * of the known last object and the one after it. An unchanged last object
   * with nothing after it is kept; a replaced one is read and checked again
   * (so an edited tail is refused, as the file store does); newer entries
   * from other writers are found and read.
   */
  private async recheckTail(known: Tail): Promise<Step<Tail>> {
    if (known.sequence === 0 || known.etag === undefined) return this.findTail(known.sequence);
    const listed = await this.listAfter(known.sequence - 1, 2);
    if (isLeft(listed)) return listed;
    const [last, after] = listed.right;
    if (last?.Key !== entryKey(this.where.prefix, known.sequence) || last.ETag !== known.etag) return this.findTail(0);
    const next = after?.Key === undefined ? undefined : sequenceOfKey(this.where.prefix, after.Key);
    return next === undefined ? right(known) : this.findTail(next);
  }

  /**
   * The first entry sequence number after `after`, or `undefined` when no
   * entry object follows it (one listing of at most one key).
   */
  private async nextAfter(after: number): Promise<Step<number | undefined>> {
    const listed = await this.listAfter(after, 1);
    if (isLeft(listed)) return listed;
    const key = listed.right[0]?.Key;
    const sequence = key === undefined ? undefined : sequenceOfKey(this.where.prefix, key);
    return right(sequence !== undefined && sequence > after ? sequence : undefined);
  }

  /** At most `maxKeys` objects of the prefix whose keys follow entry `after` (one listing request). */
  private async listAfter(after: number, maxKeys: number): Promise<Step<ReadonlyArray<{ Key?: string; ETag?: string }>>> {
    const { ListObjectsV2Command } = s3Sdk();
    try {
      this.counters.requests++;
      const page = await this.s3().send(
        new ListObjectsV2Command({
          Bucket: this.where.bucket,
          Prefix: listPrefix(this.where.prefix),
          StartAfter: entryKey(this.where.prefix, after),
          MaxKeys: maxKeys,
        }),
      );
      return right(page.Contents ?? []);
    } catch (e) {
      return left(storeFailure(this.location, "list", e));
    }
  }

  /**
   * The last entry at or after `known` (a sequence number known to exist, or
   * 0) and its hash: the highest sequence number is found by galloping then
   * bisecting over one-key listings (about 2 log2 N requests from 0, one when
   * `known` is already the last), and that entry is read and checked, so a
   * damaged tail is refused rather than extended. `knownTail`, the entry at
   * `known` already read, saves reading it again when it is still the last.
   */
  private async findTail(known: number, knownTail?: Tail): Promise<Step<Tail>> {
    let low = known;
    let high: number | undefined;
    for (let step = 1; high === undefined; step *= 2) {
      const probe = low + step;
      const next = await this.nextAfter(probe - 1);
      if (isLeft(next)) return next;
      if (next.right === undefined) high = probe;
      else low = next.right;
    }
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      const next = await this.nextAfter(middle - 1);
      if (isLeft(next)) return next;
      if (next.right === undefined || next.right >= high) high = middle;
      else low = next.right;
    }
    if (low === 0) return right({ sequence: 0, hash: GENESIS_HASH });
    if (knownTail !== undefined && knownTail.sequence === low) return right(knownTail);
    const read = await this.readEntry(low);
    if (isLeft(read)) return read;
    if ("torn" in read.right) {
      const { torn } = read.right;
      // Chain the recovery from the last complete entry, which must itself be sound.
      if (low === 1) return right({ sequence: low, hash: GENESIS_HASH, torn });
      const before = await this.readEntry(low - 1);
      if (isLeft(before)) return before;
      if ("torn" in before.right) return left(damagedLog(`s3://${this.where.bucket}/${entryKey(this.where.prefix, low - 1)}`, "two torn entries in a row"));
      return right({ sequence: low, hash: before.right.entry.hash, torn });
    }
    const { entry, etag } = read.right;
    return right({ sequence: low, hash: entry.hash, ...(etag === undefined ? {} : { etag }) });
  }

  /**
   * Reads and checks the entry object with sequence number `sequence`: a
   * sound entry, or a torn write (a body without its final newline that is
   * not valid JSON, as an interrupted upload of an entry would leave).
   */
  private async readEntry(sequence: number): Promise<Step<{ entry: AuditEntry; etag?: string } | { torn: TornWrite }>> {
    const { GetObjectCommand } = s3Sdk();
    const key = entryKey(this.where.prefix, sequence);
    const where = `s3://${this.where.bucket}/${key}`;
    let raw: Uint8Array;
    let etag: string | undefined;
    try {
      this.counters.requests++;
      const got = await this.s3().send(new GetObjectCommand({ Bucket: this.where.bucket, Key: key }));
      raw = (await got.Body?.transformToByteArray()) ?? new Uint8Array();
      etag = got.ETag;
    } catch (e) {
      return left(storeFailure(this.location, `get ${key}`, e));
    }
    const body = Buffer.from(raw).toString("utf8");
    const terminated = body.endsWith("\n");
    const text = terminated ? body.slice(0, -1) : body;
    if (!terminated && raw.length > 0 && !text.includes("\n") && !isJson(text)) return right({ torn: tornWrite(raw, key) });
    // Unterminated JSON was put there whole, not torn: name what is wrong with it.
    const judged = text.includes("\n")
      ? { ok: false as const, reason: "the last entry holds more than one line" }
      : terminated
        ? judgeLastEntry(text, true)
        : ((j) => (j.ok ? judgeLastEntry(text, false) : j))(judgeLastEntry(text, true));
    if (!judged.ok) return left(damagedLog(where, judged.reason));
    return right({ entry: judged.entry, ...(etag === undefined ? {} : { etag }) });
  }
}
