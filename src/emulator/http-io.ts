import { IncomingMessage, ServerResponse } from "node:http";

/** What a route answers: a status, headers, and a JSON body or raw text. */
export interface Reply {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  /** A JSON body; omitted for 204. */
  readonly body?: unknown;
  /** A raw body sent as is (fault injection of malformed JSON). */
  readonly raw?: string;
}

/** One `details[]` entry of a Genesys error body. */
export interface ErrorDetailBody {
  readonly errorCode: string;
  readonly fieldName?: string;
  readonly entityName?: string;
}

/**
 * A reply with the standard Genesys Cloud error body (`message`, `code`,
 * `status`, `contextId`, `details`, `errors`), as documented in
 * https://developer.genesys.cloud/platform/api/rest-api-errors.
 */
export function genesysError(
  status: number,
  code: string,
  message: string,
  correlationId: string,
  details: ReadonlyArray<ErrorDetailBody> = [],
  headers: Readonly<Record<string, string>> = {},
): Reply {
  return { status, headers, body: { message, code, status, contextId: correlationId, details, errors: [] } };
}

/** The largest request body the emulator accepts (1 MiB); larger ones are answered 413. */
export const MAX_REQUEST_BODY_BYTES = 1_048_576;

/** A request body read as text, or the note that it was over the limit. */
export type BodyRead = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly tooLarge: true };

/**
 * Reads a request body as text, keeping at most `limit` bytes. A body over
 * the limit (by its `Content-Length`, or once the bytes pass it) resolves at
 * once as too large; the rest is read and dropped, so the connection is not
 * reset under the client while it still sends and the 413 reaches it (see
 * {@link sendAndClose}).
 */
export function readBody(req: IncomingMessage, limit = MAX_REQUEST_BODY_BYTES): Promise<BodyRead> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = Number(req.headers["content-length"] ?? 0) > limit;
    if (over) resolve({ ok: false, tooLarge: true });
    req.on("data", (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > limit) {
        over = true;
        chunks.length = 0;
        resolve({ ok: false, tooLarge: true });
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve({ ok: true, text: Buffer.concat(chunks).toString("utf8") }));
    req.on("error", reject);
    // A client gone before the end: nothing to answer (a no-op once resolved).
    req.on("close", () => reject(new Error("the client closed the connection before the body ended")));
  });
}

/**
 * Answers a request whose body is being dropped, then closes the connection
 * gracefully. The whole answer (with `Content-Length` and `Connection:
 * close`) is written at once, so the client has it while it still sends; the
 * response ends, and the connection closes, once the client has sent the
 * rest. Closing earlier would leave unread bytes and reset the connection,
 * which can destroy the answer before the client reads it. A client that
 * keeps sending past `graceMs` is cut off.
 */
export function sendAndClose(req: IncomingMessage, res: ServerResponse, reply: Reply, extraHeaders: Readonly<Record<string, string>>, graceMs = 5000): void {
  if (res.headersSent || res.destroyed) return;
  const { headers, text } = render(reply, { ...extraHeaders, Connection: "close" });
  res.writeHead(reply.status, headers);
  res.write(text);
  if (req.complete) {
    res.end();
    return;
  }
  const timer = setTimeout(() => res.destroy(), graceMs);
  timer.unref();
  req.once("end", () => {
    clearTimeout(timer);
    res.end();
  });
  req.once("close", () => clearTimeout(timer));
}

/** Writes a reply; JSON bodies get `Content-Type: application/json`. */
export function send(res: ServerResponse, reply: Reply, extraHeaders: Readonly<Record<string, string>>): void {
  if (res.headersSent || res.destroyed) return;
  const { headers, text } = render(reply, extraHeaders);
  res.writeHead(reply.status, headers);
  res.end(text);
}

function render(reply: Reply, extraHeaders: Readonly<Record<string, string>>): { headers: Record<string, string>; text: string } {
  const headers: Record<string, string> = { ...extraHeaders, ...reply.headers };
  let text = "";
  if (reply.raw !== undefined) {
    text = reply.raw;
    headers["Content-Type"] ??= "application/json";
  } else if (reply.body !== undefined && reply.status !== 204) {
    text = JSON.stringify(reply.body);
    headers["Content-Type"] = "application/json";
  }
  headers["Content-Length"] = String(Buffer.byteLength(text));
  return { headers, text };
}
