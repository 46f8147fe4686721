"use strict";
// The engine's floor for the benchmark: N dynamic resources whose provider
// does nothing, deployed by the same engine as the EventBridge sources.
const pulumi = require("@pulumi/pulumi");

const count = Number(new pulumi.Config().require("count"));
const provider = {
  async create(inputs) {
    return { id: `noop-${inputs.index}`, outs: inputs };
  },
  async diff() {
    return { changes: false };
  },
};

class Noop extends pulumi.dynamic.Resource {
  constructor(name, index) {
    super(provider, name, { index }, {}, "bench", "Noop");
  }
}

for (let i = 0; i < count; i++) new Noop(`noop-${i}`, i);
