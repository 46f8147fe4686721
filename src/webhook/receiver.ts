import { promises as fs } from "node:fs";
import { IncomingMessage, Server, ServerResponse, createServer } from "node:http";
import { AddressInfo } from "node:net";
import * as path from "node:path";
import { isLeft } from "fp-ts/Either";
import { WebhookEvent } from "./event";
import { IDEMPOTENCY_HEADER, headerValue } from "./headers";
import { idempotencyKey } from "./sign";
import { describeRejection, verifyWebhookSignature } from "./verify";

/** WebhookReceiverOptions configures {@link startWebhookReceiver}. */
export interface WebhookReceiverOptions {
  /** The shared HMAC key deliveries must be signed with. */
  readonly secret: string;
  /** Port to listen on (default 0: any free port). */
  readonly port?: number;
  /** Address to listen on (default 127.0.0.1). */
  readonly host?: string;
  /** A JSON Lines file to append each newly received event to (parent directories are created). */
  readonly recordPath?: string;
  /** Accepted clock skew of the signed timestamp, in seconds (default 300). */
  readonly toleranceSeconds?: number;
  /** Largest accepted body, in bytes (default 1 MiB). */
  readonly maxBodyBytes?: number;
  /** The clock, in ms since the epoch (default `Date.now`). */
  readonly now?: () => number;
}

/** ReceivedWebhook is one delivery the receiver accepted for the first time. */
export interface ReceivedWebhook {
  readonly idempotencyKey: string;
  readonly event: WebhookEvent;
  readonly receivedAt: string;
}

/** ReceiverRequest is one request the receiver answered, whatever the answer. */
export interface ReceiverRequest {
  readonly status: number;
  readonly outcome: "recorded" | "duplicate" | "rejected" | "failed-on-purpose";
  readonly idempotencyKey?: string;
  readonly reason?: string;
}

/** WebhookReceiver is a running receiver: where it listens and what it got. */
export interface WebhookReceiver {
  /** The URL to post deliveries to, e.g. `http://127.0.0.1:40123/`. */
  readonly url: string;
  readonly port: number;
  /** Events accepted, each once, in arrival order. */
  received(): ReadonlyArray<ReceivedWebhook>;
  /** Every request answered, repeats and rejections included, in order, with the key it carried. */
  requests(): ReadonlyArray<ReceiverRequest>;
  /** Makes the next `count` requests fail with HTTP 500 before any check (to exercise retries). */
  failNext(count: number): void;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

class BodyTooLarge {
  readonly _tag = "BodyTooLarge";
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | BodyTooLarge> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on("end", () => resolve(tooLarge ? new BodyTooLarge() : Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/**
 * startWebhookReceiver is a small real HTTP receiver for webhook deliveries:
 * it checks each signature (401 when wrong or stale), decodes the event
 * (400 when malformed or when `Idempotency-Key` does not belong to it),
 * records each idempotency key once (a repeat answers 200 without recording
 * again), optionally appends new events to `recordPath`, and can be told to
 * fail the next requests with 500. Resolves once it is listening.
 */
export async function startWebhookReceiver(options: WebhookReceiverOptions): Promise<WebhookReceiver> {
  const host = options.host ?? "127.0.0.1";
  const limit = options.maxBodyBytes ?? 1024 * 1024;
  const now = options.now ?? Date.now;
  const received: ReceivedWebhook[] = [];
  const requests: ReceiverRequest[] = [];
  const seen = new Set<string>();
  let failures = 0;
  let recordQueue: Promise<void> = Promise.resolve();

  if (options.recordPath !== undefined) await fs.mkdir(path.dirname(path.resolve(options.recordPath)), { recursive: true });

  const record = (entry: ReceivedWebhook): Promise<void> => {
    const recordPath = options.recordPath;
    if (recordPath === undefined) return Promise.resolve();
    // One append at a time, so lines of concurrent deliveries never interleave.
    const next = recordQueue.then(() => fs.appendFile(recordPath, `${JSON.stringify(entry)}\n`, "utf8"));
    recordQueue = next.catch(() => undefined);
    return next;
  };

  const answer = (res: ServerResponse, entry: ReceiverRequest) => {
    const key = headerValue(res.req.headers, IDEMPOTENCY_HEADER);
    requests.push(entry.idempotencyKey === undefined && key !== undefined ? { ...entry, idempotencyKey: key } : entry);
    res.writeHead(entry.status, { "Content-Type": "application/json" });
    res.end(JSON.stringify({ outcome: entry.outcome, ...(entry.reason === undefined ? {} : { reason: entry.reason }) }));
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req, limit);
    if (failures > 0) {
      failures--;
      return answer(res, { status: 500, outcome: "failed-on-purpose" });
    }
    if (req.method !== "POST") return answer(res, { status: 405, outcome: "rejected", reason: "only POST is accepted" });
    if (body instanceof BodyTooLarge) return answer(res, { status: 413, outcome: "rejected", reason: "body too large" });
    const verdict = verifyWebhookSignature(body, req.headers, options.secret, {
      ...(options.toleranceSeconds === undefined ? {} : { toleranceSeconds: options.toleranceSeconds }),
      now,
    });
    if (!verdict.ok) return answer(res, { status: 401, outcome: "rejected", reason: describeRejection(verdict.rejection) });
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString("utf8"));
    } catch {
      return answer(res, { status: 400, outcome: "rejected", reason: "body is not JSON" });
    }
    const decoded = WebhookEvent.decode(parsed);
    if (isLeft(decoded)) return answer(res, { status: 400, outcome: "rejected", reason: "body is not a webhook event" });
    const key = headerValue(req.headers, IDEMPOTENCY_HEADER);
    if (key === undefined || key !== idempotencyKey(decoded.right)) {
      return answer(res, { status: 400, outcome: "rejected", reason: `${IDEMPOTENCY_HEADER} is missing or does not match the event` });
    }
    if (seen.has(key)) return answer(res, { status: 200, outcome: "duplicate", idempotencyKey: key });
    // Claim the key before any await, so a concurrent repeat sees it.
    seen.add(key);
    const entry: ReceivedWebhook = { idempotencyKey: key, event: decoded.right, receivedAt: new Date(now()).toISOString() };
    try {
      await record(entry);
    } catch {
      seen.delete(key); // not stored: let the sender's retry store it
      return answer(res, { status: 500, outcome: "rejected", idempotencyKey: key, reason: "could not store the event" });
    }
    received.push(entry);
    return answer(res, { status: 200, outcome: "recorded", idempotencyKey: key });
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (res.headersSent) return void res.destroy();
      answer(res, { status: 500, outcome: "rejected", reason: "internal error" });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(":") ? `[${host}]` : host;

  return {
    url: `http://${urlHost}:${port}/`,
    port,
    received: () => [...received],
    requests: () => [...requests],
    failNext: (count) => {
      failures = Math.max(0, Math.floor(count));
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
