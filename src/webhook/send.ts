import axios, { AxiosInstance } from "axios";
import { isLeft } from "fp-ts/Either";
import { WebhookEvent } from "./event";
import {
  AttemptOutcome,
  WebhookRetryPolicy,
  defaultWebhookRetryPolicy,
  parseRetryAfter,
  shouldRetryWebhook,
  webhookDelayMs,
} from "./retry";
import { idempotencyKey, signedRequest } from "./sign";

/** SendWebhookOptions tunes {@link sendWebhook}; every field has a default. */
export interface SendWebhookOptions {
  /** Per-attempt timeout in ms (default 5000). */
  readonly timeoutMs?: number;
  /** Retry policy overrides (default 4 attempts, 500 ms doubling, capped at 8 s). */
  readonly retry?: Partial<WebhookRetryPolicy>;
  /** The pause between attempts; inject to make tests instant. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** The clock, in ms since the epoch; used for the signing timestamp. */
  readonly now?: () => number;
  /** The HTTP client (default: the shared axios instance). */
  readonly client?: AxiosInstance;
}

/**
 * WebhookSendResult is the outcome of a delivery, as data: whether the
 * receiver accepted it (2xx), how many attempts it took, the last HTTP
 * status if any, and on failure a description that never contains the
 * secret or the URL.
 */
export type WebhookSendResult =
  | { readonly ok: true; readonly attempts: number; readonly status: number; readonly idempotencyKey: string }
  | {
      readonly ok: false;
      readonly attempts: number;
      readonly status?: number;
      readonly error: string;
      readonly idempotencyKey?: string;
    };

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function describeOutcome(outcome: AttemptOutcome, timeoutMs: number): string {
  switch (outcome._tag) {
    case "Response":
      return `receiver answered HTTP ${outcome.status}`;
    case "Timeout":
      return `no answer within ${timeoutMs} ms`;
    case "NetworkError":
      return `network error ${outcome.code}`;
  }
}

async function attempt(client: AxiosInstance, url: string, body: string, headers: Record<string, string>, timeoutMs: number, nowMs: number): Promise<AttemptOutcome> {
  try {
    const response = await client.post<string>(url, body, {
      headers,
      timeout: timeoutMs,
      // Send the signed bytes untouched and never follow a redirect with them.
      transformRequest: [(data: unknown) => data],
      transformResponse: [(data: unknown) => data],
      responseType: "text",
      maxRedirects: 0,
      maxContentLength: 64 * 1024,
      validateStatus: () => true,
    });
    const retryAfter = response.headers["retry-after"];
    const retryAfterMs = parseRetryAfter(typeof retryAfter === "string" ? retryAfter : undefined, nowMs);
    return { _tag: "Response", status: response.status, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) };
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (code === "ECONNABORTED" || code === "ETIMEDOUT") return { _tag: "Timeout" };
    // Only the error code: axios messages may quote the URL, which can carry credentials.
    return { _tag: "NetworkError", code: typeof code === "string" ? code : "unknown" };
  }
}

function checkUrl(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? undefined : "webhook URL must use http or https";
  } catch {
    return "webhook URL is not a valid URL";
  }
}

/**
 * sendWebhook posts `event` to `url`, signed with `secret`, and resolves to a
 * {@link WebhookSendResult}; it never rejects.
 *
 * The body is the exact text of `webhookBody(event)`. Every attempt carries
 * the same body and `Idempotency-Key` and a fresh timestamp and signature.
 * Network errors, timeouts, 5xx and 429 are retried with exponential backoff
 * (honouring `Retry-After`) up to `retry.maxAttempts`; any other non-2xx
 * status ends the delivery at once.
 */
export async function sendWebhook(url: string, event: WebhookEvent, secret: string, options: SendWebhookOptions = {}): Promise<WebhookSendResult> {
  const decoded = WebhookEvent.decode(event);
  if (isLeft(decoded)) return { ok: false, attempts: 0, error: "invalid webhook event (missing or mistyped fields)" };
  const badUrl = checkUrl(url);
  if (badUrl !== undefined) return { ok: false, attempts: 0, error: badUrl };
  const key = idempotencyKey(decoded.right);
  if (secret === "") return { ok: false, attempts: 0, error: "webhook secret is empty", idempotencyKey: key };

  const policy: WebhookRetryPolicy = { ...defaultWebhookRetryPolicy, ...options.retry };
  const timeoutMs = options.timeoutMs ?? 5000;
  const sleep = options.sleep ?? realSleep;
  const now = options.now ?? Date.now;
  const client = options.client ?? axios;

  for (let n = 1; ; n++) {
    const nowMs = now();
    const request = signedRequest(decoded.right, secret, Math.floor(nowMs / 1000));
    const outcome = await attempt(client, url, request.body, { ...request.headers }, timeoutMs, nowMs);
    if (outcome._tag === "Response" && outcome.status >= 200 && outcome.status < 300) {
      return { ok: true, attempts: n, status: outcome.status, idempotencyKey: key };
    }
    if (!shouldRetryWebhook(outcome) || n >= policy.maxAttempts) {
      const tried = n === 1 ? "" : ` (after ${n} attempts)`;
      return {
        ok: false,
        attempts: n,
        ...(outcome._tag === "Response" ? { status: outcome.status } : {}),
        error: `webhook not delivered: ${describeOutcome(outcome, timeoutMs)}${tried}`,
        idempotencyKey: key,
      };
    }
    await sleep(webhookDelayMs(policy, n + 1, outcome));
  }
}
