"use strict";
// The engine's floor for the benchmark: one no-op dynamic resource per source
// definition, with the same inputs an EventBridgeSource gets, the same output
// properties and the sources' own outputs byte for byte (recorded by the
// benchmark in outputs/<sourceId>.json, see floor-outputs.js), deployed by
// the same engine. With `waitMs` set, each create waits that long: the
// minimum request chain a real create needs at the emulator's latency, so
// that a ratio measures what the provider adds; `updateWaitMs` and
// `deleteWaitMs` do the same for an update and a delete. A change of the
// inputs (their hash, kept in the outputs) is an update. The operations are
// in floor-provider.js, which the serialized provider loads from the project
// folder, as the sources' serialized provider loads theirs.
const fs = require("node:fs");
const path = require("node:path");
const pulumi = require("@pulumi/pulumi");

const config = new pulumi.Config();
const entries = JSON.parse(config.require("sources"));
const waitMs = Number(config.get("waitMs") ?? "0");
const updateWaitMs = Number(config.get("updateWaitMs") ?? "0");
const deleteWaitMs = Number(config.get("deleteWaitMs") ?? "0");
const root = pulumi.runtime.getRootDirectory();

const impl = () => require(`${root}/floor-provider.js`);
const provider = {
  async check(olds, news) {
    return impl().check(olds, news);
  },
  async diff(id, olds, news) {
    return impl().diff(id, olds, news);
  },
  async create(inputs) {
    return impl().create(inputs);
  },
  async update(id, olds, news) {
    return impl().update(id, olds, news);
  },
  async delete(id, props) {
    return impl().delete(id, props);
  },
};

/** The output properties an EventBridgeSource declares (src/pulumi/resource.ts), declared the same way. */
const OUTPUTS = ["remoteId", "api", "etag", "payloadHash", "payloadBytes", "auditId", "auditHead", "auditTime", "drift", "facts", "metrics",
  "partnerEventSourceName", "eventPatterns", "eventPattern", "inputTransformer", "transform", "undelivered"];

class Floor extends pulumi.dynamic.Resource {
  constructor(name, props) {
    super(provider, name, { ...props, ...Object.fromEntries(OUTPUTS.map((k) => [k, undefined])) }, {}, "bench", "Floor");
  }
}

for (const entry of entries) {
  const { id, ...definition } = JSON.parse(fs.readFileSync(path.resolve(root, entry.definition), "utf8"));
  const samples = entry.samples === undefined ? undefined : JSON.parse(fs.readFileSync(path.resolve(root, entry.samples), "utf8"));
  new Floor(id, { ...definition, sourceId: id, owner: `genesys-eventbridge/bench/${id}`, ...(samples === undefined ? {} : { samples }), waitMs, updateWaitMs, deleteWaitMs });
}
