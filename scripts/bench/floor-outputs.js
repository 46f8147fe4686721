"use strict";
/**
 * The floor's outputs, byte for byte the sources' own: after the sources'
 * `up` (and again after their update), each EventBridgeSource's recorded
 * outputs are written to `<floor>/outputs/<sourceId>.json`, and the floor's
 * create and update return them (scripts/bench/floor-program.js), so that
 * the engine carries, diffs and saves state of the same size on both sides.
 */
const fs = require("node:fs");
const path = require("node:path");

/** Writes the recorded outputs (without `__provider`) of every source in `stack`'s state into `floorDir/outputs/`. */
async function writeFloorOutputs(stack, floorDir) {
  const state = await stack.exportStack();
  const dir = path.join(floorDir, "outputs");
  fs.mkdirSync(dir, { recursive: true });
  for (const r of state.deployment.resources.filter((x) => x.type.endsWith(":EventBridgeSource"))) {
    const { __provider, ...outputs } = r.outputs;
    fs.writeFileSync(path.join(dir, `${outputs.sourceId}.json`), JSON.stringify(outputs));
  }
}

module.exports = { writeFloorOutputs };
