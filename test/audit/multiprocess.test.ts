import { spawn } from "node:child_process";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { appendAuditEntry, verifyAuditLog } from "../../src/audit";
import { compileAuditModule } from "./compile-audit";

let dir: string;
let compiled: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "audit-mp-"));
  compiled = await compileAuditModule(path.join(dir, "lib"));
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

interface Child {
  ready: Promise<void>;
  exit: Promise<{ code: number | null; stderr: string }>;
}

function startChild(logPath: string, count: number, worker: string): Child {
  const child = spawn(process.execPath, [path.join(__dirname, "fixtures/append-child.js"), compiled, logPath, String(count), worker], {
    env: { ...process.env, NODE_PATH: path.resolve(__dirname, "../../node_modules") },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  const ready = new Promise<void>((resolve) => {
    child.stdout.on("data", (d: Buffer) => {
      if (d.toString().includes("ready")) resolve();
    });
  });
  const exit = new Promise<{ code: number | null; stderr: string }>((resolve) => child.on("close", (code) => resolve({ code, stderr })));
  return { ready, exit };
}

async function linesOf(logPath: string): Promise<Array<Record<string, unknown>>> {
  const text = await fs.readFile(logPath, "utf8");
  return text.trimEnd().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe("appendAuditEntry under concurrency", () => {
  it("keeps every line and a valid chain when two processes append 25 entries each at the same time", async () => {
    const logPath = path.join(dir, "two-processes", "audit.jsonl");
    const a = startChild(logPath, 25, "a");
    const b = startChild(logPath, 25, "b");
    await Promise.all([a.ready, b.ready]);
    await fs.mkdir(path.dirname(logPath), { recursive: true });
    await fs.writeFile(`${logPath}.go`, "");
    const [ea, eb] = await Promise.all([a.exit, b.exit]);
    expect([ea, eb]).toEqual([
      { code: 0, stderr: "" },
      { code: 0, stderr: "" },
    ]);

    expect(await verifyAuditLog(logPath)).toEqual({ _tag: "Intact", ok: true, entries: 50 });
    const lines = await linesOf(logPath);
    expect(lines).toHaveLength(50);
    expect(new Set(lines.map((l) => l.auditId)).size).toBe(50);
    const perWorker = (w: string) =>
      lines
        .map((l) => l.details as { worker: string; index: number })
        .filter((d) => d.worker === w)
        .map((d) => d.index)
        .sort((x, y) => x - y);
    const all25 = Array.from({ length: 25 }, (_, i) => i);
    expect({ a: perWorker("a"), b: perWorker("b") }).toEqual({ a: all25, b: all25 });
    await expect(fs.access(`${logPath}.lock`)).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("keeps every line and a valid chain under 50 parallel appends in one process", async () => {
    const logPath = path.join(dir, "one-process", "audit.jsonl");
    const written = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        appendAuditEntry(logPath, {
          action: "create",
          sourceId: "source-1",
          payloadHash: "f".repeat(64),
          result: "success",
          details: { index: i },
        }),
      ),
    );
    expect(await verifyAuditLog(logPath)).toEqual({ _tag: "Intact", ok: true, entries: 50 });
    const lines = await linesOf(logPath);
    expect(lines).toHaveLength(50);
    expect(new Set(lines.map((l) => l.auditId)).size).toBe(50);
    // What each call returned is exactly what ended up in the file.
    const byId = new Map(lines.map((l) => [l.auditId, l]));
    expect(written.map((e) => byId.get(e.auditId))).toEqual(written);
  });
});
