"use strict";
// The floor's provider (see floor-program.js), loaded by the serialized
// provider from the floor's project folder, as the sources' provider loads
// its implementation: no-op operations that wait the minimum request chain
// and return the sources' recorded outputs (outputs/<sourceId>.json, see
// floor-outputs.js), else outputs of the same shape.
const crypto = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");

const hash = (v) => crypto.createHash("sha256").update(JSON.stringify(v) ?? "").digest("hex");
const wait = (ms) => (ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve());

/** Outputs shaped like an EventBridgeSource's, for a floor without recorded outputs: the inputs (samples as a hash) and the rest. */
function outputsOf(inputs) {
  const kept = { ...inputs };
  delete kept.samples;
  if (inputs.samples !== undefined) kept.samplesHash = hash(inputs.samples);
  const partner = `aws.partner/genesys.com/cloud/00000000-0000-0000-0000-000000000000/${inputs.sourceId}`;
  return {
    ...kept,
    remoteId: inputs.sourceId,
    api: "floor",
    etag: '"1-0123456789abcdef"',
    payloadHash: hash(inputs.filters),
    payloadBytes: JSON.stringify(inputs).length,
    auditId: "00000000-0000-4000-8000-000000000000",
    auditHead: hash(inputs.configuration),
    auditTime: new Date().toISOString(),
    remoteStateHash: hash(inputs.transformations),
    drift: [],
    facts: { partnerEventSourceName: partner },
    partnerEventSourceName: partner,
    eventPatterns: [JSON.stringify({ "detail-type": (inputs.filters ?? []).map((f) => f.eventType), detail: { eventBody: inputs.filters } })],
    inputTransformer: { inputPaths: { a: "$.detail.eventBody.a" }, inputTemplate: JSON.stringify(inputs.transformations ?? []) },
    transform: null,
    undelivered: [],
    metrics: { configurationLatencyMs: 0, validationSuccessRate: 1, registrationStatus: "created", retries: 0, requestsAnswered429: 0, conflicts: 0 },
  };
}

/** The sources' recorded outputs for `sourceId`, or undefined. */
function recordedOutputs(sourceId) {
  try {
    return JSON.parse(fs.readFileSync(path.join(__dirname, "outputs", `${sourceId}.json`), "utf8"));
  } catch {
    return undefined;
  }
}

/** The outputs of a create or update, with the hash of the inputs that `diff` compares and the waits (a delete gets only the outputs). */
function floorOutputs(props) {
  const inputs = inputsOf(props);
  const { waitMs, updateWaitMs, deleteWaitMs } = props;
  return { ...(recordedOutputs(inputs.sourceId) ?? outputsOf(inputs)), inputsHash: hash(inputs), waitMs, updateWaitMs, deleteWaitMs };
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
