"use strict";
/**
 * The benchmark's rate-limit scenarios: the Integrations API under the
 * platform's per-token model (fixed windows per access token, like Genesys
 * Cloud's 300 a minute, scaled down to keep the run short: by default 30
 * requests per 6 s, the same 5 a second), creating the same sources once on
 * one token (`genesys:tokenPool 1`) and once on the default pool, then
 * destroying them on the pool.
 *
 * Each run is reported against the model's minimum for the requests it made:
 * with `k` tokens of `allowed` requests per `window`, `N` requests need
 * ceil(N / (k * allowed)) windows, of which the last need not be waited out,
 * so no client can finish them in less than (ceil(N / (k * allowed)) - 1) *
 * window. Next to it, the same minimum for what Genesys's Terraform provider
 * needs for as many integrations on its default pool of 10 tokens: 7
 * requests per integration and 13 per provider start.
 */
const fs = require("node:fs");
const path = require("node:path");
const { engineEnv } = require("../engine-env");
const { makeProjectDir, repoRoot } = require("../project-dir");
const { writeFloorOutputs } = require("./floor-outputs");

/** The Terraform provider against the same emulator: requests per integration, per provider start, and its default pool. */
const TERRAFORM = { perSource: 7, perStart: 13, pool: 10 };

/** The least time `requests` take under `tokens` tokens of `allowed` per `windowSeconds`. */
function modelMinimumSeconds(requests, tokens, { allowed, windowSeconds }) {
  return Math.max(0, Math.ceil(requests / (tokens * allowed)) - 1) * windowSeconds;
}

function writeDefinitions(dir, n, prefix) {
  const base = JSON.parse(fs.readFileSync(path.join(repoRoot, "stacks/examples/definition.json"), "utf8"));
  const entries = [];
  for (let i = 0; i < n; i++) {
    const id = `${prefix}-${String(i).padStart(3, "0")}`;
    fs.writeFileSync(path.join(dir, `${id}.json`), JSON.stringify({ ...base, id, eventSourceSuffix: id }));
    entries.push({ definition: `${id}.json` });
  }
  return entries;
}

/**
 * What the journal holds since `mark`: API requests served and answered 429,
 * tokens issued, and when the requests began and ended within the run that
 * started at `startMs` and ended at `endMs`.
 */
function tally(emulator, mark, startMs, endMs) {
  const j = emulator.journal().slice(mark);
  const api = j.filter((e) => e.path.startsWith("/api/"));
  const times = api.map((e) => Date.parse(e.time));
  const first = times.length === 0 ? startMs : Math.min(...times);
  const last = times.length === 0 ? endMs : Math.max(...times);
  return {
    // From the first API request to the last: the time the requests themselves took, without the engine's start and end.
    spanSeconds: (last - first) / 1000,
    // Before the first request (the engine's and the program's start, the first checks) and after the last (the engine's end).
    beforeSeconds: (first - startMs) / 1000,
    afterSeconds: (endMs - last) / 1000,
    served: api.filter((e) => e.status !== 429).length,
    answered429: api.filter((e) => e.status === 429).length,
    tokens: j.filter((e) => e.path === "/oauth/token" && e.status === 200).length,
  };
}

/** Runs `fn`; its start and end (epoch ms, as the journal's times) and seconds. */
async function timedRun(fn) {
  const startMs = Date.now();
  const start = process.hrtime.bigint();
  await fn();
  return { startMs, endMs: Date.now(), seconds: Number(process.hrtime.bigint() - start) / 1e9 };
}

async function seconds(fn) {
  return (await timedRun(fn)).seconds;
}

/**
 * Runs the scenarios; `ctx` is the benchmark's (emulator, engine, work
 * folder, Automation API, engine options and their environment), `n` the number of sources, `window` the per-token
 * model, `pool` the default pool size.
 */
async function rateLimitScenarios(ctx, { n, window, pool, client }) {
  const { emulator, pulumiCommand, engine, work, LocalWorkspace } = ctx;
  const rows = [];
  for (const tokenPool of [1, pool]) {
    const label = `integrations ${n}, ${window.allowed} per ${window.windowSeconds} s per token, ${tokenPool === 1 ? "1 token" : `pool of ${tokenPool}`}`;
    process.stderr.write(`bench: ${label}…\n`);
    await emulator.reset();
    emulator.state.rateWindows.configure({ perToken: window });
    const dir = makeProjectDir(path.join(work, `rate-limit-pool-${tokenPool}`));
    const entries = writeDefinitions(dir, n, `bench-r${tokenPool}`);
    const envVars = ctx.projectEnv === undefined
      ? engineEnv({ stateDir: path.join(dir, ".state"), home: path.join(dir, ".home"), binDir: engine.binDir })
      : ctx.projectEnv(dir, `rate-limit-pool-${tokenPool}`);
    const stack = await LocalWorkspace.createOrSelectStack({ stackName: "bench", workDir: dir }, { pulumiCommand, envVars });
    await stack.setAllConfig({
      "genesys:apiBaseUrl": { value: emulator.url },
      "genesys:clientId": { value: client.clientId },
      "genesys:clientSecret": { value: client.clientSecret, secret: true },
      "genesys:api": { value: "integrations" },
      "genesys:tokenPool": { value: String(tokenPool) },
      "genesys:auditLogPath": { value: "audit.jsonl" },
      "genesys-eventbridge:sources": { value: JSON.stringify(entries) },
    });
    let mark = emulator.journal().length;
    const row = { label, n, tokenPool, window, entries, dir, stack };
    const run = ctx.options?.parallel === undefined ? {} : { parallel: ctx.options.parallel };
    const up = await timedRun(() => stack.up(run));
    row.up = up.seconds;
    row.upRequests = tally(emulator, mark, up.startMs, up.endMs);
    if (tokenPool !== 1) {
      mark = emulator.journal().length;
      const destroy = await timedRun(() => stack.destroy(run));
      row.destroy = destroy.seconds;
      row.destroyRequests = tally(emulator, mark, destroy.startMs, destroy.endMs);
    }
    rows.push(row);
  }
  emulator.state.rateWindows.configure({});
  await emulator.reset();
  // The 1-token run's sources are still up: the floor returns their outputs.
  const floor = await engineFloor(ctx, rows[0]);
  return rows.map((r) => ({ ...r, floor }));
}

/**
 * The engine's own time for as many no-op resources with the same inputs and
 * outputs (scripts/bench/floor-program.js, no waits): what no client of any rate
 * limit can go below.
 */
async function engineFloor(ctx, { entries, dir: sourcesDir, stack: sources }) {
  const { pulumiCommand, engine, work, LocalWorkspace } = ctx;
  process.stderr.write("bench: the engine's floor for the per-token scenarios…\n");
  const dir = path.join(work, "rate-limit-floor");
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: bench-floor\nruntime: nodejs\nmain: program.js\n");
  fs.copyFileSync(path.join(__dirname, "floor-program.js"), path.join(dir, "program.js"));
  fs.copyFileSync(path.join(__dirname, "floor-provider.js"), path.join(dir, "floor-provider.js"));
  for (const e of entries) fs.copyFileSync(path.join(sourcesDir, e.definition), path.join(dir, e.definition));
  if (!fs.existsSync(path.join(dir, "node_modules"))) fs.symlinkSync(path.join(repoRoot, "node_modules"), path.join(dir, "node_modules"));
  await writeFloorOutputs(sources, dir);
  const envVars = ctx.projectEnv === undefined
    ? engineEnv({ stateDir: path.join(dir, ".state"), home: path.join(dir, ".home"), binDir: engine.binDir })
    : ctx.projectEnv(dir, "rate-limit-floor");
  const stack = await LocalWorkspace.createOrSelectStack({ stackName: "bench", workDir: dir }, { pulumiCommand, envVars });
  await stack.setAllConfig({ sources: { value: JSON.stringify(entries) } });
  const run = ctx.options?.parallel === undefined ? {} : { parallel: ctx.options.parallel };
  const up = await seconds(() => stack.up(run));
  const destroy = await seconds(() => stack.destroy(run));
  return { up, destroy };
}

/** The scenarios' section of the results: a table and how it is read. */
function rateLimitReport(rows) {
  if (rows.length === 0) return "";
  const f = (x) => (x === undefined || !Number.isFinite(x) ? "–" : x.toFixed(2));
  const line = (row, phase, time, requests) => {
    const tokens = Math.max(1, requests.tokens);
    const minimum = modelMinimumSeconds(requests.served + requests.answered429, tokens, row.window);
    const terraform = phase === "up" ? modelMinimumSeconds(TERRAFORM.perSource * row.n + TERRAFORM.perStart, TERRAFORM.pool, row.window) : undefined;
    const floor = row.floor[phase];
    const bound = Math.max(minimum, floor);
    return `| ${row.label}: ${phase} | ${f(time)} | ${requests.served} | ${requests.tokens} | ${requests.answered429} | ${f(minimum)} | ${f(time / minimum)} | ${f(requests.beforeSeconds)} | ${f(requests.spanSeconds)} (${f(requests.spanSeconds / minimum)}) | ${f(requests.afterSeconds)} | ${f(floor)} | ${f(time / bound)} | ${terraform === undefined ? "–" : `${f(terraform)} (${f(time / terraform)})`} |`;
  };
  const window = rows[0].window;
  return [
    `Rate limits: the platform's per-token model (${window.allowed} requests per ${window.windowSeconds} s per token)`,
    "",
    "| run | s | API requests served | tokens | answered 429 | model minimum s | ratio | before the first request s | first to last request s (ratio) | after the last request s | engine floor s | ratio to the larger | Terraform provider's model minimum s (ratio) |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...rows.flatMap((r) => [line(r, "up", r.up, r.upRequests), ...(r.destroy === undefined ? [] : [line(r, "destroy", r.destroy, r.destroyRequests)])]),
    "",
    "The model minimum is the least time any client needs for the requests the run made on the tokens it used",
    "(ceil(requests / (tokens × allowed)) − 1 windows); the engine floor is the same engine creating and destroying",
    "as many no-op resources with the same inputs (no requests at all): neither can be beaten, and the ratio to the",
    "larger of the two says what the provider adds. First to last request is the span of the run's API requests in",
    "the emulator's journal, against the model minimum: the pacing's own efficiency, without the engine's start and",
    "end (the columns before and after it). The Terraform provider's model minimum is the model minimum for",
    "7 requests per integration and 13 per start spread over its default 10 tokens. Every answer 429 is a request",
    "the pacing did not foresee.",
  ].join("\n");
}

module.exports = { rateLimitScenarios, rateLimitReport, modelMinimumSeconds };
