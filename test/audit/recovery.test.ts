import { left } from "fp-ts/Either";
import { createHash } from "node:crypto";
import { promises as fs } from "node:fs";
import { AuditEntry } from "../../src/definition/vocabulary/audit-entry";
import { appendAuditEntry, tryAppendAuditEntry } from "../../src/audit/append";
import { entryHash } from "../../src/audit/chain";
import { verifyAuditLog } from "../../src/audit/verify";
import { main } from "../../src/cli";
import { storeHarnesses } from "./support/harness";

const sha256 = (bytes: string | Buffer) => createHash("sha256").update(bytes).digest("hex");

const input = { action: "create" as const, sourceId: "src-1", payloadHash: "ab".repeat(32), result: "success" as const };

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) });
  return { code, out, err };
}


describe.each(storeHarnesses())("torn-write recovery ($name store)", (store) => {
  beforeAll(() => store.setup(), 60_000);
  afterAll(() => store.teardown(), 30_000);
  const opts = () => store.options();
  const endpoint = () => (store.name === "s3" ? ["--s3-endpoint", String(opts().s3Endpoint)] : []);

  it("recovers a torn last line in the same append: bytes kept, a recovery entry naming them chained from the last complete entry", async () => {
    const location = store.fresh("torn");
    await appendAuditEntry(location, input, opts());
    const second = await appendAuditEntry(location, input, opts());
    const good = await store.read(location);
    const torn = (await store.pieces(location))[1].slice(0, 40);
    await store.write(location, good + torn);
    expect(await verifyAuditLog(location, opts())).toMatchObject({ _tag: "Broken", line: 3, reason: expect.stringContaining("the next append records its recovery") });

    const next = await appendAuditEntry(location, { ...input, sourceId: "src-2" }, opts());
    const pieces = await store.pieces(location);
    const recovery = JSON.parse(pieces[3]) as AuditEntry;
    expect({ count: pieces.length, kept: pieces.slice(0, 3).join("").startsWith(good + torn) }).toEqual({ count: 5, kept: true });
    expect(recovery).toEqual({
      auditId: recovery.auditId,
      timestamp: recovery.timestamp,
      action: "recovery",
      sourceId: "audit-log",
      payloadHash: sha256(torn),
      result: "success",
      details: { tornBytes: 40, tornSha256: sha256(torn), tornAt: store.name === "file" ? `byte ${good.length}` : String(store.keyOf(location, 3)) },
      prevHash: second.hash,
      hash: entryHash(recovery),
    });
    expect(next.prevHash).toBe(recovery.hash);
    expect(await verifyAuditLog(location, opts())).toEqual({
      _tag: "Intact",
      ok: true,
      entries: 4,
      lastHash: next.hash,
      inDoubt: [],
      recovered: [{ line: 3, bytes: 40, sha256: sha256(torn) }],
    });
    const place = store.name === "file" ? "line" : "entry";
    expect(await run(["audit", "verify", location, ...endpoint()])).toEqual({
      code: 0,
      out: `audit log intact: 4 entries\nrecovered: 1 torn write at ${place} 3 (40 bytes, sha256 ${sha256(torn)}), an append interrupted by a crash\n`,
      err: "",
    });
    const json = await run(["audit", "verify", location, "--json", ...endpoint()]);
    expect(JSON.parse(json.out)).toMatchObject({ ok: true, verdict: "intact", recovered: [{ line: 3, bytes: 40 }] });
    // Later appends chain on as usual.
    const after = await appendAuditEntry(location, input, opts());
    expect(after.prevHash).toBe(next.hash);
  });

  it("hashes the torn bytes as written, even when the cut falls inside a character", async () => {
    if (store.name === "s3") return; // an S3 object is written whole: it is never cut mid-character
    const location = store.fresh("utf8");
    await appendAuditEntry(location, input, opts());
    const second = await appendAuditEntry(location, { ...input, sourceId: "src-é" }, opts());
    const good = Buffer.from(await store.read(location));
    const line = Buffer.from(JSON.stringify(second) + "\n");
    const cut = line.indexOf(Buffer.from("é")) + 1;
    const torn = line.subarray(0, cut);
    await fs.writeFile(location, Buffer.concat([good, torn]));
    await appendAuditEntry(location, input, opts());
    expect(await verifyAuditLog(location, opts())).toMatchObject({ _tag: "Intact", entries: 4, recovered: [{ line: 3, bytes: cut, sha256: sha256(torn) }] });
  });

  it("keeps an entry whose newline alone is missing, and chains after it without a recovery", async () => {
    // An S3 object is written whole: one without its newline is never an interrupted append there.
    if (store.name === "s3") return;
    const location = store.fresh("newline");
    await appendAuditEntry(location, input, opts());
    const second = await appendAuditEntry(location, input, opts());
    const good = await store.read(location);
    await store.write(location, good.slice(0, -1));
    const next = await appendAuditEntry(location, input, opts());
    expect(next.prevHash).toBe(second.hash);
    expect(await verifyAuditLog(location, opts())).toEqual({ _tag: "Intact", ok: true, entries: 3, lastHash: next.hash, inDoubt: [] });
  });

  it("still refuses a complete line that fails its hash, and unterminated JSON that is not an entry", async () => {
    for (const [label, damage, reason] of [
      ["edited", (good: string) => good.replace(/"src-1"(?=[^\n]*\n$)/, '"src-2"'), "the last entry does not match its hash (edited)"],
      ["not-an-entry", (good: string) => `${good}{"hello":1}`, "the last line is not an audit entry"],
    ] as const) {
      const location = store.fresh(label);
      await appendAuditEntry(location, input, opts());
      const good = await store.read(location);
      const damaged = damage(good);
      await store.write(location, damaged);
      const result = await tryAppendAuditEntry(location, input, opts());
      expect({ label, result }).toEqual({ label, result: left({ _tag: "DamagedLog", path: store.tailName(location, damaged), reason }) });
      expect(await store.read(location)).toBe(damaged);
    }
  });

  it("breaks verification when the recovery does not name the torn bytes, or names none", async () => {
    const location = store.fresh("forged");
    await appendAuditEntry(location, input, opts());
    const good = await store.read(location);
    await store.write(location, good + good.slice(0, 30));
    await appendAuditEntry(location, input, opts());
    const recovered = await store.pieces(location);
    // Change the torn bytes: the recovery no longer names them.
    await store.writePieces(location, [recovered[0], recovered[1].replace(/^./, "X"), ...recovered.slice(2)]);
    expect(await verifyAuditLog(location, opts())).toMatchObject({
      _tag: "Broken",
      line: 2,
      reason: store.name === "file" ? "malformed: not valid JSON" : expect.stringMatching(/^truncated: no terminating newline/),
    });
    // Drop the torn bytes: a recovery with nothing torn before it.
    await store.writePieces(location, [recovered[0], ...recovered.slice(2)]);
    expect(await verifyAuditLog(location, opts())).toMatchObject({ _tag: "Broken", line: 2, reason: "a recovery entry without a torn write before it" });
  });

  it("still finds entries removed from the end of a recovered log with the anchored head", async () => {
    const location = store.fresh("head");
    await appendAuditEntry(location, input, opts());
    const good = await store.read(location);
    await store.write(location, good + good.slice(0, 30));
    const head = await appendAuditEntry(location, input, opts());
    const pieces = await store.pieces(location);
    await store.writePieces(location, pieces.slice(0, -1));
    expect(await verifyAuditLog(location, { ...opts(), head: head.hash })).toMatchObject({ _tag: "HeadMissing", head: head.hash, entries: 2 });
  });
});
