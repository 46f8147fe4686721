import { bindRefusal, checkTopicListing, startEmulator } from "../emulator";
import { describeFileProblem } from "../files/problem";
import { readJsonFile } from "../files/json-file";
import { parseArgs } from "./args";
import { CliIo, Command, ExitCode, UsageError } from "./command";

/** Waits for SIGINT or SIGTERM; the listeners are removed once one arrives. */
export function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve(signal);
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}

function portOf(value: string | true | undefined): number {
  if (value === undefined) return 0;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port expects 0..65535, found '${String(value)}'`);
  return port;
}

/** The environment variable that may hold the emulator's admin token (instead of `--admin-token`). */
export const ADMIN_TOKEN_ENV = "GENESYS_EMULATOR_ADMIN_TOKEN";

/** The largest topic catalog file `--topics` reads (the platform's full catalog with schemas is a few MiB). */
const TOPICS_FILE_MAX_BYTES = 64 * 1_048_576;

const text = (value: string | true | undefined): string | undefined => (typeof value === "string" ? value : undefined);

/**
 * Runs the emulator until `until` resolves: prints the base URL as the first
 * line on stdout once it listens, then serves login and API paths on that
 * origin. Credentials fall back to `GENESYSCLOUD_OAUTHCLIENT_ID` /
 * `GENESYSCLOUD_OAUTHCLIENT_SECRET`, then to the fake defaults. Listens on
 * loopback only unless `--allow-remote` is given with an admin token
 * (`--admin-token` or `GENESYS_EMULATOR_ADMIN_TOKEN`), which the admin API
 * then requires.
 */
export async function runEmulator(args: ReadonlyArray<string>, io: CliIo, until: () => Promise<unknown> = untilSignal): Promise<number> {
  const { positional, options } = parseArgs(args, ["port", "host", "client-id", "client-secret", "store", "admin-token", "latency-ms", "topics"], ["allow-remote"]);
  if (positional.length > 0) throw new UsageError(`unexpected argument '${positional[0]}'`);
  const env = process.env;
  const clientId = text(options["client-id"]) ?? env.GENESYSCLOUD_OAUTHCLIENT_ID;
  const clientSecret = text(options["client-secret"]) ?? env.GENESYSCLOUD_OAUTHCLIENT_SECRET;
  const storePath = text(options["store"]);
  const latency = text(options["latency-ms"]);
  const latencyMs = latency === undefined ? 0 : Number(latency);
  if (!Number.isFinite(latencyMs) || latencyMs < 0 || latencyMs > 60_000) throw new UsageError(`--latency-ms expects 0..60000, found '${latency}'`);
  const adminToken = text(options["admin-token"]) ?? (env[ADMIN_TOKEN_ENV] === "" ? undefined : env[ADMIN_TOKEN_ENV]);
  const bind = {
    host: text(options["host"]) ?? "127.0.0.1",
    allowRemote: options["allow-remote"] === true,
    ...(adminToken === undefined ? {} : { adminToken }),
  };
  const refusal = bindRefusal(bind);
  if (refusal !== undefined) throw new UsageError(refusal);
  const topicsFile = text(options["topics"]);
  let topics: ReturnType<typeof checkTopicListing> | undefined;
  if (topicsFile !== undefined) {
    const read = readJsonFile(topicsFile, TOPICS_FILE_MAX_BYTES, topicsFile, "a topic catalog");
    if (read._tag === "Left") {
      io.err(describeFileProblem(read.left));
      return ExitCode.invalid;
    }
    topics = checkTopicListing(read.right.value);
    if (!topics.ok) {
      io.err(`${topicsFile}: not an AvailableTopicEntityListing: ${topics.problems.join("; ")}`);
      return ExitCode.invalid;
    }
  }
  // Register before listening so that a signal right after the URL is printed is not lost.
  const stopped = until();
  const emulator = await startEmulator({
    port: portOf(options["port"]),
    ...bind,
    ...(clientId === undefined || clientId === "" ? {} : { clientId }),
    ...(clientSecret === undefined || clientSecret === "" ? {} : { clientSecret }),
    ...(storePath === undefined ? {} : { storePath }),
    ...(latencyMs === 0 ? {} : { latencyMs }),
    ...(topics?.ok === true ? { topics: topics.listing } : {}),
  });
  io.out(emulator.url);
  await stopped;
  await emulator.close();
  return ExitCode.ok;
}

/** `genesys-eventbridge emulator`: a local Genesys Cloud emulator for demos, tests and pipelines. */
export const emulatorCommand: Command = {
  name: "emulator",
  usage: "emulator [--port N] [--host 127.0.0.1 | --host ADDR --allow-remote --admin-token TOKEN] [--client-id ID] [--client-secret SECRET] [--store FILE] [--latency-ms N] [--topics FILE]",
  summary: "run a local Genesys Cloud emulator (OAuth, event-streams and Integrations APIs, the topic catalog) until SIGINT or SIGTERM",
  details: [
    "Prints the base URL as the first line on stdout once it listens.",
    "options:",
    "  --port N                 port to listen on (default 0: any free port)",
    "  --host ADDR              address to listen on (default 127.0.0.1); one that is not loopback needs",
    "                           --allow-remote and an admin token (--admin-token or $GENESYS_EMULATOR_ADMIN_TOKEN)",
    "  --client-id ID           OAuth client id (default $GENESYSCLOUD_OAUTHCLIENT_ID, else emulator-client)",
    "  --client-secret SECRET   its secret (default $GENESYSCLOUD_OAUTHCLIENT_SECRET, else emulator-secret)",
    "  --store FILE             keep the stored objects in FILE between runs",
    "  --latency-ms N           every API and login request waits N ms before it is served, like a remote region",
    "  --topics FILE            serve this topic catalog (an AvailableTopicEntityListing, JSON) instead of the built-in one",
    "  -h, --help               print this help",
  ],
  run: (args, io) => runEmulator(args, io),
};
