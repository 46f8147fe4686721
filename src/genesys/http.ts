import axios, { AxiosInstance, AxiosResponse } from "axios";
import { Either, left, right } from "fp-ts/Either";
import { defaultRetryPolicy } from "../http/retry-policy";
import type { AttemptResult, RetryPolicy } from "../http/retry-policy";
import { redact } from "../http/redact";
import { Attempted, answered, retrying } from "../http/retry-loop";
import { classifyAnswer, correlationIdOf } from "./classify";
import { Clock, systemClock } from "./clock";
import { GenesysError, contextOf, decodeError, network, rateLimited } from "./errors";
import { gateFor } from "./limiter";
import { ownWindowSpent, standingOf } from "./window-schedule";
import { currentOperation, reportProgress } from "./operation-scope";

/** One HTTP request, before the policy repeats it. */
export interface HttpRequest {
  readonly method: "GET" | "PUT" | "POST" | "PATCH" | "DELETE";
  /** The origin, e.g. `https://api.mypurecloud.ie`. */
  readonly baseUrl: string;
  /** The path with its query, e.g. `/api/v2/configuration/event-streams/abc`. */
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** A JSON body. */
  readonly json?: unknown;
  /** A form body (`application/x-www-form-urlencoded`). */
  readonly form?: Readonly<Record<string, string>>;
  /** The pacing of the token the request carries: asked before each repeat, told of every attempt's answer. */
  readonly pace?: Pace;
}

/**
 * The pacing of one request's access token (see `TokenPool`): the first
 * attempt was admitted by whoever built the request; each repeat waits its
 * turn on the same token, and every answer says where the token stands.
 */
export interface Pace {
  /** Resolves when the next repeat may start. */
  again(): Promise<void>;
  /** The attempt was answered with these headers (lower-case names); `undefined`: it got no answer. */
  answered(headers: Readonly<Record<string, string>> | undefined): void;
}

/** A successful answer (status below 400), with its parsed JSON body. */
export interface HttpAnswer {
  readonly status: number;
  /** Response headers with lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
  /** The parsed JSON body; `undefined` when the body was empty. */
  readonly body: unknown;
  /** How many times the policy repeated the request. */
  readonly retries: number;
}

/** Where one request/response line goes; never receives headers or bodies. */
export type Logger = (line: string) => void;

/** What a transport needs besides the policy: the clock, a logger, and the secrets to scrub. */
export interface TransportOptions {
  readonly policy?: RetryPolicy;
  readonly clock?: Clock;
  readonly logger?: Logger;
  /** The secrets known right now (client secret, tokens): removed from anything printed. */
  readonly secrets?: () => ReadonlyArray<string>;
}

/** Sends requests under the one HTTP policy: timeout, retries with backoff, error classification. */
export interface Transport {
  /** Sends `request`, repeating it as the policy allows; error statuses become `GenesysError`s. */
  send(request: HttpRequest): Promise<Either<GenesysError, HttpAnswer>>;
}

const loopback = /^https?:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?$/i;

/** A `Transport` on axios with the given policy. */
export function createTransport(options: TransportOptions = {}): Transport {
  const policy = options.policy ?? defaultRetryPolicy;
  const clock = options.clock ?? systemClock;
  const secrets = options.secrets ?? (() => []);
  const log = options.logger;
  const http: AxiosInstance = axios.create({
    timeout: policy.timeoutMs,
    validateStatus: () => true,
    responseType: "text",
    transformResponse: [(data: unknown) => data],
    maxRedirects: 0,
  });

  async function attempt(request: HttpRequest): Promise<AxiosResponse<string>> {
    const headers: Record<string, string> = { Accept: "application/json", ...request.headers };
    let data: string | undefined;
    if (request.form !== undefined) {
      headers["Content-Type"] = "application/x-www-form-urlencoded";
      data = new URLSearchParams(request.form as Record<string, string>).toString();
    } else if (request.json !== undefined) {
      headers["Content-Type"] = "application/json";
      data = JSON.stringify(request.json);
    }
    return http.request<string>({
      method: request.method,
      url: `${request.baseUrl}${request.path}`,
      headers,
      data,
      // A proxy from the environment must not intercept a loopback emulator.
      ...(loopback.test(request.baseUrl) ? { proxy: false as const } : {}),
    });
  }

  /** How much of the current operation's time budget is left; `undefined` outside an operation. */
  function remainingMs(): number | undefined {
    const deadline = currentOperation()?.deadline;
    return deadline === undefined ? undefined : deadline - clock.now();
  }

  /** Counts a retry in the operation's tally and says so when the wait is long. */
  function noteRetry(request: HttpRequest, delayMs: number, result: AttemptResult): void {
    const scope = currentOperation();
    if (scope !== undefined) scope.retries++;
    const why = result._tag === "Failed" ? result.reason : `HTTP ${result.status}`;
    if (delayMs >= 2000) reportProgress(`${request.method} ${request.path}: ${why}; retrying in ${(delayMs / 1000).toFixed(1)} s`);
  }

  /** One attempt: through the origin's gate, counted, logged; a 429 closes the gate for every request to the origin. */
  async function once(request: HttpRequest, retries: number): Promise<Attempted<Exchange>> {
    const gate = gateFor(request.baseUrl);
    if (retries > 0) await request.pace?.again();
    await gate.pass(clock);
    const scope = currentOperation();
    if (scope !== undefined) scope.requests++;
    const started = clock.now();
    let response: AxiosResponse<string>;
    try {
      response = await attempt(request);
    } catch (e) {
      request.pace?.answered(undefined);
      const reason = redact(failureReason(e), secrets());
      log?.(redact(`${request.method} ${request.path} failed (${reason}) ${clock.now() - started}ms attempt ${retries + 1}`, secrets()));
      return { result: { _tag: "Failed", reason }, value: { _tag: "Failed", reason } };
    }
    const headers = lowerCaseHeaders(response.headers);
    log?.(redact(`${request.method} ${request.path} ${response.status} ${clock.now() - started}ms attempt ${retries + 1}`, secrets()));
    request.pace?.answered(headers);
    const result = answered(response.status, headers, clock.now());
    if (response.status === 429 && scope !== undefined) scope.answered429++;
    // A limit beyond the token's own window (the client's, the organization's, or one the answer does not
    // report) holds every request to this origin, not just the one that met it; the token's own window is paced.
    if (response.status === 429 && result.retryAfterMs !== undefined && !(request.pace !== undefined && ownWindowSpent(standingOf(headers)))) {
      gate.closeUntil(clock.now() + Math.min(result.retryAfterMs, policy.retryAfterCapMs));
    }
    return { result, value: { _tag: "Answered", status: response.status, headers, data: response.data } };
  }

  async function send(request: HttpRequest): Promise<Either<GenesysError, HttpAnswer>> {
    const where = { method: request.method, path: request.path };
    const outcome = await retrying((retries) => once(request, retries), {
      policy,
      random: () => clock.random(),
      sleep: (ms) => clock.sleep(ms),
      remainingMs,
      onRetry: (delay, result) => noteRetry(request, delay, result),
    });
    const { value: exchange, result, verdict, retries } = outcome;
    if (exchange._tag === "Failed") return left(network(where, exchange.reason));
    const retryAfterMs = result._tag === "Answered" ? result.retryAfterMs : undefined;
    const { status, headers } = exchange;
    const parsed = parseBody(exchange.data);
    if (status >= 400) {
      const error = classifyAnswer(
        {
          ...where,
          status,
          headers,
          body: parsed._tag === "Parsed" ? parsed.value : undefined,
          ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
        },
        secrets(),
      );
      if (verdict.why === "retry-after-exceeds-cap" && error._tag === "RateLimited") {
        return left(rateLimited({ ...contextOf(error), message: `Retry-After of ${Math.ceil((retryAfterMs ?? 0) / 1000)} s exceeds the cap of ${Math.ceil(policy.retryAfterCapMs / 1000)} s` }, retryAfterMs));
      }
      return left(error);
    }
    if (parsed._tag === "Malformed") {
      const correlationId = correlationIdOf(headers);
      return left(decodeError(
        { ...where, status, ...(correlationId === undefined ? {} : { correlationId }) },
        `the body is not JSON (${parsed.reason})`,
      ));
    }
    return right({ status, headers, body: parsed.value, retries });
  }

  return { send };
}

/** What one attempt brought back: an answer with its text, or a transport failure. */
type Exchange =
  | { readonly _tag: "Answered"; readonly status: number; readonly headers: Record<string, string>; readonly data: string }
  | { readonly _tag: "Failed"; readonly reason: string };

type ParsedBody = { _tag: "Parsed"; value: unknown } | { _tag: "Malformed"; reason: string };

function parseBody(text: unknown): ParsedBody {
  if (typeof text !== "string" || text.trim() === "") return { _tag: "Parsed", value: undefined };
  try {
    return { _tag: "Parsed", value: JSON.parse(text) as unknown };
  } catch (e) {
    return { _tag: "Malformed", reason: e instanceof Error ? e.message : "unreadable" };
  }
}

function lowerCaseHeaders(headers: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (headers === null || typeof headers !== "object") return out;
  const plain = typeof (headers as { toJSON?: unknown }).toJSON === "function"
    ? (headers as { toJSON(): Record<string, unknown> }).toJSON()
    : (headers as Record<string, unknown>);
  for (const [k, v] of Object.entries(plain)) {
    if (v === undefined || v === null) continue;
    out[k.toLowerCase()] = Array.isArray(v) ? v.join(", ") : String(v);
  }
  return out;
}

function failureReason(e: unknown): string {
  if (axios.isAxiosError(e)) {
    if (e.code === "ECONNABORTED" || e.code === "ETIMEDOUT" || /timeout/i.test(e.message)) {
      return `timeout: ${e.message}`;
    }
    return e.code === undefined ? e.message : `${e.code}: ${e.message}`;
  }
  return e instanceof Error ? e.message : String(e);
}
