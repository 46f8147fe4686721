/**
 * The two audit stores behind one test interface, so that the same
 * behaviour tests run against the JSON Lines file and against S3 (moto).
 */
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { DeleteObjectsCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand } from "@aws-sdk/client-s3";
import type { AppendOptions } from "../../../src/audit/append";
import { entryKey } from "../../../src/audit/s3-keys";
import { parseAuditLocation } from "../../../src/audit/location";
import { MotoServer, motoOrSkip, startMoto } from "./moto";

/** One store kind under test. */
export interface StoreHarness {
  readonly name: "file" | "s3";
  /** Starts what the store needs (a temp folder; moto and a bucket). */
  setup(): Promise<void>;
  teardown(): Promise<void>;
  /** What every append and verify against this store passes (the S3 endpoint). */
  options(): AppendOptions;
  /** A fresh, empty log location; `label` may contain `/`. */
  fresh(label: string): string;
  /** The log as JSON Lines text (S3: the entry objects concatenated in key order). */
  read(location: string): Promise<string>;
  /** Replaces the log with `text` (S3: one object per line; a last line without newline stays without). */
  write(location: string, text: string): Promise<void>;
  /** Where a store names the last entry of `text` in errors (the file; the S3 object URL). */
  tailName(location: string, text: string): string;
  /** The key a broken S3 verdict names for 1-based entry `n`; undefined for files. */
  keyOf(location: string, n: number): string | undefined;
  /** The log as its pieces: each line with its newline (file) or each entry object's body (S3), in order. */
  pieces(location: string): Promise<string[]>;
  /** Replaces the log with these pieces: concatenated (file), one object each (S3). */
  writePieces(location: string, pieces: ReadonlyArray<string>): Promise<void>;
  /** S3 only: writes one object under the log's prefix (`name` relative to it), as a person with bucket access could. */
  putObject(location: string, name: string, body: string): Promise<void>;
}

let counter = 0;
const unique = (label: string) => `${label}-${process.pid}-${++counter}`;

/** fileHarness is the JSON Lines file store in a temp folder. */
export function fileHarness(): StoreHarness {
  let dir = "";
  return {
    name: "file",
    async setup() {
      dir = await fs.mkdtemp(path.join(os.tmpdir(), "audit-store-"));
    },
    async teardown() {
      await fs.rm(dir, { recursive: true, force: true });
    },
    options: () => ({}),
    fresh: (label) => path.join(dir, unique(label), "audit.jsonl"),
    read: (location) => fs.readFile(location, "utf8"),
    async write(location, text) {
      await fs.mkdir(path.dirname(location), { recursive: true });
      await fs.writeFile(location, text);
    },
    tailName: (location) => location,
    keyOf: () => undefined,
    pieces: async (location) => piecesOf(await fs.readFile(location, "utf8")),
    writePieces: (location, pieces) => fs.writeFile(location, pieces.join("")),
    putObject: () => Promise.reject(new Error("a file store has no objects")),
  };
}

const piecesOf = (text: string): string[] => {
  const lines = text.split("\n");
  const last = lines.pop() as string;
  return [...lines.map((l) => `${l}\n`), ...(last === "" ? [] : [last])];
};

/** s3Harness is the S3 store against a moto server started for the test file, one bucket per file. */
export function s3Harness(command: string): StoreHarness {
  let moto: MotoServer;
  let bucket = "";
  const where = (location: string) => {
    const parsed = parseAuditLocation(location);
    if (parsed._tag !== "S3") throw new Error(`not an S3 location: ${location}`);
    return parsed;
  };
  const keysOf = async (location: string): Promise<string[]> => {
    const { prefix } = where(location);
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await moto.client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: `${prefix}/`, ContinuationToken: token }));
      keys.push(...(page.Contents ?? []).map((c) => c.Key as string));
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token !== undefined);
    return keys;
  };
  return {
    name: "s3",
    async setup() {
      moto = await startMoto(command);
      bucket = await moto.bucket(unique("audit").toLowerCase());
    },
    async teardown() {
      await moto?.stop();
    },
    options: () => ({ s3Endpoint: moto.url }),
    fresh: (label) => `s3://${bucket}/${unique(label)}`,
    async read(location) {
      const bodies = [];
      for (const key of await keysOf(location)) {
        const got = await moto.client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        bodies.push(await got.Body!.transformToString("utf8"));
      }
      return bodies.join("");
    },
    async pieces(location) {
      const bodies = [];
      for (const key of await keysOf(location)) {
        const got = await moto.client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        bodies.push(await got.Body!.transformToString("utf8"));
      }
      return bodies;
    },
    async write(location, text) {
      await this.writePieces(location, piecesOf(text));
    },
    async writePieces(location, pieces) {
      const keys = await keysOf(location);
      if (keys.length > 0) await moto.client.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: keys.map((Key) => ({ Key })) } }));
      let next = 0;
      const worker = async () => {
        for (let i = next++; i < pieces.length; i = next++) {
          await moto.client.send(new PutObjectCommand({ Bucket: bucket, Key: entryKey(where(location).prefix, i + 1), Body: pieces[i] }));
        }
      };
      await Promise.all(Array.from({ length: 8 }, worker));
    },
    tailName: (location, text) => `s3://${bucket}/${entryKey(where(location).prefix, piecesOf(text).length)}`,
    keyOf: (location, n) => entryKey(where(location).prefix, n),
    async putObject(location, name, body) {
      await moto.client.send(new PutObjectCommand({ Bucket: bucket, Key: `${where(location).prefix}/${name}`, Body: Buffer.from(body), ContentLength: Buffer.byteLength(body) }));
    },
  };
}

/**
 * storeHarnesses is every store this machine can test: the file store always,
 * the S3 store when moto is installed (always under CI=true; see motoOrSkip).
 */
export function storeHarnesses(): StoreHarness[] {
  const moto = motoOrSkip();
  return [fileHarness(), ...(moto === undefined ? [] : [s3Harness(moto)])];
}
