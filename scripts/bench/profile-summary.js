"use strict";
/**
 * Where a dynamic-provider process spent its time, from the CPU profiles the
 * benchmark writes with `--profile DIR` (one `.cpuprofile` per process).
 * Self time is summed per part: this package (`dist/src/...` by folder), the
 * Pulumi SDK, gRPC and protobuf, other packages, Node.js itself, garbage
 * collection, and idle (waiting on the engine, the network or the disk);
 * the heaviest functions follow.
 *
 * usage: node scripts/bench/profile-summary.js DIR [--top 15]
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
  if (!dir) {
    console.error("usage: node scripts/bench/profile-summary.js DIR [--top 15]");
    process.exit(2);
  }
  const files = fs.readdirSync(dir).filter((f) => f.endsWith(".cpuprofile")).sort();
  const parts = new Map();
  const functions = new Map();
  let total = 0;
  for (const f of files) {
    const s = summarize(path.join(dir, f));
    total += s.total;
    for (const [k, v] of s.parts) parts.set(k, (parts.get(k) ?? 0) + v);
    for (const [k, v] of s.functions) functions.set(k, (functions.get(k) ?? 0) + v);
  }
  const busy = total - (parts.get("idle") ?? 0);
  const ms = (us) => (us / 1000).toFixed(0);
  console.log(`${files.length} processes, ${ms(total)} ms profiled, ${ms(busy)} ms busy\n`);
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
