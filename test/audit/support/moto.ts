/**
 * moto's S3-compatible server for the S3 audit store's tests: found (or
 * installed) by scripts/moto-server.sh, started on a free loopback port and
 * stopped by the test that started it.
 */
import { ChildProcess, spawn, spawnSync } from "node:child_process";
import * as net from "node:net";
import * as path from "node:path";
import { CreateBucketCommand, S3Client } from "@aws-sdk/client-s3";

const script = path.resolve(__dirname, "../../../scripts/moto-server.sh");

/** MOTO_CREDENTIALS are the stand-in AWS credentials the tests sign moto requests with (moto accepts any). */
export const MOTO_CREDENTIALS = { AWS_ACCESS_KEY_ID: "moto-testing", AWS_SECRET_ACCESS_KEY: "moto-testing", AWS_REGION: "us-east-1" };

const isCI = () => ["true", "1"].includes((process.env.CI ?? "").toLowerCase());

let found: string | undefined;

/**
 * motoOrSkip is the `moto_server` command, installed on first use. Outside CI
 * a missing server is reported and `undefined` returned so that callers can
 * skip; under `CI=true` it throws, so CI never passes without the S3 tests.
 */
export function motoOrSkip(): string | undefined {
  if (found !== undefined) return found;
  const result = spawnSync("bash", [script], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  const command = result.stdout?.trim().split("\n").pop()?.trim();
  if (result.status === 0 && command) {
    found = command;
    return found;
  }
  const why = `scripts/moto-server.sh failed (status ${result.status}): ${(result.stderr ?? "").trim() || result.error?.message}`;
  if (isCI()) throw new Error(why);
  console.warn(`skipping the S3 audit store tests: ${why}`);
  return undefined;
}

/** A running moto server. */
export interface MotoServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  /** An S3 client for this server, with the stand-in credentials, for setting up and tampering. */
  readonly client: S3Client;
  /** Creates a bucket and returns its name. */
  bucket(name: string): Promise<string>;
  /** Stops the server and waits for it to exit. */
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once("exit", () => resolve()));
}

async function startOnce(command: string): Promise<{ child: ChildProcess; port: number } | { error: string }> {
  const port = await freePort();
  const child = spawn(command, ["-H", "127.0.0.1", "-p", String(port)], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (d) => (stderr += d));
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) return { error: `moto_server exited with ${child.exitCode}: ${stderr.trim()}` };
    if (await answers(port)) return { child, port };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill("SIGKILL");
  await exited(child);
  return { error: `moto_server did not answer on port ${port} within 30 s: ${stderr.trim()}` };
}

/**
 * startMoto starts `command` on a free loopback port (retrying with another
 * port if the first is taken meanwhile) and resolves once it answers. The
 * stand-in credentials are put into `process.env` for the SDK's default chain.
 */
export async function startMoto(command: string): Promise<MotoServer> {
  // The SDK's notice that its 2027 releases need Node.js 22 would fill the test output.
  Object.assign(process.env, MOTO_CREDENTIALS, { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" });
  let last = "";
  for (let attempt = 0; attempt < 3; attempt++) {
    const started = await startOnce(command);
    if ("error" in started) {
      last = started.error;
      continue;
    }
    const { child, port } = started;
    const url = `http://127.0.0.1:${port}`;
    const client = new S3Client({
      endpoint: url,
      forcePathStyle: true,
      region: MOTO_CREDENTIALS.AWS_REGION,
      credentials: { accessKeyId: MOTO_CREDENTIALS.AWS_ACCESS_KEY_ID, secretAccessKey: MOTO_CREDENTIALS.AWS_SECRET_ACCESS_KEY },
    });
    return {
      url,
      client,
      async bucket(name) {
        await client.send(new CreateBucketCommand({ Bucket: name }));
        return name;
      },
      async stop() {
        client.destroy();
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
        await exited(child);
        clearTimeout(timer);
      },
    };
  }
  throw new Error(`could not start moto_server: ${last}`);
}
