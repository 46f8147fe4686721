"use strict";
/**
 * Benchmark of the delivery impact on a large corpus (default 100,000
 * recorded events, JSON Lines of EventBridge envelopes): reading the corpus
 * with the strict loader, and replaying it through an old and a new
 * definition (a condition change and a mapping change), each measured side
 * by side with a floor in the same run:
 *
 * - read: `readEventCorpus` + `decodeCorpus` against `fs.readFileSync` and
 *   `JSON.parse` per line (the least any reader does);
 * - impact: `deliveryImpact` against matching the two compiled patterns on
 *   every envelope with nothing else (no projection, no counting).
 *
 * Each figure is the median of the runs. Prints a table and writes
 * bench/IMPACT.md.
 *
 * usage: npm run bench:impact [-- --events 100000] [--runs 5]
 */
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const root = path.join(__dirname, "..", "..");
const dist = path.join(root, "dist", "src");
const { validateDefinition } = require(path.join(dist, "definition"));
const { patternMatcher } = require(path.join(dist, "definition", "eventbridge", "match-pattern"));
const { readEventCorpus } = require(path.join(dist, "files", "event-corpus"));
const { decodeCorpus, envelopeOf } = require(path.join(dist, "definition", "impact", "corpus-event"));
const { deliveryImpact } = require(path.join(dist, "definition", "impact", "impact"));
const { routePatterns } = require(path.join(dist, "definition", "impact", "route-patterns"));
const { impactLine } = require(path.join(dist, "definition", "impact", "summary"));

function option(argv, name, fallback) {
  const i = argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(argv[i + 1]);
}

const argv = process.argv.slice(2);
const EVENTS = option(argv, "events", 100000);
const RUNS = option(argv, "runs", 5);
if (!Number.isInteger(EVENTS) || EVENTS < 1 || !Number.isInteger(RUNS) || RUNS < 1) {
  console.error("usage: npm run bench:impact [-- --events 100000] [--runs 5]");
  process.exit(2);
}

function decoded(value) {
  const r = validateDefinition(value);
  if (r._tag === "Left") throw new Error(JSON.stringify(r.left));
  return r.right;
}

const example = JSON.parse(fs.readFileSync(path.join(root, "stacks", "examples", "definition.json"), "utf8"));
const oldDefinition = decoded(example);
const changed = JSON.parse(JSON.stringify(example));
changed.filters[1].conditions[0].value = 300000;
changed.filters[0].conditions[1].value = ["VOICE"];
changed.transformations[1].path = "[1]";
const newDefinition = decoded(changed);

/** A seeded generator (mulberry32), so every run replays the same corpus. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function corpusLines(n) {
  const r = random(20261203);
  const lines = [];
  for (let i = 0; i < n; i++) {
    const end = r() < 0.5;
    const conversationId = `c7d1a5f2-3b9e-4c1a-9f0e-${String(i).padStart(12, "0")}`;
    const body = {
      eventTime: 1705312800000 + i * 1000,
      conversationId,
      participantId: `5b0e8c4d-2f6a-4d1b-8e3c-${String(i % 977).padStart(12, "0")}`,
      mediaType: r() < 0.6 ? "VOICE" : r() < 0.5 ? "MESSAGE" : "EMAIL",
      direction: r() < 0.8 ? "INBOUND" : "OUTBOUND",
      conversationExternalContactIds: Array.from({ length: 1 + Math.floor(r() * 2) }, (_, k) => `3f8a2c1e-6d4b-4a9e-b7c5-${String(i * 2 + k).padStart(12, "0")}`),
      divisionId: `0b7c1d2e-3f4a-4b5c-8d6e-${String(i % 5).padStart(12, "0")}`,
      ...(end ? { disconnectType: "CLIENT", interactingDurationMs: Math.floor(r() * 900000) } : {}),
    };
    const type = `v2.detail.events.conversation.{id}.customer.${end ? "end" : "start"}`;
    lines.push(
      JSON.stringify({
        version: "0",
        id: `6f2a4c1e-1b7d-4c55-9a8e-${String(i).padStart(12, "0")}`,
        "detail-type": type,
        source: "aws.partner/genesys.com/cloud/3f1e2d4c-0000-4000-8000-000000000001/genesys-prod-01",
        account: "123456789012",
        time: "2024-01-15T10:00:00Z",
        region: "us-east-1",
        resources: [],
        detail: { topicName: type.replace("{id}", conversationId), version: "2", eventBody: body },
      }),
    );
  }
  return lines.join("\n") + "\n";
}

/** Runs `fn`: its value, wall-clock seconds, and CPU seconds of this process (user + system; less sensitive to a shared machine's load). */
function seconds(fn) {
  const start = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const value = fn();
  const used = process.cpuUsage(cpu);
  return { value, s: Number(process.hrtime.bigint() - start) / 1e9, cpu: (used.user + used.system) / 1e6 };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "impact-bench-"));
const file = path.join(dir, "recorded.jsonl");
fs.writeFileSync(file, corpusLines(EVENTS));
const bytes = fs.statSync(file).size;

const times = { read: [], readFloor: [], impact: [], impactFloor: [] };
const cpu = { read: [], readFloor: [], impact: [], impactFloor: [] };
const record = (key, run) => {
  times[key].push(run.s);
  cpu[key].push(run.cpu);
  return run.value;
};
let impact;
let corpus;
for (let run = 0; run < RUNS; run++) {
  const read = seconds(() => {
    const r = readEventCorpus(file);
    if (r._tag === "Left") throw new Error(JSON.stringify(r.left));
    const d = decodeCorpus(r.right.values);
    if (d._tag === "Left") throw new Error(JSON.stringify(d.left[0]));
    return d.right;
  });
  corpus = record("read", read);
  record("readFloor", seconds(() => fs.readFileSync(file, "utf8").split("\n").filter((l) => l !== "").map((l) => JSON.parse(l))));
  impact = record("impact", seconds(() => deliveryImpact(oldDefinition, newDefinition, corpus)));
  const patterns = [...routePatterns(oldDefinition), ...routePatterns(newDefinition)].map(patternMatcher);
  const templates = [...new Set([...oldDefinition.filters, ...newDefinition.filters].map((f) => f.eventType))];
  record(
    "impactFloor",
    seconds(() => {
      let n = 0;
      for (const e of corpus) {
        const envelope = envelopeOf(e, templates);
        for (const matches of patterns) if (matches(envelope)) n++;
      }
      return n;
    }),
  );
}
fs.rmSync(dir, { recursive: true, force: true });

const m = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
const c = Object.fromEntries(Object.entries(cpu).map(([k, v]) => [k, median(v)]));
const rows = [
  ["read the corpus (strict loader + decode)", m.read, m.readFloor, c.read, c.readFloor, "readFileSync + JSON.parse per line"],
  ["replay through old and new definition", m.impact, m.impactFloor, c.impact, c.impactFloor, "match both compiled patterns only"],
  ["both (what a preview does)", m.read + m.impact, m.readFloor + m.impactFloor, c.read + c.impact, c.readFloor + c.impactFloor, "both floors"],
];
const table = [
  "| step | s | floor s | ratio | CPU s | floor CPU s | CPU ratio | events per CPU s | floor |",
  "|---|---:|---:|---:|---:|---:|---:|---:|---|",
  ...rows.map(
    ([step, s, floor, cs, cf, what]) =>
      `| ${step} | ${s.toFixed(3)} | ${floor.toFixed(3)} | ${(s / floor).toFixed(2)} | ${cs.toFixed(3)} | ${cf.toFixed(3)} | ${(cs / cf).toFixed(2)} | ${Math.round(EVENTS / cs).toLocaleString("en-US")} | ${what} |`,
  ),
].join("\n");
const rss = Math.round(process.memoryUsage().rss / 1048576);
const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.split(" ").slice(0, 2).join(" ") ?? "CPU"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node.js ${process.version}, load average ${os.loadavg()[0].toFixed(1)} at the end (seconds grow with the load; the ratios are the measure)`;
console.log(table);
console.log(`\n${impactLine(impact)}\ncorpus: ${EVENTS.toLocaleString("en-US")} events, ${(bytes / 1048576).toFixed(1)} MiB of JSON Lines; median of ${RUNS} runs; RSS at the end ${rss} MiB`);

const doc = `# Delivery impact benchmark

Written by \`npm run bench:impact\` (\`-- --events N --runs R\` to change the
corpus size and the number of runs). A corpus of ${EVENTS.toLocaleString("en-US")} recorded events
(JSON Lines of EventBridge envelopes, ${(bytes / 1048576).toFixed(1)} MiB, generated from a seed)
is read with the strict loader and replayed through the example definition
and a changed one (a raised threshold, a narrowed \`in\`, another array
element extracted). Each step is measured side by side with a floor in the same run,
the median of ${RUNS} runs; a ratio is step time / floor time, in wall-clock
seconds and in CPU seconds of the process (on a shared machine the CPU
figures are the steadier ones).

Machine: ${machine}; run ${new Date().toISOString().slice(0, 10)}.

${table}

Result: \`${impactLine(impact)}\`. Resident memory at the end of the run: ${rss} MiB.
`;
fs.writeFileSync(path.join(root, "bench", "IMPACT.md"), doc);
