"use strict";
/**
 * Engine helpers shared by the engine tests, the demo and the benchmark: find
 * (or build) the Pulumi CLI with scripts/pulumi-engine.sh and describe the
 * environment of an offline run against a local file backend.
 *
 * Plain CommonJS so that Node scripts and ts-jest tests can both require it.
 */
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const repoRoot = path.resolve(__dirname, "..");
const engineScript = path.join(__dirname, "pulumi-engine.sh");

/**
 * The passphrase of the local secrets provider in engine runs. It protects
 * nothing: state written with it lives in throw-away test directories.
 */
const TEST_PASSPHRASE = "local-engine-runs-only-not-a-secret";

/** @type {Engine | undefined} */
let cached;

/**
 * Where the engine binaries are.
 * @typedef {object} Engine
 * @property {string} binDir Directory holding `pulumi`, `pulumi-language-nodejs`
 *   and the dynamic-provider plugin `pulumi-resource-pulumi-nodejs`.
 * @property {string} pulumiPath Absolute path of the `pulumi` CLI.
 * @property {string} root The parent of `binDir`: what the Automation API's
 *   `PulumiCommand.get({ root })` expects (it runs `<root>/bin/pulumi`).
 */

/**
 * Finds or builds the engine by running scripts/pulumi-engine.sh (once per
 * process; later calls return the same answer). A first build can take several
 * minutes; its progress is printed on stderr.
 *
 * @returns {Engine}
 * @throws {Error} when the script cannot provide an engine (no Go, no CLI, or a
 *   version mismatch); the script's own explanation is printed on stderr.
 */
function ensureEngine() {
  if (cached) return cached;
  const result = spawnSync("bash", [engineScript], {
    cwd: repoRoot,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  if (result.error) {
    throw new Error(`could not run scripts/pulumi-engine.sh: ${result.error.message}`);
  }
  if (result.status !== 0) {
    throw new Error(
      `scripts/pulumi-engine.sh exited with status ${result.status}; its explanation is printed above`,
    );
  }
  const lines = result.stdout.trim().split("\n");
  const binDir = lines[lines.length - 1].trim();
  const pulumiPath = path.join(binDir, "pulumi");
  if (!path.isAbsolute(binDir) || !fs.existsSync(pulumiPath)) {
    throw new Error(`scripts/pulumi-engine.sh did not print a directory holding pulumi (got '${binDir}')`);
  }
  cached = { binDir, pulumiPath, root: path.dirname(binDir) };
  return cached;
}

/**
 * Like {@link ensureEngine}, but outside CI a missing engine is reported and
 * `undefined` returned so that callers can skip engine work. Under `CI=true` a
 * missing engine is always an error.
 *
 * @param {(message: string) => void} [report] Where to say why the engine is
 *   missing (default: console.warn).
 * @returns {Engine | undefined}
 */
function engineOrSkip(report = (message) => console.warn(message)) {
  try {
    return ensureEngine();
  } catch (error) {
    if (isCI()) throw error;
    report(`skipping engine runs: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

/**
 * The environment variables of an offline engine run: a local file backend in
 * `stateDir`, a private `PULUMI_HOME`, a fixed test passphrase, no update
 * checks, no plugin downloads, no confirmation prompts, and the engine's
 * directory first on PATH. Both directories are created when missing.
 *
 * Merge the result over `process.env` for child processes; the Automation API
 * merges `envVars` itself.
 *
 * @param {object} options
 * @param {string} options.stateDir Directory of the file backend (state, history).
 * @param {string} options.home Directory used as PULUMI_HOME.
 * @param {string} [options.binDir] Engine directory; defaults to {@link ensureEngine}'s.
 * @returns {Record<string, string>}
 */
function engineEnv({ stateDir, home, binDir }) {
  if (!stateDir || !home) throw new Error("engineEnv needs both stateDir and home");
  const state = path.resolve(stateDir);
  const pulumiHome = path.resolve(home);
  fs.mkdirSync(state, { recursive: true });
  fs.mkdirSync(pulumiHome, { recursive: true });
  const bin = binDir ?? ensureEngine().binDir;
  return {
    PULUMI_BACKEND_URL: `file://${state}`,
    PULUMI_CONFIG_PASSPHRASE: TEST_PASSPHRASE,
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    PULUMI_SKIP_CONFIRMATIONS: "true",
    PULUMI_HOME: pulumiHome,
    PATH: [bin, process.env.PATH].filter(Boolean).join(path.delimiter),
  };
}

/** @returns {boolean} whether this process runs under CI (`CI=true` or `CI=1`). */
function isCI() {
  const ci = (process.env.CI ?? "").toLowerCase();
  return ci === "true" || ci === "1";
}

module.exports = { ensureEngine, engineOrSkip, engineEnv, isCI, TEST_PASSPHRASE };
