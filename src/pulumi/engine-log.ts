import type { ProviderHost } from "./provider-host";

/** How loud a line in the engine's log is. */
export type LogSeverity = "debug" | "info" | "warning" | "error";

/**
 * The engine's log: a line sent here is shown by `pulumi up`/`preview`/
 * `refresh`/`destroy` as it arrives, on the resource's row when it names the
 * resource's URN, and is listed again under that resource in the closing
 * "Diagnostics". (What a provider writes to stderr is shown too, but always
 * on the stack's row.)
 *
 * Lines go straight to the engine's `Log` service. `pulumi.log` is not used
 * for them: it delivers every line of the program in one queue, and a line
 * about a resource waits there until that resource's URN is known, which for
 * a resource with hooks is after its hooks have run. A hook that awaited
 * `pulumi.log` behind such a line would wait for itself.
 */
export interface EngineLog {
  /** Sends one line; lines leave in the order they were sent. Never throws. */
  log(severity: LogSeverity, message: string, urn?: string): void;
  /** Resolves when every line sent so far has been delivered (or given up on). */
  flush(): Promise<void>;
}

/** The generated classes of `pulumi/engine.proto` this needs. */
export interface EngineProto {
  LogRequest: new () => {
    setSeverity(v: number): unknown;
    setMessage(v: string): unknown;
    setUrn(v: string): unknown;
    setStreamid(v: number): unknown;
    setEphemeral(v: boolean): unknown;
  };
  LogSeverity: Record<"DEBUG" | "INFO" | "WARNING" | "ERROR", number>;
}

/** The part of the generated `Engine` client this needs. */
export interface EngineClient {
  log(request: never, callback: (error: Error | null) => void): unknown;
}

const SEVERITY: Record<LogSeverity, "DEBUG" | "INFO" | "WARNING" | "ERROR"> = {
  debug: "DEBUG",
  info: "INFO",
  warning: "WARNING",
  error: "ERROR",
};

/**
 * An {@link EngineLog} over an `Engine` client. A line that cannot be
 * delivered is written to stderr instead.
 */
export function engineLogOver(client: EngineClient, proto: EngineProto): EngineLog {
  let last: Promise<void> = Promise.resolve();
  return {
    log(severity, message, urn = "") {
      last = last.then(
        () =>
          new Promise<void>((resolve) => {
            try {
              const request = new proto.LogRequest();
              request.setSeverity(proto.LogSeverity[SEVERITY[severity]]);
              request.setMessage(message);
              request.setUrn(urn);
              request.setStreamid(0);
              request.setEphemeral(false);
              client.log(request as never, (error) => {
                if (error !== null) process.stderr.write(`${message}\n`);
                resolve();
              });
            } catch {
              process.stderr.write(`${message}\n`);
              resolve();
            }
          }),
      );
    },
    flush: () => last,
  };
}

let providerLog: EngineLog | undefined;

/**
 * The engine's log for this provider process, connected on first use through
 * the gRPC client classes of the host's own `@pulumi/pulumi`; `undefined`
 * outside a host or when the client cannot be made.
 */
export function providerEngineLog(host: ProviderHost | undefined): EngineLog | undefined {
  if (providerLog !== undefined || host === undefined) return providerLog;
  try {
    const proto = host.require("../../proto/engine_pb") as EngineProto;
    const services = host.require("../../proto/engine_grpc_pb") as { EngineClient: new (address: string, credentials: unknown) => EngineClient };
    const grpc = host.require("@grpc/grpc-js") as { credentials: { createInsecure(): unknown } };
    providerLog = engineLogOver(new services.EngineClient(host.engineAddress, grpc.credentials.createInsecure()), proto);
  } catch {
    return undefined;
  }
  return providerLog;
}

let programLog: EngineLog | undefined;

/**
 * The engine's log for the Pulumi program (resource hooks run there),
 * through the SDK's own connection to the engine; `undefined` when the
 * program runs without an engine (unit tests under mocks).
 */
export function programEngineLog(): EngineLog | undefined {
  if (programLog !== undefined) return programLog;
  try {
    // Loaded here, not at the top: the provider's process must not load the SDK's runtime for nothing.
    const runtime = require("@pulumi/pulumi").runtime as { getEngine(): unknown };
    const client = runtime.getEngine() as EngineClient | undefined;
    if (client === undefined) return undefined;
    programLog = engineLogOver(client, require("@pulumi/pulumi/proto/engine_pb") as EngineProto);
  } catch {
    return undefined;
  }
  return programLog;
}
