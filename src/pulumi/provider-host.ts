import * as path from "node:path";

/**
 * The dynamic-provider host this code runs in: the `@pulumi/pulumi` script
 * `cmd/dynamic-provider/index.js` that the engine starts (through the
 * `pulumi-resource-pulumi-nodejs` plugin) with the address of its own gRPC
 * service as the first argument. `undefined` anywhere else (the program, a
 * test, a CLI).
 */
export interface ProviderHost {
  /** The folder of the host script; the SDK it belongs to is two levels up. */
  readonly dir: string;
  /** The engine's gRPC address (`127.0.0.1:<port>`) the host was started with. */
  readonly engineAddress: string;
  /** Loads a module as the host resolves it, so that the same module instance (protobuf classes, gRPC) is shared. */
  require(id: string): unknown;
}

const HOST_SCRIPT = path.join("cmd", "dynamic-provider", "index.js");

/** The host of this process, found from the main module and its arguments. */
export function providerHost(
  main: { filename: string; require(id: string): unknown } | undefined = require.main,
  argv: ReadonlyArray<string> = process.argv,
): ProviderHost | undefined {
  if (main === undefined || !main.filename.endsWith(HOST_SCRIPT)) return undefined;
  const engineAddress = argv[2];
  if (engineAddress === undefined || !/^[\w.[\]:-]+:\d+$/.test(engineAddress)) return undefined;
  return { dir: path.dirname(main.filename), engineAddress, require: (id) => main.require(id) };
}
