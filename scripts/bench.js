"use strict";
/**
 * The benchmark: the real engine and the emulator, measured side by side in
 * one run, for both API contracts.
 *
 * - event-streams, no latency, 1/25/100/500 sources;
 * - integrations with a per-request latency (default 100 ms) and one read of
 *   read-after-write lag, 40 sources;
 * - integrations under a rate limit (bucket of 10, refilled 5 per second),
 *   50 new sources;
 * - integrations under the platform's per-token model (scripts/bench/rate-limit.js),
 *   200 sources on one token and on the default pool.
 *
 * Each scenario deploys the sources (`up`), previews and ups again with no
 * change, updates every source (a region change, which every contract
 * carries), and destroys them; the floor is the same engine deploying as many
 * no-op dynamic resources with the same inputs and the sources' own outputs,
 * whose create waits as long as the minimum request chain takes at the
 * scenario's latency. Requests per operation are counted in the emulator's
 * journal and printed against each contract's minimum; the serialized
 * provider's size and the state's bytes per resource are read from state;
 * peak RSS is the dynamic-provider process's VmHWM. Prints tables and writes
 * bench/RESULTS.md.
 *
 * Engine options, applied to the sources and the floor alike: `--parallel N`
 * (the engine's step concurrency) and `--skip-checkpoints`
 * (`PULUMI_SKIP_CHECKPOINTS=true`: the file backend writes state once at the
 * end of a command instead of after every step). `--profile DIR` writes a CPU
 * profile of every Node.js process of each command (the program, the
 * dynamic-provider processes) under DIR/<scenario>-<sources|floor>/.
 *
 * usage: npm run bench [-- --sizes 1,25,100,500|none] [--latency-ms 100] [--integrations 40] [--storm 50]
 *          [--per-token 200] [--runs 1] [--parallel N] [--skip-checkpoints] [--profile DIR] [--out bench/RESULTS.md]
 * (`--sizes none` and a count of 0 leave a scenario out; a run of the
 * per-token scenarios alone keeps the rest of bench/RESULTS.md.)
 */
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { ensureEngine, engineEnv } = require("./engine-env");
const { makeProjectDir, repoRoot } = require("./project-dir");
const { rateLimitScenarios, rateLimitReport } = require("./bench/rate-limit");
const { writeFloorOutputs } = require("./bench/floor-outputs");

const CLIENT = { clientId: "bench-client", clientSecret: "bench-client-secret" };
/** The protocol's pause between two reads while waiting out read-after-write lag (the adapters' default). */
const POLL_INTERVAL_MS = 250;

/**
 * The minimum requests of each operation per source, besides one token and
 * (Integrations) one organization lookup per provider process. `lagReads` is
 * how many extra reads read-after-write lag costs.
 */
const MINIMUM = {
  "event-streams": { create: 1, update: 1, noChange: 0, delete: 1, lagReads: 0 },
  // list (shared by creates that start together, so fewer than one each), POST, GET config, PUT config,
  // PATCH (a new integration is not yet enabled) / GET integration, GET config, PUT config / DELETE, GET
  // until it is gone.
  integrations: { create: 5, update: 3, noChange: 0, delete: 2, lagReads: 1 },
};

function option(argv, name, fallback) {
  const i = argv.indexOf(`--${name}`);
  return i === -1 ? fallback : argv[i + 1];
}

function parseArgs(argv) {
  const sizesText = String(option(argv, "sizes", "1,25,100,500"));
  const sizes = sizesText === "none" ? [] : sizesText.split(",").map(Number);
  const latencyMs = Number(option(argv, "latency-ms", "100"));
  const integrations = Number(option(argv, "integrations", "40"));
  const storm = Number(option(argv, "storm", "50"));
  const perToken = Number(option(argv, "per-token", "200"));
  const runs = Number(option(argv, "runs", "1"));
  const out = option(argv, "out", path.join("bench", "RESULTS.md"));
  const parallel = option(argv, "parallel", undefined);
  const profile = option(argv, "profile", undefined);
  const skipCheckpoints = argv.includes("--skip-checkpoints");
  const bad = sizes.some((n) => !Number.isInteger(n) || n < 1) || !(latencyMs >= 0) || !(integrations >= 0) || !(storm >= 0) ||
    !(Number.isInteger(perToken) && perToken >= 0) || !(Number.isInteger(runs) && runs >= 1) || out === "" ||
    (parallel !== undefined && !(Number.isInteger(Number(parallel)) && Number(parallel) >= 1)) || profile === "";
  if (bad) {
    console.error("usage: npm run bench [-- --sizes 1,25,100,500|none] [--latency-ms 100] [--integrations 40] [--storm 50] [--per-token 200] [--runs 1] [--parallel N] [--skip-checkpoints] [--profile DIR] [--out bench/RESULTS.md]");
    process.exit(2);
  }
  return {
    sizes,
    latencyMs,
    integrations,
    storm,
    perToken,
    runs,
    out: path.resolve(repoRoot, out),
    argv,
    engine: { ...(parallel === undefined ? {} : { parallel: Number(parallel) }), skipCheckpoints, ...(profile === undefined ? {} : { profile: path.resolve(profile) }) },
  };
}

/** Peak resident memory (VmHWM, kB) of live processes whose command line contains `needle` and whose working folder is `dir`. */
function samplePeak(needle, dir, into) {
  for (const pid of fs.readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8");
      if (!cmd.includes(needle) || fs.realpathSync(`/proc/${pid}/cwd`) !== dir) continue;
      const hwm = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
      if (hwm) into.peakKb = Math.max(into.peakKb, Number(hwm[1]));
    } catch {
      // the process ended between listing and reading
    }
  }
}

/** Runs `fn`, returning seconds, and raises `memory.peakKb` to the provider's peak while it ran. */
async function timed(fn, dir, memory) {
  const probe = { peakKb: 0 };
  const real = fs.realpathSync(dir);
  const timer = setInterval(() => samplePeak("dynamic-provider", real, probe), 50);
  const start = process.hrtime.bigint();
  try {
    await fn();
  } finally {
    clearInterval(timer);
  }
  memory.peakKb = Math.max(memory.peakKb, probe.peakKb);
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** Writes `n` definitions (and one samples file) into `dir`; returns the stack config entries. */
function writeDefinitions(dir, n, prefix) {
  const base = JSON.parse(fs.readFileSync(path.join(repoRoot, "stacks/examples/definition.json"), "utf8"));
  const samplesDir = path.join(repoRoot, "stacks/examples/samples");
  const samples = fs.readdirSync(samplesDir).filter((f) => f.endsWith(".json")).sort().map((f) => JSON.parse(fs.readFileSync(path.join(samplesDir, f), "utf8")));
  fs.writeFileSync(path.join(dir, "samples.json"), JSON.stringify(samples));
  const entries = [];
  for (let i = 0; i < n; i++) {
    const id = `${prefix}-${String(i).padStart(3, "0")}`;
    fs.writeFileSync(path.join(dir, `${id}.json`), JSON.stringify({ ...base, id, eventSourceSuffix: id }));
    entries.push({ definition: `${id}.json`, samples: "samples.json" });
  }
  return entries;
}

/** Every definition file in `dir` rewritten with another region (a change each contract carries). */
function changeRegions(dir, entries, region) {
  for (const e of entries) {
    const file = path.join(dir, e.definition);
    const d = JSON.parse(fs.readFileSync(file, "utf8"));
    d.configuration.region = region;
    fs.writeFileSync(file, JSON.stringify(d));
  }
}

function requestsSince(emulator, mark) {
  const j = emulator.journal().slice(mark);
  const isApi = (e) => e.path.startsWith("/api/") && !e.path.startsWith("/api/v2/organizations/me");
  return {
    perProcess: j.filter((e) => e.path.startsWith("/oauth") || e.path.startsWith("/api/v2/organizations/me")).length,
    api: j.filter((e) => isApi(e) && e.status !== 429).length,
    limited: j.filter((e) => e.status === 429).length,
  };
}

/** The environment of one project's engine runs, with the benchmark's engine options (`name` names its profile folder). */
function projectEnv(ctx, dir, name) {
  const env = engineEnv({ stateDir: path.join(dir, ".state"), home: path.join(dir, ".home"), binDir: ctx.engine.binDir });
  if (ctx.options.skipCheckpoints) env.PULUMI_SKIP_CHECKPOINTS = "true";
  if (ctx.options.profile !== undefined) {
    const into = path.join(ctx.options.profile, name);
    fs.mkdirSync(into, { recursive: true });
    env.BENCH_CPU_PROFILE_DIR = into;
    env.NODE_OPTIONS = [process.env.NODE_OPTIONS, `--require ${JSON.stringify(path.join(__dirname, "bench", "cpu-profile.js"))}`].filter(Boolean).join(" ");
  }
  return env;
}

/** The median and total of the sources' `configurationLatencyMs` (the provider's own time per write, ms). */
function latencies(resources) {
  const ms = resources.map((r) => r.outputs.metrics.configurationLatencyMs).sort((a, b) => a - b);
  return { median: ms[Math.floor(ms.length / 2)] ?? 0, total: ms.reduce((a, b) => a + b, 0) };
}

/** One scenario: the sources and their floor through create, no-change preview and up, update, destroy. */
async function scenario(ctx, { api, n, latencyMs, lag, rateLimit, label }) {
  const { emulator, pulumiCommand, work, LocalWorkspace } = ctx;
  const run = ctx.options.parallel === undefined ? {} : { parallel: ctx.options.parallel };
  const slug = label.replace(/\W+/g, "-");
  process.stderr.write(`bench: ${label}…\n`);
  emulator.state.latencyMs = latencyMs;
  emulator.state.integrationReadLag = lag;
  emulator.state.rateLimiter.configure(rateLimit);
  const min = MINIMUM[api];
  const createWaitMs = min.create * latencyMs + (lag > 0 ? min.lagReads * (latencyMs + POLL_INTERVAL_MS) : 0);
  const updateWaitMs = min.update * latencyMs;
  const deleteWaitMs = min.delete * latencyMs + (lag > 0 ? min.lagReads * (latencyMs + POLL_INTERVAL_MS) : 0);

  const dir = makeProjectDir(path.join(work, `${label.replace(/\W+/g, "-")}-sources`));
  const entries = writeDefinitions(dir, n, `bench-${api === "integrations" ? "i" : "e"}${n}`);
  const stack = await LocalWorkspace.createOrSelectStack(
    { stackName: "bench", workDir: dir },
    { pulumiCommand, envVars: projectEnv(ctx, dir, `${slug}-sources`) },
  );
  await stack.setAllConfig({
    "genesys:apiBaseUrl": { value: emulator.url },
    "genesys:clientId": { value: CLIENT.clientId },
    "genesys:clientSecret": { value: CLIENT.clientSecret, secret: true },
    "genesys:api": { value: api },
    "genesys:auditLogPath": { value: "audit.jsonl" },
    "genesys-eventbridge:sources": { value: JSON.stringify(entries) },
  });

  const floorDir = path.join(work, `${label.replace(/\W+/g, "-")}-floor`);
  fs.mkdirSync(floorDir, { recursive: true });
  fs.writeFileSync(path.join(floorDir, "Pulumi.yaml"), "name: bench-floor\nruntime: nodejs\nmain: program.js\n");
  fs.copyFileSync(path.join(__dirname, "bench", "floor-program.js"), path.join(floorDir, "program.js"));
  fs.copyFileSync(path.join(__dirname, "bench", "floor-provider.js"), path.join(floorDir, "floor-provider.js"));
  for (const e of entries) fs.copyFileSync(path.join(dir, e.definition), path.join(floorDir, e.definition));
  fs.copyFileSync(path.join(dir, "samples.json"), path.join(floorDir, "samples.json"));
  if (!fs.existsSync(path.join(floorDir, "node_modules"))) fs.symlinkSync(path.join(repoRoot, "node_modules"), path.join(floorDir, "node_modules"));
  const floor = await LocalWorkspace.createOrSelectStack(
    { stackName: "bench", workDir: floorDir },
    { pulumiCommand, envVars: projectEnv(ctx, floorDir, `${slug}-floor`) },
  );
  await floor.setAllConfig({
    sources: { value: JSON.stringify(entries) },
    waitMs: { value: String(createWaitMs) },
    updateWaitMs: { value: String(updateWaitMs) },
    deleteWaitMs: { value: String(deleteWaitMs) },
  });

  const memory = { peakKb: 0 };
  const floorMemory = { peakKb: 0 };
  const row = { label, api, n, latencyMs, lag, min, createWaitMs, updateWaitMs, deleteWaitMs };
  let mark = emulator.journal().length;
  row.up = await timed(() => stack.up(run), dir, memory);
  row.createRequests = requestsSince(emulator, mark);
  await writeFloorOutputs(stack, floorDir);
  row.floorUp = await timed(() => floor.up(run), floorDir, floorMemory);

  const state = await stack.exportStack();
  const floorState = await floor.exportStack();
  const mine = state.deployment.resources.filter((r) => r.type.endsWith(":EventBridgeSource"));
  const theirs = floorState.deployment.resources.filter((r) => r.type.endsWith(":Floor"));
  row.createLatency = latencies(mine);
  row.providerBytes = Math.max(...mine.map((r) => Buffer.byteLength(String(r.inputs.__provider))));
  row.floorProviderBytes = Math.max(...theirs.map((r) => Buffer.byteLength(String(r.inputs.__provider))));
  row.stateBytes = mine.reduce((s, r) => s + Buffer.byteLength(JSON.stringify(r)), 0) / n;
  row.floorStateBytes = theirs.reduce((s, r) => s + Buffer.byteLength(JSON.stringify(r)), 0) / n;

  if (rateLimit === undefined) {
    mark = emulator.journal().length;
    row.preview = await timed(() => stack.preview(run), dir, memory);
    row.previewRequests = requestsSince(emulator, mark);
    row.floorPreview = await timed(() => floor.preview(run), floorDir, floorMemory);
    mark = emulator.journal().length;
    row.noChangeUp = await timed(() => stack.up({ ...run, expectNoChanges: true }), dir, memory);
    row.noChangeRequests = requestsSince(emulator, mark);
    row.floorNoChangeUp = await timed(() => floor.up({ ...run, expectNoChanges: true }), floorDir, floorMemory);
    changeRegions(dir, entries, "eu-west-1");
    changeRegions(floorDir, entries, "eu-west-1");
    mark = emulator.journal().length;
    row.update = await timed(() => stack.up(run), dir, memory);
    row.updateRequests = requestsSince(emulator, mark);
    row.updateLatency = latencies((await stack.exportStack()).deployment.resources.filter((r) => r.type.endsWith(":EventBridgeSource")));
    await writeFloorOutputs(stack, floorDir);
    row.floorUpdate = await timed(() => floor.up(run), floorDir, floorMemory);
  }
  mark = emulator.journal().length;
  row.destroy = await timed(() => stack.destroy(run), dir, memory);
  row.deleteRequests = requestsSince(emulator, mark);
  row.floorDestroy = await timed(() => floor.destroy(run), floorDir, floorMemory);
  row.peakMb = memory.peakKb / 1024;
  row.floorPeakMb = floorMemory.peakKb / 1024;
  emulator.state.rateLimiter.configure(undefined);
  return row;
}

/** The times, peaks and latencies of a row that the best of several runs takes (the least of each); the rest is the last run's. */
const BEST_OF = ["up", "floorUp", "preview", "floorPreview", "noChangeUp", "floorNoChangeUp", "update", "floorUpdate", "destroy", "floorDestroy", "peakMb", "floorPeakMb"];

/** Runs a scenario `runs` times, one after the other, and keeps the least of each time and peak (each side's own best). */
async function bestOf(runs, once) {
  let row;
  for (let i = 0; i < runs; i++) {
    const next = await once();
    if (row !== undefined) for (const k of BEST_OF) if (next[k] !== undefined) next[k] = Math.min(next[k], row[k]);
    row = next;
  }
  return { ...row, runs };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const { startEmulator } = require("../dist/src/emulator");
  const { LocalWorkspace, PulumiCommand } = require("@pulumi/pulumi/automation");
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "ebs-bench-"));
  const engine = ensureEngine();
  const pulumiCommand = await PulumiCommand.get({ root: engine.root, skipVersionCheck: true });
  const emulator = await startEmulator({ port: 0, ...CLIENT });
  const ctx = { emulator, pulumiCommand, engine, work, LocalWorkspace, options: args.engine };
  ctx.projectEnv = (dir, name) => projectEnv(ctx, dir, name);
  const rows = [];
  let rateRows = [];
  try {
    const best = (spec) => bestOf(args.runs, () => scenario(ctx, spec));
    for (const n of args.sizes) rows.push(await best({ api: "event-streams", n, latencyMs: 0, lag: 0, label: `event-streams ${n}` }));
    if (args.integrations > 0) {
      rows.push(await best({
        api: "integrations", n: args.integrations, latencyMs: args.latencyMs, lag: 1, label: `integrations ${args.integrations} at ${args.latencyMs} ms`,
      }));
    }
    if (args.storm > 0) {
      rows.push(await scenario(ctx, {
        api: "integrations", n: args.storm, latencyMs: 0, lag: 0, rateLimit: { capacity: 10, refillPerSecond: 5 }, label: `integrations ${args.storm}, rate limit 10 + 5/s`,
      }));
    }
    if (args.perToken > 0) {
      const { DEFAULT_TOKEN_POOL } = require("../dist/src/genesys/token-pool");
      rateRows = await rateLimitScenarios(ctx, { n: args.perToken, window: { allowed: 30, windowSeconds: 6 }, pool: DEFAULT_TOKEN_POOL, client: CLIENT });
    }
  } finally {
    await emulator.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
  report(rows, args.engine, rateLimitReport(rateRows), args);
}

/** The engine options of a run, in words. */
function engineOptionsText(options) {
  const parts = [
    options.parallel === undefined ? "default --parallel" : `--parallel ${options.parallel}`,
    options.skipCheckpoints ? "PULUMI_SKIP_CHECKPOINTS=true" : "checkpoints after every step",
  ];
  if (options.profile !== undefined) parts.push("CPU profiles written (slower)");
  return parts.join(", ");
}

function latencyText(l) {
  return l === undefined ? "–" : `${l.median} (${(l.total / 1000).toFixed(1)})`;
}

/** The rate-limit section of bench/RESULTS.md, between these marks, so that a run of it alone keeps the rest. */
const RATE_LIMIT_MARKS = ["<!-- per-token model: start -->", "<!-- per-token model: end -->"];

function report(rows, options, rateLimitText, { runs, out: resultsPath, argv }) {
  const section = rateLimitText === "" ? "" : `${RATE_LIMIT_MARKS[0]}\n${rateLimitText}\n${RATE_LIMIT_MARKS[1]}`;
  const shown = path.relative(repoRoot, resultsPath);
  if (rows.length === 0) {
    if (section === "") return;
    console.log(rateLimitText);
    const old = fs.existsSync(resultsPath) ? fs.readFileSync(resultsPath, "utf8") : "# Benchmark results\n";
    const [start, end] = RATE_LIMIT_MARKS;
    const kept = old.includes(start) && old.includes(end) ? old.slice(0, old.indexOf(start)) + old.slice(old.indexOf(end) + end.length).replace(/^\n/, "") : old;
    fs.writeFileSync(resultsPath, `${kept.replace(/\n*$/, "\n\n")}${section}\n`);
    console.log(`\nwritten to ${shown}`);
    return;
  }
  const f = (x) => (x === undefined ? "–" : x.toFixed(2));
  const perOp = (r, reqs, min) => (reqs === undefined ? "–" : `${(reqs.api / r.n).toFixed(2)} (${min})`);
  const pair = (mine, floor) => `${f(mine)} (${f(floor)}) | ${f(mine / floor)}`;
  const timing = [
    "| scenario | up s (floor) | ratio | no-change preview s (floor) | ratio | no-change up s (floor) | ratio | update s (floor) | ratio | destroy s (floor) | ratio | floor waits: create, update, delete |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...rows.map((r) => `| ${r.label} | ${pair(r.up, r.floorUp)} | ${pair(r.preview, r.floorPreview)} | ${pair(r.noChangeUp, r.floorNoChangeUp)} | ${pair(r.update, r.floorUpdate)} | ${pair(r.destroy, r.floorDestroy)} | ${r.createWaitMs}, ${r.updateWaitMs}, ${r.deleteWaitMs} ms |`),
  ].join("\n");
  const requests = [
    "| scenario | create (min) | no-change preview (min) | no-change up (min) | update (min) | delete (min) | token + organization lookups | answered 429 |",
    "|---|---:|---:|---:|---:|---:|---:|---:|",
    ...rows.map((r) => {
      const lag = r.lag > 0 ? r.min.lagReads : 0;
      const processes = [r.createRequests, r.previewRequests, r.noChangeRequests, r.updateRequests, r.deleteRequests].filter(Boolean).map((x) => x.perProcess).join("+");
      const limited = [r.createRequests, r.deleteRequests].map((x) => x.limited).reduce((a, b) => a + b, 0);
      return `| ${r.label} | ${perOp(r, r.createRequests, r.min.create + lag)} | ${perOp(r, r.previewRequests, 0)} | ${perOp(r, r.noChangeRequests, 0)} | ${perOp(r, r.updateRequests, r.min.update)} | ${perOp(r, r.deleteRequests, r.min.delete + lag)} | ${processes} | ${limited} |`;
    }),
  ].join("\n");
  const storm = rows.filter((r) => r.createRequests.limited > 0).map((r) => {
    const served = r.createRequests.api + r.createRequests.perProcess;
    const minimum = Math.max(0, served - 10) / 5;
    return `${r.label}: up took ${f(r.up)} s for ${served} served requests (${r.createRequests.limited} answered 429); the bucket allows them in ${f(minimum)} s at best: ratio ${f(r.up / minimum)}`;
  });
  const latency = [
    "| scenario | create: median ms (sum s) | update: median ms (sum s) |",
    "|---|---:|---:|",
    ...rows.map((r) => `| ${r.label} | ${latencyText(r.createLatency)} | ${latencyText(r.updateLatency)} |`),
  ].join("\n");
  const size = [
    "| scenario | __provider bytes (floor) | state bytes per resource (floor) | ratio | provider peak RSS MB (floor) | ratio |",
    "|---|---:|---:|---:|---:|---:|",
    ...rows.map((r) => `| ${r.label} | ${r.providerBytes} (${r.floorProviderBytes}) | ${Math.round(r.stateBytes)} (${Math.round(r.floorStateBytes)}) | ${f(r.stateBytes / r.floorStateBytes)} | ${r.peakMb.toFixed(1)} (${r.floorPeakMb.toFixed(1)}) | ${f(r.peakMb / r.floorPeakMb)} |`),
  ].join("\n");
  const text = ["Time", "", timing, "", "Requests per source and operation (the contract's minimum)", "", requests, "", ...storm, "",
    "The provider's own time per write (`metrics.configurationLatencyMs`: from the provider's call to the re-read after the write; the rest of a step is the engine's)", "", latency, "", "Size and memory", "", size].join("\n");
  console.log(text);
  if (rateLimitText !== "") console.log(`\n${rateLimitText}`);
  const cpu = (os.cpus()[0] || { model: "unknown" }).model;
  const doc = [
    "# Benchmark results",
    "",
    `Written by \`npm run bench${argv.length === 0 ? "" : ` -- ${argv.join(" ")}`}\`: the real Pulumi engine (the CLI built from its Go`,
    "modules and this repository's language host) and the emulator on loopback,",
    "measured side by side in one run. The floor is the same engine deploying as",
    "many no-op dynamic resources with the same inputs, the same output",
    "properties and, byte for byte, the sources' own outputs (recorded after",
    "their up and their update; only the serialized provider, `__provider`, is",
    "the floor's own), whose create, update and delete each wait as long as the contract's",
    "minimum request chain for it takes at the scenario's latency; a ratio is",
    "sources time / floor time.",
    "Requests are counted in the emulator's journal per source and operation,",
    "next to the contract's minimum; the token and organization lookups happen",
    "once per provider process (one per `pulumi` command). Peak RSS is the",
    "dynamic-provider process's VmHWM, sampled every 50 ms.",
    "",
    `Engine options: ${engineOptionsText(options)}.${runs > 1 ? ` Each time and peak is the least of ${runs} runs of the whole scenario, each side its own.` : ""}`,
    "",
    `Machine: ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}, Node.js ${process.version}; run ${new Date().toISOString().slice(0, 10)}.`,
    "",
    text,
    "",
    ...(section === "" ? [] : [section, ""]),
  ].join("\n");
  fs.mkdirSync(path.dirname(resultsPath), { recursive: true });
  fs.writeFileSync(resultsPath, doc);
  console.log(`\nwritten to ${shown}`);
}

main().catch((e) => {
  console.error(`bench failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
