import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { GENESIS_HASH, entryHash, entryLine, sealEntry } from "../../src/audit/chain";
import { appendAuditEntry } from "../../src/audit/append";
import { verifyAuditLog } from "../../src/audit/verify";
import { verifyAuditText } from "../../src/audit/verify-lines";
import { storeHarnesses } from "./support/harness";

let dir: string;
let lines: string[];
let foreign: string;

const input = (i: number) => ({
  action: "update" as const,
  sourceId: "src-1",
  payloadHash: "cd".repeat(32),
  result: "success" as const,
  details: { index: i },
});

async function writeLog(name: string, count: number): Promise<string[]> {
  const logPath = path.join(dir, name);
  for (let i = 0; i < count; i++) await appendAuditEntry(logPath, input(i));
  return (await fs.readFile(logPath, "utf8")).split("\n").slice(0, -1);
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "audit-verify-"));
  lines = await writeLog("good.jsonl", 5);
  [, , foreign] = await writeLog("other.jsonl", 3);
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const join = (ls: string[]) => ls.map((l) => `${l}\n`).join("");

function editedAndRehashed(line: string): string {
  const entry = JSON.parse(line);
  entry.result = "failure";
  entry.hash = entryHash(entry);
  return JSON.stringify(entry);
}

const broken = (line: number, reason: string) => ({ _tag: "Broken", ok: false, line, reason });
const notFollowing = (n: number) => `prevHash mismatch: does not follow line ${n} (a line was removed, reordered or inserted)`;

const hashOf = (line: string) => JSON.parse(line).hash as string;

const cases: Array<[string, () => string, () => object]> = [
  ["an intact log", () => join(lines), () => ({ _tag: "Intact", ok: true, entries: 5, lastHash: hashOf(lines[4]), inDoubt: [] })],
  ["an empty log", () => "", () => ({ _tag: "Intact", ok: true, entries: 0, lastHash: GENESIS_HASH, inDoubt: [] })],
  ["an edited field", () => join(lines.map((l, i) => (i === 2 ? l.replace('"index":2', '"index":7') : l))), () => broken(3, "hash mismatch: the entry was edited")],
  ["an added field", () => join(lines.map((l, i) => (i === 1 ? l.replace("{", '{"note":"x",') : l))), () => broken(2, "hash mismatch: the entry was edited")],
  ["an edit with a recomputed hash", () => join(lines.map((l, i) => (i === 2 ? editedAndRehashed(l) : l))), () => broken(4, notFollowing(3))],
  ["a removed line", () => join(lines.filter((_, i) => i !== 2)), () => broken(3, notFollowing(2))],
  [
    "a removed first line",
    () => join(lines.slice(1)),
    () => broken(1, "prevHash mismatch: the first entry does not start the chain (lines removed or inserted before it)"),
  ],
  ["swapped lines", () => join([lines[0], lines[2], lines[1], lines[3], lines[4]]), () => broken(2, notFollowing(1))],
  ["a truncated last line", () => join(lines).slice(0, -30), () => broken(5, "truncated: no terminating newline (an interrupted append; the next append records its recovery)")],
  ["a last line without its newline", () => join(lines).slice(0, -1), () => broken(5, "truncated: no terminating newline (an interrupted append; the next append records its recovery)")],
  ["an inserted foreign entry", () => join([...lines.slice(0, 3), foreign, ...lines.slice(3)]), () => broken(4, notFollowing(3))],
  ["an inserted line that is not JSON", () => join([lines[0], "hello", ...lines.slice(1)]), () => broken(2, "malformed: not valid JSON")],
  [
    "an inserted JSON line that is not an entry",
    () => join([lines[0], '{"action":"create"}', ...lines.slice(1)]),
    () => broken(2, "malformed: not an audit entry (missing or mistyped fields)"),
  ],
  ["an empty line", () => join([lines[0], "", ...lines.slice(1)]), () => broken(2, "malformed: empty line")],
];

describe("verifyAuditText", () => {
  it.each(cases)("judges %s", (_name, content, expected) => {
    expect(verifyAuditText(content())).toEqual(expected());
  });
});

describe("verifyAuditLog on a file", () => {
  it("follows lines across read chunks", async () => {
    const logPath = path.join(dir, "long.jsonl");
    for (let i = 0; i < 4; i++) await appendAuditEntry(logPath, { ...input(i), details: { blob: "é".repeat(30_000 + i) } });
    expect(await verifyAuditLog(logPath)).toMatchObject({ _tag: "Intact", ok: true, entries: 4 });
  });

  it("reports a missing file as unreadable", async () => {
    const logPath = path.join(dir, "missing.jsonl");
    expect(await verifyAuditLog(logPath)).toEqual({ _tag: "Unreadable", ok: false, reason: `cannot read audit log ${logPath}: no such file` });
  });
});

describe.each(storeHarnesses())("verifyAuditLog ($name store)", (store) => {
  beforeAll(() => store.setup(), 60_000);
  afterAll(() => store.teardown(), 30_000);
  const opts = () => store.options();

  it.each(cases)("judges %s as the pure verifier does", async (_name, content, expected) => {
    const location = store.fresh("case");
    await store.write(location, content());
    const verdict = expected() as { _tag: string; line?: number };
    const key = verdict._tag === "Broken" ? store.keyOf(location, verdict.line!) : undefined;
    expect(await verifyAuditLog(location, opts())).toEqual(key === undefined ? verdict : { ...verdict, key });
  });

  it("lists intents without an outcome as in doubt, in log order, and still calls the log intact", async () => {
    const location = store.fresh("in-doubt");
    const intent = (sourceId: string) =>
      appendAuditEntry(location, { action: "create", sourceId, payloadHash: "a".repeat(64), result: "intent", details: { owner: `n-${sourceId}` } }, opts());
    const a = await intent("src-a");
    const b = await intent("src-b");
    await appendAuditEntry(location, { action: "create", sourceId: "src-a", payloadHash: "a".repeat(64), result: "success", intentId: a.auditId }, opts());
    const c = await intent("src-c");
    const last = await appendAuditEntry(location, { action: "webhook", sourceId: "src-a", payloadHash: "", result: "failure" }, opts());
    const doubt = (e: typeof a, line: number) => ({
      line,
      auditId: e.auditId,
      timestamp: e.timestamp,
      action: "create",
      sourceId: e.sourceId,
      payloadHash: "a".repeat(64),
    });
    expect(await verifyAuditLog(location, opts())).toEqual({
      _tag: "Intact",
      ok: true,
      entries: 5,
      lastHash: last.hash,
      inDoubt: [doubt(b, 2), doubt(c, 4)],
    });
  });

  it("finds an anchored head, and reports it missing once entries from it on are removed", async () => {
    const location = store.fresh("head");
    const written = [];
    for (let i = 0; i < 4; i++) written.push(await appendAuditEntry(location, input(i), opts()));
    const head = written[2].hash;
    expect(await verifyAuditLog(location, { ...opts(), head })).toEqual({
      _tag: "Intact",
      ok: true,
      entries: 4,
      lastHash: written[3].hash,
      inDoubt: [],
      head: { hash: head, line: 3 },
    });
    const text = await store.read(location);
    await store.write(location, join(text.split("\n").slice(0, 2)));
    expect(await verifyAuditLog(location, { ...opts(), head: head.toUpperCase() })).toEqual({
      _tag: "HeadMissing",
      ok: false,
      head,
      entries: 2,
      lastHash: written[1].hash,
      inDoubt: [],
    });
  });
});

describe.each(storeHarnesses().filter((h) => h.name === "s3"))("verifyAuditLog on tampered S3 objects", (store) => {
  beforeAll(() => store.setup(), 60_000);
  afterAll(() => store.teardown(), 30_000);
  const opts = () => store.options();

  async function logOf(count: number): Promise<string> {
    const location = store.fresh("tamper");
    for (let i = 0; i < count; i++) await appendAuditEntry(location, input(i), opts());
    return location;
  }
  const objectsOf = async (location: string) => (await store.read(location)).split("\n").slice(0, -1);

  it("names a deleted object as missing", async () => {
    const location = await logOf(4);
    const objects = await objectsOf(location);
    // Rewrite objects 1, 2 and 4 only: number 3 is gone.
    await store.write(location, join(objects.slice(0, 2)));
    await store.putObject(location, "000000000004.json", `${objects[3]}\n`);
    expect(await verifyAuditLog(location, opts())).toEqual({
      _tag: "Broken",
      ok: false,
      line: 3,
      key: store.keyOf(location, 3),
      reason: `missing: object ${store.keyOf(location, 3)} was removed (the next is ${store.keyOf(location, 4)})`,
    });
  });

  it("detects reordered objects and an edited one", async () => {
    const location = await logOf(4);
    const objects = await objectsOf(location);
    await store.write(location, join([objects[0], objects[2], objects[1], objects[3]]));
    expect(await verifyAuditLog(location, opts())).toEqual({ ...broken(2, notFollowing(1)), key: store.keyOf(location, 2) });
    await store.write(location, join(objects.map((o, i) => (i === 3 ? o.replace('"index":3', '"index":9') : o))));
    expect(await verifyAuditLog(location, opts())).toEqual({ ...broken(4, "hash mismatch: the entry was edited"), key: store.keyOf(location, 4) });
  });

  it("refuses an object that is not an entry among the entries", async () => {
    const location = await logOf(2);
    await store.putObject(location, "000000000002.json.bak", "x");
    const stray = `${location.split("/").slice(3).join("/")}/000000000002.json.bak`;
    expect(await verifyAuditLog(location, opts())).toEqual({
      ...broken(3, `unexpected object ${stray} among the entries`),
      key: stray,
    });
  });

  it("ignores the zero-byte folder marker a console creates for the prefix", async () => {
    const location = await logOf(2);
    await store.putObject(location, "", "");
    expect(await verifyAuditLog(location, opts())).toMatchObject({ _tag: "Intact", entries: 2 });
  });

  it("walks a chain longer than one listing page (1,000 keys)", async () => {
    const location = store.fresh("paged");
    let prev = GENESIS_HASH;
    let text = "";
    for (let i = 0; i < 1003; i++) {
      const entry = sealEntry({ ...input(i), auditId: `paged-${i}`, timestamp: "2024-05-01T10:00:00.000Z" }, prev);
      prev = entry.hash;
      text += entryLine(entry);
    }
    await store.write(location, text);
    expect(await verifyAuditLog(location, opts())).toEqual({ _tag: "Intact", ok: true, entries: 1003, lastHash: prev, inDoubt: [] });
    const next = await appendAuditEntry(location, input(1003), opts());
    expect(next.prevHash).toBe(prev);
  }, 120_000);

  it("reports a bucket that does not exist as unreadable", async () => {
    expect(await verifyAuditLog("s3://no-such-audit-bucket/x", opts())).toEqual({
      _tag: "Unreadable",
      ok: false,
      reason:
        "cannot read audit log s3://no-such-audit-bucket/x: list failed (NoSuchBucket, HTTP 404): The specified bucket does not exist",
    });
  });
});
