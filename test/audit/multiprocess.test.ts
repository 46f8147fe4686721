import { isLeft } from "fp-ts/Either";
import { spawn } from "node:child_process";
import * as http from "node:http";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { appendAuditEntry } from "../../src/audit/append";
import { openAuditStore } from "../../src/audit/stores";
import { verifyAuditLog } from "../../src/audit/verify";
import { compileAuditModule } from "./compile-audit";
import { MOTO_CREDENTIALS, MotoServer, motoOrSkip, startMoto } from "./support/moto";

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
  exit: Promise<{ code: number | null; stderr: string; stdout: string }>;
}

function startChild(logPath: string, count: number, worker: string, extra: { goFile?: string; env?: Record<string, string> } = {}): Child {
  const args = [path.join(__dirname, "fixtures/append-child.js"), compiled, logPath, String(count), worker, ...(extra.goFile ? [extra.goFile] : [])];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, NODE_PATH: path.resolve(__dirname, "../../node_modules"), ...extra.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  let stdout = "";
  child.stderr.on("data", (d) => (stderr += d));
  const ready = new Promise<void>((resolve) => {
    child.stdout.on("data", (d: Buffer) => {
      stdout += d.toString();
      if (stdout.includes("ready")) resolve();
    });
  });
  const exit = new Promise<{ code: number | null; stderr: string; stdout: string }>((resolve) =>
    child.on("close", (code) => resolve({ code, stderr, stdout })),
  );
  return { ready, exit };
}

async function linesOf(logPath: string): Promise<Array<Record<string, unknown>>> {
  const text = await fs.readFile(logPath, "utf8");
  return text.trimEnd().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** For each of `workers`, the indices its children wrote into the entries' details, in order. */
function indicesByWorker(entries: ReadonlyArray<Record<string, unknown>>, workers: ReadonlyArray<string>): Record<string, number[]> {
  const details = entries.map((e) => e.details as { worker: string; index: number });
  return Object.fromEntries(workers.map((w) => [w, details.filter((d) => d.worker === w).map((d) => d.index).sort((x, y) => x - y)]));
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
    expect([ea, eb].map(({ code, stderr }) => ({ code, stderr }))).toEqual([
      { code: 0, stderr: "" },
      { code: 0, stderr: "" },
    ]);

    const lines = await linesOf(logPath);
    expect(await verifyAuditLog(logPath)).toEqual({ _tag: "Intact", ok: true, entries: 50, lastHash: lines[49].hash, inDoubt: [] });
    expect(lines).toHaveLength(50);
    expect(new Set(lines.map((l) => l.auditId)).size).toBe(50);
    const all25 = Array.from({ length: 25 }, (_, i) => i);
    expect(indicesByWorker(lines, ["a", "b"])).toEqual({ a: all25, b: all25 });
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
    const lines = await linesOf(logPath);
    expect(await verifyAuditLog(logPath)).toEqual({ _tag: "Intact", ok: true, entries: 50, lastHash: lines[49].hash, inDoubt: [] });
    expect(lines).toHaveLength(50);
    expect(new Set(lines.map((l) => l.auditId)).size).toBe(50);
    // What each call returned is exactly what ended up in the file.
    const byId = new Map(lines.map((l) => [l.auditId, l]));
    expect(written.map((e) => byId.get(e.auditId))).toEqual(written);
  });

  it("writes 200 parallel appends in one process with one lock and one fsync per batch (group commit)", async () => {
    const logPath = path.join(dir, "group-commit", "audit.jsonl");
    const opened = openAuditStore(logPath);
    if (isLeft(opened)) throw new Error("no store");
    const counters = (opened.right as unknown as { counters: { commits: number; entries: number } }).counters;
    const append = (i: number) =>
      appendAuditEntry(logPath, { action: "update", sourceId: `source-${i}`, payloadHash: "f".repeat(64), result: "success", details: { index: i } });
    await append(-1);
    const before = { ...counters };
    const written = await Promise.all(Array.from({ length: 200 }, (_, i) => append(i)));
    expect({ commits: counters.commits - before.commits, entries: counters.entries - before.entries }).toEqual({ commits: 1, entries: 200 });
    expect(await verifyAuditLog(logPath)).toMatchObject({ _tag: "Intact", entries: 201, lastHash: written[199].hash });
    // Each caller got its own entry, in the order of the calls.
    expect(written.map((e) => e.details?.index)).toEqual(Array.from({ length: 200 }, (_, i) => i));
    expect(written.slice(1).every((e, i) => e.prevHash === written[i].hash)).toBe(true);
  });
});

const moto = motoOrSkip();
const describeS3 = moto === undefined ? describe.skip : describe;

describeS3("appendAuditEntry to one S3 prefix from three processes", () => {
  let server: MotoServer;
  beforeAll(async () => {
    server = await startMoto(moto!);
  }, 60_000);
  afterAll(() => server?.stop(), 30_000);

  it("keeps every entry exactly once and one intact chain", async () => {
    const bucket = await server.bucket("multiprocess-audit");
    const location = `s3://${bucket}/pipelines/prod`;
    const goFile = path.join(dir, "s3.go");
    // The SDK warns on Node 20 that its releases after January 2027 need Node 22; the children must print nothing else.
    const env = { ...MOTO_CREDENTIALS, AWS_ENDPOINT_URL_S3: server.url, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" };
    const workers = ["a", "b", "c"];
    const children = workers.map((w) => startChild(location, 40, w, { goFile, env }));
    await Promise.all(children.map((c) => c.ready));
    await fs.writeFile(goFile, "");
    const exits = await Promise.all(children.map((c) => c.exit));
    expect(exits.map(({ code, stderr }) => ({ code, stderr }))).toEqual(workers.map(() => ({ code: 0, stderr: "" })));

    const verdict = await verifyAuditLog(location, { s3Endpoint: server.url });
    expect(verdict).toMatchObject({ _tag: "Intact", ok: true, entries: 120 });
    const { GetObjectCommand, ListObjectsV2Command } = await import("@aws-sdk/client-s3");
    const listed = await server.client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: "pipelines/prod/" }));
    const entries = await Promise.all(
      (listed.Contents ?? []).map(async (c) =>
        JSON.parse(await (await server.client.send(new GetObjectCommand({ Bucket: bucket, Key: c.Key }))).Body!.transformToString()),
      ),
    );
    expect(entries).toHaveLength(120);
    expect(new Set(entries.map((e) => e.auditId)).size).toBe(120);
    const all40 = Array.from({ length: 40 }, (_, i) => i);
    expect(indicesByWorker(entries, workers)).toEqual({ a: all40, b: all40, c: all40 });
    const counters = exits.map((e) => JSON.parse(/counters (.*)/.exec(e.stdout)![1]) as { appended: number; conflicts: number });
    expect(counters.map((c) => c.appended)).toEqual([40, 40, 40]);
  }, 120_000);
});

describeS3("appendAuditEntry to S3 when an answer is lost", () => {
  let server: MotoServer;
  let proxy: http.Server;
  let proxyUrl: string;
  let dropNextPut = false;
  beforeAll(async () => {
    server = await startMoto(moto!);
    // A loopback proxy in front of moto that can forward a PUT and then drop the connection instead of answering,
    // as a network fault after the write would.
    proxy = http.createServer((req, res) => {
      const target = new URL(server.url);
      const upstream = http.request(
        { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
        (answer) => {
          if (req.method === "PUT" && dropNextPut) {
            dropNextPut = false;
            answer.resume();
            answer.on("end", () => req.socket.destroy());
            return;
          }
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      req.pipe(upstream);
    });
    await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
    proxyUrl = `http://127.0.0.1:${(proxy.address() as { port: number }).port}`;
  }, 60_000);
  afterAll(async () => {
    await new Promise((resolve) => proxy?.close(resolve));
    await server?.stop();
  }, 30_000);

  it("recognises its own entry when the client retries a put whose answer was lost, and writes it once", async () => {
    const bucket = await server.bucket("lost-answer-audit");
    const location = `s3://${bucket}/lost`;
    const append = (i: number) =>
      appendAuditEntry(location, { action: "update", sourceId: "s", payloadHash: "f".repeat(64), result: "success", details: { index: i } }, { s3Endpoint: proxyUrl });
    await append(0);
    dropNextPut = true;
    const second = await append(1);
    expect(dropNextPut).toBe(false);
    const third = await append(2);
    expect(third.prevHash).toBe(second.hash);
    expect(await verifyAuditLog(location, { s3Endpoint: server.url })).toMatchObject({ _tag: "Intact", entries: 3, lastHash: third.hash });
  }, 60_000);
});
