import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { appendAuditEntry } from "../../src/audit";
import { main } from "../../src/cli";

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

  it("exits 1 with a clear message when the log does not exist", async () => {
    const logPath = path.join(dir, "nope.jsonl");
    expect(await run(["audit", "verify", logPath])).toEqual({ code: 1, out: "", err: `cannot read audit log ${logPath}: no such file\n` });
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
  ])("exits 2 on the usage error in %j", async (argv, message) => {
    const result = await run(argv);
    expect(result).toEqual({
      code: 2,
      out: "",
      err: `genesys-eventbridge audit: ${message}\nusage: genesys-eventbridge audit verify [file]   check the audit log's hash chain (default $GENESYS_EVENTBRIDGE_AUDIT_LOG or .genesys-eventbridge/audit.jsonl)\n`,
    });
  });
});
