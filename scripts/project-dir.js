"use strict";
/**
 * A throw-away Pulumi project folder for this repository's stack program: a
 * copy of Pulumi.yaml (and optionally a stack config) plus links to the
 * program (`program.js`, Pulumi.yaml's `main`), the compiled code (`dist/`),
 * the examples (`stacks/`), `node_modules/` and `package.json`.
 *
 * The demo, the engine tests and the benchmark run the real engine in such a
 * folder, so stack config, state and audit logs they write never touch the
 * tracked files. The program and the provider resolve everything through the
 * links exactly as they would in the repository itself.
 */
const fs = require("node:fs");
const path = require("node:path");

const repoRoot = path.resolve(__dirname, "..");

/**
 * Creates (or refreshes) the project folder `dir`.
 *
 * @param {string} dir Folder to create; made absolute.
 * @param {object} [options]
 * @param {string} [options.stack] Also copy `Pulumi.<stack>.yaml` from the repository.
 * @returns {string} the absolute folder
 */
function makeProjectDir(dir, options = {}) {
  const abs = path.resolve(dir);
  fs.mkdirSync(abs, { recursive: true });
  fs.copyFileSync(path.join(repoRoot, "Pulumi.yaml"), path.join(abs, "Pulumi.yaml"));
  if (options.stack) {
    const name = `Pulumi.${options.stack}.yaml`;
    const target = path.join(abs, name);
    if (!fs.existsSync(target)) fs.copyFileSync(path.join(repoRoot, name), target);
  }
  for (const link of ["dist", "stacks", "node_modules", "package.json", "program.js"]) {
    const target = path.join(abs, link);
    if (!fs.existsSync(target)) fs.symlinkSync(path.join(repoRoot, link), target);
  }
  if (!fs.existsSync(path.join(repoRoot, "dist", "stacks", "index.js"))) {
    throw new Error("the stack program is not compiled: run `npm run build` first");
  }
  return abs;
}

module.exports = { makeProjectDir, repoRoot };
