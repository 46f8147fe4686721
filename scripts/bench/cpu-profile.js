"use strict";
/**
 * Preloaded into every Node.js process of a profiled benchmark command
 * (`NODE_OPTIONS=--require <this file>`, with `BENCH_CPU_PROFILE_DIR` set):
 * the Pulumi program and the dynamic-provider processes alike. Profiles the
 * process with the inspector's CPU profiler and writes
 * `<program|provider>-<epoch ms>-<pid>.cpuprofile` into that folder when the
 * process exits, also when the engine ends it with a signal. (Node.js
 * refuses `--cpu-prof` in NODE_OPTIONS.)
 */
const dir = process.env.BENCH_CPU_PROFILE_DIR;
if (dir) {
  const fs = require("node:fs");
  const path = require("node:path");
  const inspector = require("node:inspector");
  const session = new inspector.Session();
  session.connect();
  session.post("Profiler.enable");
  session.post("Profiler.start");
  const kind = process.argv.some((a) => a.includes("dynamic-provider")) ? "provider" : "program";
  let written = false;
  const write = () => {
    if (written) return;
    written = true;
    // The in-process inspector answers synchronously, so this completes inside an `exit` handler.
    session.post("Profiler.stop", (error, result) => {
      if (error) return;
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, `${kind}-${Date.now()}-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  };
  process.on("exit", write);
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => {
      write();
      process.exit(0);
    });
  }
}
