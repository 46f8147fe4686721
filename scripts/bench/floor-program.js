"use strict";
// The engine's floor for the benchmark: one no-op dynamic resource per source
// definition, with the same inputs an EventBridgeSource gets and outputs of
// the same shape and size, deployed by the same engine. With `waitMs` set,
// each create waits that long: the minimum request chain a real create needs
// at the emulator's latency, so that a ratio measures what the provider adds.
const fs = require("node:fs");
const path = require("node:path");
const pulumi = require("@pulumi/pulumi");

const config = new pulumi.Config();
const entries = JSON.parse(config.require("sources"));
const waitMs = Number(config.get("waitMs") ?? "0");
const root = pulumi.runtime.getRootDirectory();

const provider = {
  async check(_olds, news) {
    return { inputs: news };
  },
  async diff() {
    return { changes: false };
  },
  async create(inputs) {
    if (inputs.waitMs > 0) await new Promise((resolve) => setTimeout(resolve, inputs.waitMs));
    const hash = (v) => require("node:crypto").createHash("sha256").update(JSON.stringify(v) ?? "").digest("hex");
    const kept = { ...inputs };
    delete kept.samples;
    if (inputs.samples !== undefined) kept.samplesHash = hash(inputs.samples);
    const partner = `aws.partner/genesys.com/cloud/00000000-0000-0000-0000-000000000000/${inputs.sourceId}`;
    return {
      id: `floor-${inputs.sourceId}`,
      outs: {
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
        eventPattern: JSON.stringify({ "detail-type": (inputs.filters ?? []).map((f) => f.eventType), detail: { eventBody: inputs.filters } }),
        inputTransformer: { inputPaths: { a: "$.detail.eventBody.a" }, inputTemplate: JSON.stringify(inputs.transformations ?? []) },
        undelivered: [],
        metrics: { configurationLatencyMs: 0, validationSuccessRate: 1, registrationStatus: "created", retries: 0, conflicts: 0 },
      },
    };
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
  new Floor(id, { ...definition, sourceId: id, owner: `genesys-eventbridge/bench/${id}`, ...(samples === undefined ? {} : { samples }), waitMs });
}
