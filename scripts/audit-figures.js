"use strict";
/**
 * Figures for the audit stores, measured on this machine:
 *
 * - S3 (moto's S3-compatible server on loopback): three processes appending
 *   to one prefix at once (entries, conflicts re-chained, requests, time,
 *   verdict), the verify time of a 10,000-entry log, and what a fresh
 *   process's first append to that log costs (finding the tail).
 * - File: 200 concurrent appends in one process (group commit), and, with
 *   `--baseline <git revision>`, the same with the audit layer of that
 *   revision (one lock per append).
 *
 * usage: npm run build && node scripts/audit-figures.js [--entries 10000] [--per-process 100] [--baseline <rev>]
 */
const { spawn, spawnSync, execFileSync } = require("node:child_process");
const fs = require("node:fs");
const net = require("node:net");
const os = require("node:os");
const path = require("node:path");

const repo = path.resolve(__dirname, "..");
/** The audit layer's parts this script uses, from the built files that define them. */
const audit = Object.assign(
  {},
  ...["chain", "s3-store", "s3-keys", "stores", "location", "append", "verify"].map((file) => require(path.join(repo, "dist/src/audit", file))),
);
const { S3Client, CreateBucketCommand, PutObjectCommand } = require("@aws-sdk/client-s3");

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : process.argv[i + 1];
};
const ENTRIES = Number(arg("entries", "10000"));
const PER_PROCESS = Number(arg("per-process", "100"));
const BASELINE = arg("baseline", undefined);
const CREDENTIALS = { AWS_ACCESS_KEY_ID: "figures", AWS_SECRET_ACCESS_KEY: "figures", AWS_REGION: "us-east-1" };
Object.assign(process.env, CREDENTIALS, { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" });

/** Whether an append wrote nothing: a `Left` (or, in a baseline built before appends answered with `Either`, `ok: false`). */
const appendFailed = (r) => r._tag === "Left" || r.ok === false;
const seconds = (start) => Number(process.hrtime.bigint() - start) / 1e9;
const input = (i, extra = {}) => ({ action: "update", sourceId: `source-${i % 50}`, payloadHash: "c".repeat(64), result: "success", details: { index: i, ...extra } });

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function startMoto() {
  const found = spawnSync("bash", [path.join(__dirname, "moto-server.sh")], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  if (found.status !== 0) throw new Error("scripts/moto-server.sh failed");
  const command = found.stdout.trim().split("\n").pop();
  const port = await freePort();
  const child = spawn(command, ["-H", "127.0.0.1", "-p", String(port)], { stdio: "ignore" });
  for (let i = 0; i < 300; i++) {
    const up = await new Promise((resolve) => {
      const s = net.connect(port, "127.0.0.1", () => (s.destroy(), resolve(true)));
      s.once("error", () => resolve(false));
    });
    if (up) return { url: `http://127.0.0.1:${port}`, stop: () => new Promise((r) => (child.once("exit", r), child.kill("SIGTERM"))) };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill("SIGKILL");
  throw new Error("moto_server did not start");
}

/** Runs in a child: appends `count` entries at once to `location` and prints the store's counters. */
async function child(location, count, worker) {
  const started = process.hrtime.bigint();
  const results = await Promise.all(Array.from({ length: count }, (_, i) => audit.tryAppendAuditEntry(location, input(i, { worker }))));
  const failed = results.filter(appendFailed).length;
  const opened = audit.openAuditStore(location);
  const { counters } = opened.right ?? opened.store;
  process.stdout.write(JSON.stringify({ worker, failed, seconds: seconds(started), ...counters }) + "\n");
}

async function concurrentS3(moto, client) {
  await client.send(new CreateBucketCommand({ Bucket: "figures-concurrent" }));
  const location = "s3://figures-concurrent/three";
  const started = process.hrtime.bigint();
  const runs = ["a", "b", "c"].map(
    (w) =>
      new Promise((resolve, reject) => {
        const p = spawn(process.execPath, [__filename, "--child", location, String(PER_PROCESS), w], {
          env: { ...process.env, AWS_ENDPOINT_URL_S3: moto.url },
          stdio: ["ignore", "pipe", "inherit"],
        });
        let out = "";
        p.stdout.on("data", (d) => (out += d));
        p.on("close", (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`child ${w} exited ${code}`))));
      }),
  );
  const children = await Promise.all(runs);
  const wall = seconds(started);
  const verdict = await audit.verifyAuditLog(location, { s3Endpoint: moto.url });
  return { children, wall, verdict };
}

async function bigS3(moto, client) {
  await client.send(new CreateBucketCommand({ Bucket: "figures-big" }));
  const prefix = "ten-thousand";
  let prev = audit.GENESIS_HASH;
  const bodies = [];
  for (let i = 0; i < ENTRIES; i++) {
    const entry = audit.sealEntry({ ...input(i), auditId: `big-${i}`, timestamp: new Date(0).toISOString() }, prev);
    prev = entry.hash;
    bodies.push(audit.entryLine(entry));
  }
  const filled = process.hrtime.bigint();
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < bodies.length; i = next++) {
      await client.send(new PutObjectCommand({ Bucket: "figures-big", Key: audit.entryKey(prefix, i + 1), Body: bodies[i] }));
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  const fillSeconds = seconds(filled);
  const location = `s3://figures-big/${prefix}`;
  const started = process.hrtime.bigint();
  const verdict = await audit.verifyAuditLog(location, { s3Endpoint: moto.url });
  const verifySeconds = seconds(started);
  // A new store (as in a fresh provider process) finds the tail of the long log on its first append.
  const store = new audit.S3AuditStore(audit.parseAuditLocation(location), { s3Endpoint: moto.url });
  const first = process.hrtime.bigint();
  const appended = await store.append({ ...input(ENTRIES), auditId: "after-big", timestamp: new Date().toISOString() });
  const firstAppendSeconds = seconds(first);
  const firstAppendRequests = store.counters.requests;
  const second = process.hrtime.bigint();
  await store.append({ ...input(ENTRIES + 1), auditId: "after-big-2", timestamp: new Date().toISOString() });
  return {
    fillSeconds,
    verifySeconds,
    verdict: { _tag: verdict._tag, entries: verdict.entries },
    firstAppend: { ok: !appendFailed(appended), seconds: firstAppendSeconds, requests: firstAppendRequests },
    nextAppend: { seconds: seconds(second), requests: store.counters.requests - firstAppendRequests },
  };
}

/** Compiles the audit layer of a git revision to CommonJS in a temp folder; returns its index. */
function baselineModule(rev) {
  const ts = require("typescript");
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "audit-baseline-"));
  fs.symlinkSync(path.join(repo, "node_modules"), path.join(out, "node_modules"));
  const files = execFileSync("git", ["ls-tree", "-r", "--name-only", rev, "src/audit", "src/definition/canonical-json.ts"], { cwd: repo, encoding: "utf8" })
    .trim()
    .split("\n");
  for (const file of files) {
    const source = execFileSync("git", ["show", `${rev}:${file}`], { cwd: repo, encoding: "utf8" });
    const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true } });
    const target = path.join(out, file.replace(/^src\//, "").replace(/\.ts$/, ".js"));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, outputText);
  }
  return path.join(out, "audit", "index.js");
}

async function groupCommit(mod, label) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "audit-group-"));
  const logPath = path.join(dir, "audit.jsonl");
  await mod.appendAuditEntry(logPath, input(-1));
  const times = [];
  let failed = 0;
  for (let round = 0; round < 5; round++) {
    const started = process.hrtime.bigint();
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => mod.tryAppendAuditEntry(logPath, input(i))));
    failed += results.filter(appendFailed).length;
    times.push(seconds(started));
  }
  const verdict = await mod.verifyAuditLog(logPath);
  fs.rmSync(dir, { recursive: true, force: true });
  times.sort((a, b) => a - b);
  return { label, medianMs: Math.round(times[2] * 1000), minMs: Math.round(times[0] * 1000), maxMs: Math.round(times[4] * 1000), failed, entries: verdict.entries, ok: verdict.ok };
}

async function main() {
  const file = [await groupCommit(audit, "this revision")];
  if (BASELINE) file.unshift(await groupCommit(require(baselineModule(BASELINE)), `baseline ${BASELINE}`));
  console.log("200 concurrent appends in one process to a file (5 rounds of 200):");
  for (const r of file) {
    console.log(`  ${r.label}: median ${r.medianMs} ms (min ${r.minMs}, max ${r.maxMs}); ${r.failed} of 1000 failed; log ${r.ok ? "intact" : "BROKEN"}, ${r.entries} entries`);
  }

  const moto = await startMoto();
  const client = new S3Client({ endpoint: moto.url, forcePathStyle: true, region: "us-east-1" });
  try {
    const c = await concurrentS3(moto, client);
    const total = (k) => c.children.reduce((n, x) => n + x[k], 0);
    console.log(`three processes x ${PER_PROCESS} appends to one S3 prefix (moto):`);
    for (const x of c.children) console.log(`  ${x.worker}: ${x.appended} appended, ${x.conflicts} conflicts re-chained, ${x.requests} requests, ${x.failed} failed, ${x.seconds.toFixed(2)} s`);
    console.log(`  total: ${total("appended")} appended, ${total("conflicts")} conflicts, ${total("failed")} failed, ${c.wall.toFixed(2)} s wall; verify: ${c.verdict._tag}, ${c.verdict.entries} entries`);

    const b = await bigS3(moto, client);
    console.log(`${ENTRIES} entries in S3 (moto): filled in ${b.fillSeconds.toFixed(1)} s (16 parallel puts)`);
    console.log(`  verify: ${b.verdict._tag}, ${b.verdict.entries} entries in ${b.verifySeconds.toFixed(2)} s`);
    console.log(`  first append of a fresh store (finds the tail): ${(b.firstAppend.seconds * 1000).toFixed(0)} ms, ${b.firstAppend.requests} requests`);
    console.log(`  next append: ${(b.nextAppend.seconds * 1000).toFixed(0)} ms, ${b.nextAppend.requests} requests`);
  } finally {
    client.destroy();
    await moto.stop();
  }
}

if (process.argv[2] === "--child") {
  child(process.argv[3], Number(process.argv[4]), process.argv[5]).catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
} else {
  main().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
