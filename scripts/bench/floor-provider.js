"use strict";
// The floor's provider (see floor-program.js), loaded by the serialized
// provider from the floor's project folder, as the sources' provider loads
// its implementation: no-op operations that wait the minimum request chain
// and return the sources' recorded outputs (outputs/<sourceId>.json, see
// floor-outputs.js).
const crypto = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");

const hash = (v) => crypto.createHash("sha256").update(JSON.stringify(v) ?? "").digest("hex");
const wait = (ms) => (ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve());

/** The sources' recorded outputs for `sourceId` (the benchmark writes them before every floor run that needs them). */
function recordedOutputs(sourceId) {
  return JSON.parse(fs.readFileSync(path.join(__dirname, "outputs", `${sourceId}.json`), "utf8"));
}

/** The outputs of a create or update, with the hash of the inputs that `diff` compares and the waits (a delete gets only the outputs). */
function floorOutputs(props) {
  const inputs = inputsOf(props);
  const { waitMs, updateWaitMs, deleteWaitMs } = props;
  return { ...recordedOutputs(inputs.sourceId), inputsHash: hash(inputs), waitMs, updateWaitMs, deleteWaitMs };
}

/** The inputs without the engine's `__provider` and the floor's own waits (which the sources do not have). */
function inputsOf(props) {
  const { __provider, waitMs, updateWaitMs, deleteWaitMs, ...inputs } = props;
  return inputs;
}

module.exports = {
  async check(_olds, news) {
    return { inputs: news };
  },
  async diff(_id, olds, news) {
    return { changes: olds.inputsHash !== hash(inputsOf(news)) };
  },
  async create(inputs) {
    await wait(inputs.waitMs);
    return { id: `floor-${inputs.sourceId}`, outs: floorOutputs(inputs) };
  },
  async update(_id, _olds, news) {
    await wait(news.updateWaitMs);
    return { outs: floorOutputs(news) };
  },
  async delete(_id, props) {
    await wait(props.deleteWaitMs);
  },
};
