import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { appendAuditEntry, entryHash, verifyAuditLog, verifyAuditText } from "../../src/audit";

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

const cases: Array<[string, () => string, object]> = [
  ["an intact log", () => join(lines), { _tag: "Intact", ok: true, entries: 5 }],
  ["an empty log", () => "", { _tag: "Intact", ok: true, entries: 0 }],
  ["an edited field", () => join(lines.map((l, i) => (i === 2 ? l.replace('"index":2', '"index":7') : l))), broken(3, "hash mismatch: the entry was edited")],
  ["an added field", () => join(lines.map((l, i) => (i === 1 ? l.replace("{", '{"note":"x",') : l))), broken(2, "hash mismatch: the entry was edited")],
  ["an edit with a recomputed hash", () => join(lines.map((l, i) => (i === 2 ? editedAndRehashed(l) : l))), broken(4, notFollowing(3))],
  ["a removed line", () => join(lines.filter((_, i) => i !== 2)), broken(3, notFollowing(2))],
  [
    "a removed first line",
    () => join(lines.slice(1)),
    broken(1, "prevHash mismatch: the first entry does not start the chain (lines removed or inserted before it)"),
  ],
  ["swapped lines", () => join([lines[0], lines[2], lines[1], lines[3], lines[4]]), broken(2, notFollowing(1))],
  ["a truncated last line", () => join(lines).slice(0, -30), broken(5, "truncated: the last line has no terminating newline")],
  ["a last line without its newline", () => join(lines).slice(0, -1), broken(5, "truncated: the last line has no terminating newline")],
  ["an inserted foreign entry", () => join([...lines.slice(0, 3), foreign, ...lines.slice(3)]), broken(4, notFollowing(3))],
  ["an inserted line that is not JSON", () => join([lines[0], "hello", ...lines.slice(1)]), broken(2, "malformed: not valid JSON")],
  [
    "an inserted JSON line that is not an entry",
    () => join([lines[0], '{"action":"create"}', ...lines.slice(1)]),
    broken(2, "malformed: not an audit entry (missing or mistyped fields)"),
  ],
  ["an empty line", () => join([lines[0], "", ...lines.slice(1)]), broken(2, "malformed: empty line")],
];

describe("verifyAuditText", () => {
  it.each(cases)("judges %s", (_name, content, expected) => {
    expect(verifyAuditText(content())).toEqual(expected);
  });
});

describe("verifyAuditLog", () => {
  it.each(cases)("judges %s on disk as the pure verifier does", async (name, content, expected) => {
    const logPath = path.join(dir, `${name.replace(/\W+/g, "-")}.jsonl`);
    await fs.writeFile(logPath, content());
    expect(await verifyAuditLog(logPath)).toEqual(expected);
  });

  it("follows lines across read chunks", async () => {
    const logPath = path.join(dir, "long.jsonl");
    for (let i = 0; i < 4; i++) await appendAuditEntry(logPath, { ...input(i), details: { blob: "é".repeat(30_000 + i) } });
    expect(await verifyAuditLog(logPath)).toEqual({ _tag: "Intact", ok: true, entries: 4 });
  });

  it("reports a missing file as unreadable", async () => {
    const logPath = path.join(dir, "missing.jsonl");
    expect(await verifyAuditLog(logPath)).toEqual({ _tag: "Unreadable", ok: false, reason: `cannot read audit log ${logPath}: no such file` });
  });
});
