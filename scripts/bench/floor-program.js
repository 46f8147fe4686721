"use strict";
// The engine's floor for the benchmark: one no-op dynamic resource per source
// definition, with the same inputs an EventBridgeSource gets and outputs of
// the same shape and size, deployed by the same engine. With `waitMs` set,
// each create waits that long: the minimum request chain a real create needs
// at the emulator's latency, so that a ratio measures what the provider adds;
// `updateWaitMs` and `deleteWaitMs` do the same for an update and a delete. A
// change of the inputs (their hash, kept in the outputs) is an update.
const fs = require("node:fs");
const path = require("node:path");
const pulumi = require("@pulumi/pulumi");

const config = new pulumi.Config();
const entries = JSON.parse(config.require("sources"));
const waitMs = Number(config.get("waitMs") ?? "0");
const updateWaitMs = Number(config.get("updateWaitMs") ?? "0");
const deleteWaitMs = Number(config.get("deleteWaitMs") ?? "0");
const hash = (v) => require("node:crypto").createHash("sha256").update(JSON.stringify(v) ?? "").digest("hex");
const wait = (ms) => (ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve());

/** The outputs of a create or update: the inputs (samples as a hash) and outputs shaped like an EventBridgeSource's. */
function outputsOf(inputs) {
  const kept = { ...inputs };
  delete kept.samples;
  if (inputs.samples !== undefined) kept.samplesHash = hash(inputs.samples);
  const partner = `aws.partner/genesys.com/cloud/00000000-0000-0000-0000-000000000000/${inputs.sourceId}`;
  return {
    ...kept,
    inputsHash: hash(inputs),
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
    eventPattern: JSON.stringify({ "detail-type": (inputs.filters ?? []).map((f) => f.eventType), detail: { eventBody: inputs.filters } }),
    inputTransformer: { inputPaths: { a: "$.detail.eventBody.a" }, inputTemplate: JSON.stringify(inputs.transformations ?? []) },
    undelivered: [],
    metrics: { configurationLatencyMs: 0, validationSuccessRate: 1, registrationStatus: "created", retries: 0, conflicts: 0 },
  };
}
const root = pulumi.runtime.getRootDirectory();

const provider = {
  async check(_olds, news) {
    return { inputs: news };
  },
  async diff(_id, olds, news) {
    const { __provider, ...inputs } = news;
    return { changes: olds.inputsHash !== hash(inputs) };
  },
  async create(inputs) {
    await wait(inputs.waitMs);
    const { __provider, ...rest } = inputs;
    return { id: `floor-${inputs.sourceId}`, outs: outputsOf(rest) };
  },
  async update(_id, _olds, news) {
    await wait(news.updateWaitMs);
    const { __provider, ...rest } = news;
    return { outs: outputsOf(rest) };
  },
  async delete(_id, props) {
    await wait(props.deleteWaitMs);
  },
};

class Floor extends pulumi.dynamic.Resource {
  constructor(name, props) {
    super(provider, name, props, {}, "bench", "Floor");
  }
}

for (const entry of entries) {
  const { id, ...definition } = JSON.parse(fs.readFileSync(path.resolve(root, entry.definition), "utf8"));
  const samples = entry.samples === undefined ? undefined : JSON.parse(fs.readFileSync(path.resolve(root, entry.samples), "utf8"));
  new Floor(id, { ...definition, sourceId: id, owner: `genesys-eventbridge/bench/${id}`, ...(samples === undefined ? {} : { samples }), waitMs, updateWaitMs, deleteWaitMs });
}
