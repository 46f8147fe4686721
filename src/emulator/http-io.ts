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

/** Reads a request body as text, refusing more than `limit` bytes. */
export function readText(req: IncomingMessage, limit = 1_048_576): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error("request body too large"));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** Writes a reply; JSON bodies get `Content-Type: application/json`. */
export function send(res: ServerResponse, reply: Reply, extraHeaders: Readonly<Record<string, string>>): void {
  if (res.headersSent || res.destroyed) return;
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
  res.writeHead(reply.status, headers);
  res.end(text);
}
