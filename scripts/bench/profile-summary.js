"use strict";
/**
 * Where the Node.js processes of a command spent their time (the Pulumi
 * program and the dynamic provider), from the CPU profiles the benchmark
 * writes with `--profile DIR` (one `<program|provider>-....cpuprofile` per
 * process): one line per process (alive, busy, this package's own), then,
 * summed over the processes of `--kind` (default: all), the parts below.
 * Self time is summed per part: this package (`dist/src/...` by folder), the
 * Pulumi SDK, gRPC and protobuf, other packages, Node.js itself, garbage
 * collection, and idle (waiting on the engine, the network or the disk);
 * the heaviest functions follow.
 *
 * usage: node scripts/bench/profile-summary.js DIR [--top 15] [--kind program|provider]
 */
const fs = require("node:fs");
const path = require("node:path");

function partOf(url, name) {
  if (name === "(idle)") return "idle";
  if (name === "(garbage collector)") return "garbage collection";
  if (name === "(program)" || name === "(root)") return "Node.js (native)";
  const ours = /\/dist\/src\/([^/]+)\//.exec(url);
  if (ours) return `ours: src/${ours[1]}`;
  if (/node_modules\/@pulumi\/pulumi\//.test(url)) return "Pulumi SDK";
  if (/node_modules\/(@grpc|google-protobuf|protobufjs)\//.test(url)) return "gRPC and protobuf";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (pkg) return `package ${pkg[1]}`;
  if (url.startsWith("node:") || url === "") return "Node.js (core)";
  return "other";
}

function summarize(file) {
  const profile = JSON.parse(fs.readFileSync(file, "utf8"));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const deltas = profile.timeDeltas;
  for (let i = 0; i < profile.samples.length; i++) {
    self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + (deltas[i] ?? 0));
  }
  const parts = new Map();
  const functions = new Map();
  let total = 0;
  for (const [id, us] of self) {
    const node = byId.get(id);
    const { url, functionName, lineNumber } = node.callFrame;
    const part = partOf(url, functionName);
    parts.set(part, (parts.get(part) ?? 0) + us);
    const key = `${functionName || "(anonymous)"} ${url.replace(/^.*\/(node_modules|dist)\//, "$1/")}:${lineNumber + 1}`;
    if (part !== "idle") functions.set(key, (functions.get(key) ?? 0) + us);
    total += us;
  }
  return { total, parts, functions };
}

function main() {
  const dir = process.argv[2];
  const at = process.argv.indexOf("--top");
  const top = at === -1 ? 15 : Number(process.argv[at + 1]);
  const kindAt = process.argv.indexOf("--kind");
  const kind = kindAt === -1 ? undefined : process.argv[kindAt + 1];
  if (!dir) {
    console.error("usage: node scripts/bench/profile-summary.js DIR [--top 15] [--kind program|provider]");
    process.exit(2);
  }
  // In the order the processes ended; the language host's short-lived helper processes (under 100 ms) are left out.
  const stamp = (f) => Number(f.split("-")[1] ?? 0);
  const all = fs.readdirSync(dir).filter((f) => f.endsWith(".cpuprofile")).sort((a, b) => stamp(a) - stamp(b));
  const ms = (us) => (us / 1000).toFixed(0);
  const summaries = all.map((f) => ({ f, s: summarize(path.join(dir, f)) })).filter(({ s }) => s.total >= 100_000);
  console.log("| process | alive ms | busy ms | this package's own ms |\n|---|---:|---:|---:|");
  for (const { f, s } of summaries) {
    const busy = s.total - (s.parts.get("idle") ?? 0);
    const ours = [...s.parts].filter(([k]) => k.startsWith("ours:")).reduce((a, [, v]) => a + v, 0);
    console.log(`| ${f.split("-")[0]} (${f}) | ${ms(s.total)} | ${ms(busy)} | ${ms(ours)} |`);
  }
  console.log("");
  const files = summaries.filter(({ f }) => kind === undefined || f.startsWith(`${kind}-`));
  const parts = new Map();
  const functions = new Map();
  let total = 0;
  for (const { s } of files) {
    total += s.total;
    for (const [k, v] of s.parts) parts.set(k, (parts.get(k) ?? 0) + v);
    for (const [k, v] of s.functions) functions.set(k, (functions.get(k) ?? 0) + v);
  }
  const busy = total - (parts.get("idle") ?? 0);
  console.log(`${files.length} ${kind ?? ""} processes, ${ms(total)} ms profiled, ${ms(busy)} ms busy\n`.replace("  ", " "));
  console.log("| part | self ms | share of busy |\n|---|---:|---:|");
  // Packages under 1 % of the busy time are summed as one line.
  const shown = new Map();
  for (const [k, v] of parts) {
    const key = k.startsWith("package ") && v < busy / 100 ? "other packages (each under 1 %)" : k;
    shown.set(key, (shown.get(key) ?? 0) + v);
  }
  for (const [k, v] of [...shown].sort((a, b) => b[1] - a[1])) {
    console.log(`| ${k} | ${ms(v)} | ${k === "idle" ? "–" : `${((100 * v) / busy).toFixed(1)} %`} |`);
  }
  console.log("\n| function | self ms |\n|---|---:|");
  for (const [k, v] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`| ${k} | ${ms(v)} |`);
}

main();
