import { createRequire } from "node:module";
import * as path from "node:path";
import type * as Grpc from "@grpc/grpc-js";
import type * as EngineGrpc from "@pulumi/pulumi/proto/engine_grpc_pb";
import type * as EngineProto from "@pulumi/pulumi/proto/engine_pb";
import { providerEngineLog } from "../../src/pulumi/engine-log";

// The modules the dynamic-provider host of the installed SDK uses, loaded as it loads them.
const script = require.resolve("@pulumi/pulumi/cmd/dynamic-provider/index.js");
const hostRequire = createRequire(script);
const grpc = hostRequire("@grpc/grpc-js") as typeof Grpc;
const engrpc = hostRequire("../../proto/engine_grpc_pb") as typeof EngineGrpc;
const engproto = hostRequire("../../proto/engine_pb") as typeof EngineProto;
const { Empty } = hostRequire("google-protobuf/google/protobuf/empty_pb") as { Empty: new () => unknown };

describe("providerEngineLog", () => {
  let server: Grpc.Server;
  const received: Array<{ severity: number; message: string; urn: string; ephemeral: boolean }> = [];

  beforeAll(async () => {
    server = new grpc.Server();
    server.addService(engrpc.EngineService, {
      log: (call: Grpc.ServerUnaryCall<EngineProto.LogRequest, unknown>, callback: Grpc.sendUnaryData<unknown>) => {
        const r = call.request;
        received.push({ severity: r.getSeverity(), message: r.getMessage(), urn: r.getUrn(), ephemeral: r.getEphemeral() });
        callback(null, new Empty());
      },
    });
    const port = await new Promise<number>((resolve, reject) =>
      server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p))),
    );
    const log = providerEngineLog({ dir: path.dirname(script), engineAddress: `127.0.0.1:${port}`, require: hostRequire });
    expect(log).toBeDefined();
    for (let i = 1; i <= 5; i++) log!.log("info", `line ${i}`, "urn:pulumi:dev::p::t::n");
    log!.log("warning", "no resource");
    await log!.flush();
  });

  afterAll(() => server.forceShutdown());

  it("delivers lines to the engine's Log service in order, on the URN given, as lasting messages", () => {
    const URN = "urn:pulumi:dev::p::t::n";
    const INFO = engproto.LogSeverity.INFO;
    expect(received).toEqual([
      ...[1, 2, 3, 4, 5].map((i) => ({ severity: INFO, message: `line ${i}`, urn: URN, ephemeral: false })),
      { severity: engproto.LogSeverity.WARNING, message: "no resource", urn: "", ephemeral: false },
    ]);
  });
});
