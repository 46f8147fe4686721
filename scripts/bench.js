"use strict";
/**
 * The benchmark: the real engine and the emulator, measured side by side in
 * one run. For 1, 25 and 100 sources it times `pulumi up` (create), a
 * no-change `pulumi preview` and a no-change `pulumi up` against the same
 * engine deploying as many no-op dynamic resources (the engine's own floor),
 * counts the API requests of each operation, reads the serialized provider's
 * size from state and samples the provider process's peak memory. Prints a
 * table and writes bench/RESULTS.md.
 *
 * usage: npm run bench [-- --sizes 1,25,100]
 */
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { ensureEngine, engineEnv } = require("./engine-env");
const { makeProjectDir, repoRoot } = require("./project-dir");

const CLIENT = { clientId: "bench-client", clientSecret: "bench-client-secret" };

function parseSizes(argv) {
  const i = argv.indexOf("--sizes");
  const sizes = (i === -1 ? "1,25,100" : argv[i + 1] || "").split(",").map(Number);
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) {
    console.error("usage: npm run bench [-- --sizes 1,25,100]");
    process.exit(2);
  }
  return sizes;
}

/** Peak resident memory (VmHWM, kB) of live processes whose command line contains `needle`. */
function sampleProviderPeak(needle, into) {
  for (const pid of fs.readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8");
      if (!cmd.includes(needle)) continue;
      const hwm = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
      if (hwm) into.peakKb = Math.max(into.peakKb, Number(hwm[1]));
    } catch {
      // the process ended between listing and reading
    }
  }
}

async function timed(fn, memory) {
  const probe = { peakKb: 0 };
  const timer = setInterval(() => sampleProviderPeak("dynamic-provider", probe), 50);
  const start = process.hrtime.bigint();
  try {
    await fn();
  } finally {
    clearInterval(timer);
  }
  if (memory) memory.peakKb = Math.max(memory.peakKb, probe.peakKb);
  return Number(process.hrtime.bigint() - start) / 1e9;
}

function definitionFor(base, i) {
  return { ...base, id: `bench-source-${String(i).padStart(3, "0")}`, eventSourceSuffix: `bench-${i}` };
}

async function main() {
  const sizes = parseSizes(process.argv.slice(2));
  const { startEmulator } = require("../dist/src/emulator");
  const { LocalWorkspace, PulumiCommand } = require("@pulumi/pulumi/automation");
  const engine = ensureEngine();
  const pulumiCommand = await PulumiCommand.get({ root: engine.root, skipVersionCheck: true });
  const emulator = await startEmulator({ port: 0, ...CLIENT });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "ebs-bench-"));
  const base = JSON.parse(fs.readFileSync(path.join(repoRoot, "stacks/examples/definition.json"), "utf8"));
  const rows = [];
  try {
    for (const n of sizes) {
      process.stderr.write(`bench: ${n} source(s)…\n`);
      // The sources.
      const dir = makeProjectDir(path.join(work, `sources-${n}`));
      const entries = [];
      for (let i = 0; i < n; i++) {
        const file = `def-${i}.json`;
        fs.writeFileSync(path.join(dir, file), JSON.stringify(definitionFor(base, i)));
        entries.push({ definition: file });
      }
      const env = engineEnv({ stateDir: path.join(dir, ".state"), home: path.join(dir, ".home"), binDir: engine.binDir });
      const stack = await LocalWorkspace.createOrSelectStack({ stackName: "bench", workDir: dir }, { pulumiCommand, envVars: env });
      await stack.setAllConfig({
        "genesys:apiBaseUrl": { value: emulator.url },
        "genesys:clientId": { value: CLIENT.clientId },
        "genesys:clientSecret": { value: CLIENT.clientSecret, secret: true },
        "genesys:api": { value: "event-streams" },
        "genesys:auditLogPath": { value: "audit.jsonl" },
        "genesys-eventbridge:sources": { value: JSON.stringify(entries) },
      });

      // The floor: the same engine, as many no-op dynamic resources.
      const floorDir = path.join(work, `floor-${n}`);
      fs.mkdirSync(floorDir, { recursive: true });
      fs.writeFileSync(path.join(floorDir, "Pulumi.yaml"), "name: bench-floor\nruntime: nodejs\nmain: program.js\n");
      fs.copyFileSync(path.join(__dirname, "bench", "noop-program.js"), path.join(floorDir, "program.js"));
      if (!fs.existsSync(path.join(floorDir, "node_modules"))) fs.symlinkSync(path.join(repoRoot, "node_modules"), path.join(floorDir, "node_modules"));
      const floorEnv = engineEnv({ stateDir: path.join(floorDir, ".state"), home: path.join(floorDir, ".home"), binDir: engine.binDir });
      const floor = await LocalWorkspace.createOrSelectStack({ stackName: "bench", workDir: floorDir }, { pulumiCommand, envVars: floorEnv });
      await floor.setConfig("count", { value: String(n) });

      const requests = (since) => {
        const j = emulator.journal().slice(since);
        return {
          token: j.filter((e) => e.path.startsWith("/oauth")).length,
          reads: j.filter((e) => e.method === "GET" && e.path.startsWith("/api/")).length,
          writes: j.filter((e) => e.method !== "GET" && e.path.startsWith("/api/")).length,
        };
      };
      const memory = { peakKb: 0 };
      let mark = emulator.journal().length;
      const up = await timed(() => stack.up(), memory);
      const upRequests = requests(mark);
      mark = emulator.journal().length;
      const preview = await timed(() => stack.preview(), memory);
      const previewRequests = requests(mark);
      mark = emulator.journal().length;
      const noChangeUp = await timed(() => stack.up({ expectNoChanges: true }), memory);
      const noChangeRequests = requests(mark);

      const floorMemory = { peakKb: 0 };
      const floorUp = await timed(() => floor.up(), floorMemory);
      const floorPreview = await timed(() => floor.preview(), floorMemory);
      const floorNoChangeUp = await timed(() => floor.up({ expectNoChanges: true }), floorMemory);

      const state = await stack.exportStack();
      const providers = state.deployment.resources.filter((r) => r.type.endsWith(":EventBridgeSource")).map((r) => Buffer.byteLength(String(r.inputs.__provider)));
      rows.push({
        n, up, floorUp, preview, floorPreview, noChangeUp, floorNoChangeUp,
        upRequests, previewRequests, noChangeRequests,
        providerBytes: Math.max(...providers),
        peakMb: memory.peakKb / 1024,
        floorPeakMb: floorMemory.peakKb / 1024,
      });
      await stack.destroy();
      await floor.destroy();
    }
  } finally {
    await emulator.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
  report(rows);
}

function report(rows) {
  const f = (x) => x.toFixed(2);
  const req = (r) => `${r.token}/${r.reads}/${r.writes}`;
  const lines = [
    "| sources | up s (floor) | ratio | no-change preview s (floor) | ratio | no-change up s (floor) | ratio | requests up: token/read/write | no-change preview | no-change up | __provider bytes | provider peak RSS MB (floor) | ratio |",
    "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...rows.map((r) => `| ${r.n} | ${f(r.up)} (${f(r.floorUp)}) | ${f(r.up / r.floorUp)} | ${f(r.preview)} (${f(r.floorPreview)}) | ${f(r.preview / r.floorPreview)} | ${f(r.noChangeUp)} (${f(r.floorNoChangeUp)}) | ${f(r.noChangeUp / r.floorNoChangeUp)} | ${req(r.upRequests)} | ${req(r.previewRequests)} | ${req(r.noChangeRequests)} | ${r.providerBytes} | ${r.peakMb.toFixed(1)} (${r.floorPeakMb.toFixed(1)}) | ${f(r.peakMb / r.floorPeakMb)} |`),
  ];
  const table = lines.join("\n");
  console.log(table);
  const cpu = (os.cpus()[0] || { model: "unknown" }).model;
  const doc = [
    "# Benchmark results",
    "",
    "Written by `npm run bench`: the real Pulumi engine (the CLI built from its Go",
    "modules and this repository's language host) and the emulator on loopback,",
    "measured side by side in one run. The floor is the same engine deploying as",
    "many no-op dynamic resources; a ratio is sources time / floor time.",
    "Requests are counted in the emulator's journal (token / reads / writes);",
    "peak RSS is the dynamic-provider process's VmHWM, sampled every 50 ms.",
    "",
    `Machine: ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}, Node.js ${process.version}; run ${new Date().toISOString().slice(0, 10)}.`,
    "",
    table,
    "",
  ].join("\n");
  fs.mkdirSync(path.join(repoRoot, "bench"), { recursive: true });
  fs.writeFileSync(path.join(repoRoot, "bench", "RESULTS.md"), doc);
  console.log("\nwritten to bench/RESULTS.md");
}

main().catch((e) => {
  console.error(`bench failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
