import { IncomingMessage, Server, ServerResponse, createServer } from "node:http";
import { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { ArmedFault, FaultSpec, describeAction } from "./faults";
import { MAX_REQUEST_BODY_BYTES, Reply, genesysError, readBody, send, sendAndClose } from "./http-io";
import { JournalEntry } from "./journal";
import { EmulatorRequest, RouteModule, Router } from "./router";
import { adminRoutes } from "./routes/admin";
import { eventStreamRoutes } from "./routes/event-streams";
import { integrationRoutes } from "./routes/integrations";
import { organizationRoutes } from "./routes/organizations";
import { notificationRoutes } from "./routes/notifications";
import { basicCredentials, oauthRoutes } from "./routes/oauth";
import { EmulatorState, StateOptions } from "./state";
import { bearerMatches, bindRefusal } from "./bind";
import { platformHeaders } from "./platform-headers";
import { standingHeaders } from "./rate-windows";

/** The contracts the emulator speaks out of the box: OAuth, event streams, integrations, organizations, the topic catalog, the admin API. */
export const defaultRouteModules: ReadonlyArray<RouteModule> = [oauthRoutes, eventStreamRoutes, integrationRoutes, organizationRoutes, notificationRoutes, adminRoutes];

/** Options of `startEmulator`. */
export interface EmulatorOptions extends StateOptions {
  /** The port; 0 (the default) picks a free one. */
  readonly port?: number;
  /** The address to listen on; default `127.0.0.1`. Any other than a loopback address needs `allowRemote` and `adminToken`. */
  readonly host?: string;
  /** Permits listening on an address other than loopback (the emulator has fake credentials and a control API). */
  readonly allowRemote?: boolean;
  /**
   * When set, the admin API (`/__emulator/...`) answers only requests with
   * `Authorization: Bearer <adminToken>`; required with `allowRemote`.
   */
  readonly adminToken?: string;
  /** Further contracts to serve (route modules), after the default ones. */
  readonly modules?: ReadonlyArray<RouteModule>;
}

/** A running emulator: where it listens, its state, and shortcuts to the admin operations. */
export interface RunningEmulator {
  /** The base URL of both the login and the API paths, e.g. `http://127.0.0.1:40123`. */
  readonly url: string;
  readonly port: number;
  readonly host: string;
  /** The shared state (collections, tokens, faults, journal). */
  readonly state: EmulatorState;
  /** The journal so far. */
  journal(): ReadonlyArray<JournalEntry>;
  /** Arms a fault. */
  addFault(spec: FaultSpec): ArmedFault;
  /** Empties the store, faults and journal, revokes tokens, restores the initial settings. */
  reset(): Promise<void>;
  /** Stops listening, closes open connections, and waits for pending store writes. */
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function parseBody(text: string, contentType: string | undefined): { ok: true; value: unknown } | { ok: false } {
  if (text === "") return { ok: true, value: undefined };
  if (/application\/x-www-form-urlencoded/i.test(contentType ?? "")) {
    return { ok: true, value: Object.fromEntries(new URLSearchParams(text)) };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    // A body declared as JSON must be JSON; anything else is handed over as text.
    return /json/i.test(contentType ?? "") ? { ok: false } : { ok: true, value: text };
  }
}

function headerRecord(req: IncomingMessage): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(req.headers)) out[k] = Array.isArray(v) ? v.join(", ") : v;
  return out;
}

/** Serves one exchange: faults, routing, token and permission checks, rate limit, journal. */
function handler(state: EmulatorState, router: Router, adminToken: string | undefined) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const correlationId = randomUUID();
    const method = (req.method ?? "GET").toUpperCase();
    const url = new URL(req.url ?? "/", "http://emulator.invalid");
    const path = url.pathname;
    const headers = headerRecord(req);
    let clientId: string | undefined;
    let fault: string | undefined;
    const record = (status: number) =>
      state.journal.record({
        method,
        path,
        status,
        time: new Date().toISOString(),
        correlationId,
        ...(clientId === undefined ? {} : { clientId }),
        ...(fault === undefined ? {} : { fault }),
      });
    // Where the caller's token stands, on every answer to a request that bore one.
    let standing: Readonly<Record<string, string>> = {};
    const finish = (reply: Reply) => {
      send(res, reply, { ...platformHeaders(correlationId), ...standing });
      record(reply.status);
    };

    const read = await readBody(req);
    if (!read.ok) {
      sendAndClose(req, res, genesysError(413, "request.entity.too.large", `The request body is larger than ${MAX_REQUEST_BODY_BYTES} bytes`, correlationId), platformHeaders(correlationId));
      record(413);
      return;
    }
    const text = read.text;
    const isAdmin = path === "/__emulator" || path.startsWith("/__emulator/");
    if (path === "/oauth/token") clientId = basicCredentials(headers["authorization"])?.clientId;
    if (isAdmin && adminToken !== undefined && !bearerMatches(headers["authorization"], adminToken)) {
      return finish(genesysError(401, "authentication.required", "The admin API needs the admin token: Authorization: Bearer <admin token>", correlationId));
    }

    if (!isAdmin) {
      if (state.latencyMs > 0) await sleep(state.latencyMs);
      const action = state.faults.take(method, path);
      if (action !== undefined) {
        fault = describeAction(action);
        if ("reset" in action) {
          record(0);
          req.socket.destroy();
          return;
        }
        if ("malformedJson" in action) {
          finish({ status: 200, raw: '{"id": "truncated', headers: { ETag: '"0-malformed"' } });
          return;
        }
        if ("delayMs" in action) {
          await sleep(action.delayMs);
        } else {
          finish({ status: action.status, headers: action.headers ?? {}, body: action.body });
          return;
        }
      }
    }

    const match = router.match(method, path);
    if (match === undefined) return finish(genesysError(404, "not.found", `no resource at ${path}`, correlationId));
    if (match === "wrong-method") return finish(genesysError(405, "method.not.allowed", `${method} is not allowed on ${path}`, correlationId));
    const { route, params } = match;

    if (route.access === "read" || route.access === "write") {
      const bearer = /^Bearer\s+(\S+)$/i.exec(headers["authorization"] ?? "");
      if (bearer === null) return finish(genesysError(401, "authentication.required", "No authentication bearer token specified in authorization header.", correlationId));
      const owner = state.tokens.verify(bearer[1]);
      if (owner === undefined) return finish(genesysError(401, "bad.credentials", "Invalid login credentials.", correlationId));
      clientId = owner.clientId;
      const windows = state.rateWindows.take(bearer[1], owner.clientId);
      standing = standingHeaders(windows.standing);
      const bucket = windows.allowed ? state.rateLimiter.take(owner.clientId) : windows;
      if (!bucket.allowed) {
        return finish(genesysError(429, "too.many.requests.retry.after", `Rate limit exceeded the maximum. Retry the request in [${bucket.retryAfterSeconds}] seconds`, correlationId, [], {
          "Retry-After": String(bucket.retryAfterSeconds),
        }));
      }
      if (route.access === "write" && !state.writable) {
        return finish(genesysError(403, "missing.any.permissions", "You are missing the following permission(s): integrations:integration:edit", correlationId));
      }
    }

    const body = parseBody(text, headers["content-type"]);
    if (!body.ok) return finish(genesysError(400, "bad.request", "The request body is not valid JSON", correlationId));
    const request: EmulatorRequest = {
      method,
      path,
      query: url.searchParams,
      params,
      headers,
      body: body.value,
      correlationId,
      ...(clientId === undefined ? {} : { clientId }),
    };
    try {
      finish(await route.handle(request));
    } catch (e) {
      finish(genesysError(500, "internal.server.error", e instanceof Error ? e.message : "internal error", correlationId));
    }
  };
}

/**
 * Starts the emulator: a real HTTP server on loopback (by default) that serves
 * the OAuth token endpoint, the configured API contracts and the admin API on
 * one origin. Loads the store file first when `storePath` is given. Refuses
 * (rejects) an address other than loopback unless `allowRemote` and an
 * `adminToken` are given: see {@link bindRefusal}.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const refusal = bindRefusal(options);
  if (refusal !== undefined) throw new Error(refusal);
  const state = new EmulatorState(options);
  await state.load();
  const router = new Router();
  for (const module of [...defaultRouteModules, ...(options.modules ?? [])]) router.add(module(state));
  const serve = handler(state, router, options.adminToken);
  const server: Server = createServer((req, res) => {
    serve(req, res).catch(() => res.destroy());
  });
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    host,
    state,
    journal: () => state.journal.list(),
    addFault: (spec) => state.faults.add(spec),
    reset: () => state.reset(),
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await state.idle();
    },
  };
}
