import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { AuditEntry } from "../../src/definition/vocabulary/audit-entry";
import { appendAuditEntry } from "../../src/audit/append";
import { main } from "../../src/cli";
import { storeHarnesses } from "./support/harness";

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "audit-cli-"));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) });
  return { code, out, err };
}

const entry = { action: "delete" as const, sourceId: "src-9", payloadHash: "e".repeat(64), result: "success" as const };

describe("genesys-eventbridge audit verify", () => {
  it("exits 0 and counts the entries of an intact log", async () => {
    const logPath = path.join(dir, "audit.jsonl");
    await appendAuditEntry(logPath, entry);
    await appendAuditEntry(logPath, entry);
    expect(await run(["audit", "verify", logPath])).toEqual({ code: 0, out: "audit log intact: 2 entries\n", err: "" });
  });

  it("exits 1 naming the first bad line on stderr", async () => {
    const logPath = path.join(dir, "audit.jsonl");
    for (let i = 0; i < 3; i++) await appendAuditEntry(logPath, entry);
    const text = await fs.readFile(logPath, "utf8");
    await fs.writeFile(logPath, text.replace(/"src-9"(?=.*\n.*\n$)/, '"src-8"'));
    expect(await run(["audit", "verify", logPath])).toEqual({ code: 1, out: "", err: "line 2: hash mismatch: the entry was edited\n" });
  });

  it("exits 1 with a clear message when the log does not exist, in text and in JSON", async () => {
    const logPath = path.join(dir, "nope.jsonl");
    expect(await run(["audit", "verify", logPath])).toEqual({ code: 1, out: "", err: `cannot read audit log ${logPath}: no such file\n` });
    const json = await run(["audit", "verify", logPath, "--json"]);
    expect({ ...json, out: JSON.parse(json.out) }).toEqual({
      code: 1,
      out: { ok: false, verdict: "unreadable", location: logPath, reason: `cannot read audit log ${logPath}: no such file` },
      err: "",
    });
  });

  it("reads the default log of the Pulumi project found upward from the working folder", async () => {
    const project = await fs.realpath(dir);
    await fs.writeFile(path.join(project, "Pulumi.yaml"), "name: p\nruntime: nodejs\n");
    await fs.mkdir(path.join(project, "bin"));
    await appendAuditEntry(path.join(project, ".genesys-eventbridge", "audit.jsonl"), entry);
    const saved = { cwd: process.cwd(), env: process.env.GENESYS_EVENTBRIDGE_AUDIT_LOG };
    delete process.env.GENESYS_EVENTBRIDGE_AUDIT_LOG;
    process.chdir(path.join(project, "bin"));
    try {
      expect(await run(["audit", "verify"])).toEqual({ code: 0, out: "audit log intact: 1 entry\n", err: "" });
    } finally {
      process.chdir(saved.cwd);
      if (saved.env !== undefined) process.env.GENESYS_EVENTBRIDGE_AUDIT_LOG = saved.env;
    }
  });

  it("reads the log named by GENESYS_EVENTBRIDGE_AUDIT_LOG when no file is given", async () => {
    const logPath = path.join(dir, "from-env.jsonl");
    await appendAuditEntry(logPath, entry);
    const saved = process.env.GENESYS_EVENTBRIDGE_AUDIT_LOG;
    process.env.GENESYS_EVENTBRIDGE_AUDIT_LOG = logPath;
    try {
      expect(await run(["audit", "verify"])).toEqual({ code: 0, out: "audit log intact: 1 entry\n", err: "" });
    } finally {
      if (saved === undefined) delete process.env.GENESYS_EVENTBRIDGE_AUDIT_LOG;
      else process.env.GENESYS_EVENTBRIDGE_AUDIT_LOG = saved;
    }
  });

  it.each([
    [["audit"], "missing action (expected 'verify')"],
    [["audit", "check"], "unknown action 'check' (expected 'verify')"],
    [["audit", "verify", "a", "b"], "unexpected argument 'b'"],
    [["audit", "verify", "--strict"], "unknown option --strict"],
    [["audit", "verify", "--head", "abc"], "option --head needs a SHA-256 hex digest (64 hex digits), found 'abc'"],
    [["audit", "verify", "--head"], "option --head needs a value"],
  ])("exits 2 on the usage error in %j", async (argv, message) => {
    const result = await run(argv);
    expect(result).toEqual({
      code: 2,
      out: "",
      err:
        `genesys-eventbridge audit: ${message}\nusage: genesys-eventbridge audit verify [file | s3://bucket/prefix] [--head <sha256>] [--json] [--s3-endpoint <url>]\n`,
    });
  });
});

describe.each(storeHarnesses())("genesys-eventbridge audit verify, in doubt, --head and --json ($name store)", (store) => {
  beforeAll(() => store.setup(), 60_000);
  afterAll(() => store.teardown(), 30_000);
  const endpoint = () => (store.options().s3Endpoint === undefined ? [] : ["--s3-endpoint", store.options().s3Endpoint!]);
  const place = store.name === "s3" ? "entry" : "line";

  async function logWithDoubt(): Promise<{ location: string; written: AuditEntry[] }> {
    const location = store.fresh("cli");
    const written: AuditEntry[] = [];
    const add = async (input: Parameters<typeof appendAuditEntry>[1]) => {
      written.push(await appendAuditEntry(location, input, store.options()));
      return written[written.length - 1];
    };
    const intent = await add({ ...entry, action: "create", result: "intent" });
    await add({ ...entry, action: "create", result: "success", intentId: intent.auditId });
    await add({ ...entry, action: "update", result: "intent" });
    return { location, written };
  }

  it("prints the intents in doubt and the head it found, and exits 0", async () => {
    const { location, written } = await logWithDoubt();
    const [, second, third] = written;
    expect(await run(["audit", "verify", location, "--head", second.hash, ...endpoint()])).toEqual({
      code: 0,
      out:
        "audit log intact: 3 entries\n" +
        `head ${second.hash} found at ${place} 2\n` +
        "in doubt: 1 intent without an outcome\n" +
        `  ${place} 3: update src-9 (intent ${third.auditId}, ${third.timestamp})\n`,
      err: "",
    });
  });

  it("prints the verdict as one JSON object with --json", async () => {
    const { location, written } = await logWithDoubt();
    const third = written[2];
    const result = await run(["audit", "verify", location, "--json", "--head", third.hash, ...endpoint()]);
    expect({ ...result, out: JSON.parse(result.out) }).toEqual({
      code: 0,
      out: {
        ok: true,
        verdict: "intact",
        location,
        entries: 3,
        lastHash: third.hash,
        inDoubt: [{ line: 3, auditId: third.auditId, timestamp: third.timestamp, action: "update", sourceId: "src-9", payloadHash: "e".repeat(64) }],
        recovered: [],
        head: { hash: third.hash, found: true, line: 3 },
      },
      err: "",
    });
    expect(result.out.trim().split("\n")).toHaveLength(1);
  });

  it("exits 1 when the anchored head is gone because trailing entries were removed", async () => {
    const { location, written } = await logWithDoubt();
    const text = await store.read(location);
    await store.write(location, `${text.split("\n").slice(0, 2).join("\n")}\n`);
    const head = written[2].hash;
    expect(await run(["audit", "verify", location, "--head", head, ...endpoint()])).toEqual({
      code: 1,
      out: "",
      err:
        `head ${head} is not in the audit log (2 entries, last ${written[1].hash}): ` +
        "entries from the anchored head on were removed, or the hash belongs to another log\n",
    });
    const json = await run(["audit", "verify", location, "--json", "--head", head, ...endpoint()]);
    expect({ ...json, out: JSON.parse(json.out) }).toEqual({
      code: 1,
      out: {
        ok: false,
        verdict: "broken",
        location,
        reason: "the anchored head is not in the log",
        entries: 2,
        lastHash: written[1].hash,
        inDoubt: [],
        head: { hash: head, found: false },
      },
      err: "",
    });
  });

  it("exits 1 naming the first bad entry, in text and in JSON", async () => {
    const { location } = await logWithDoubt();
    const text = await store.read(location);
    await store.write(location, text.replace('"update"', '"delete"'));
    const key = store.keyOf(location, 3);
    const reason = "hash mismatch: the entry was edited";
    expect(await run(["audit", "verify", location, ...endpoint()])).toEqual({
      code: 1,
      out: "",
      err: key === undefined ? `line 3: ${reason}\n` : `entry 3 (${key}): ${reason}\n`,
    });
    const json = await run(["audit", "verify", location, "--json", ...endpoint()]);
    expect({ ...json, out: JSON.parse(json.out) }).toEqual({
      code: 1,
      out: { ok: false, verdict: "broken", location, line: 3, ...(key === undefined ? {} : { key }), reason },
      err: "",
    });
  });
});
