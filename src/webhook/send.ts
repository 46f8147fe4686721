import axios, { AxiosInstance } from "axios";
import { isLeft } from "fp-ts/Either";
import { failureKind, retryPolicy } from "../http/retry-policy";
import type { AttemptResult, RetryDecision, RetryPolicy } from "../http/retry-policy";
import { answered, retrying } from "../http/retry-loop";
import { WebhookEvent } from "./event";
import { defaultWebhookRetryPolicy } from "./retry";
import { idempotencyKey, signedRequest } from "./sign";

/** SendWebhookOptions tunes {@link sendWebhook}; every field has a default. */
export interface SendWebhookOptions {
  /** Per-attempt timeout in ms (default 5000); wins over `retry.timeoutMs`. */
  readonly timeoutMs?: number;
  /** Retry policy overrides, merged over `defaultWebhookRetryPolicy` (4 attempts in all, 500 ms doubling to 8 s). */
  readonly retry?: Partial<RetryPolicy>;
  /** The pause between attempts; inject to make tests instant. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** A number in [0, 1) that places each backoff within its ceiling (default `Math.random`); inject to make waits exact. */
  readonly random?: () => number;
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

/** What went wrong, for the result: the status, the timeout or the error code, and a `Retry-After` the sender would not wait for. */
function describeFailure(result: AttemptResult, verdict: RetryDecision, policy: RetryPolicy): string {
  if (result._tag === "Failed") {
    return failureKind(result.reason) === "timeout" ? `no answer within ${policy.timeoutMs} ms` : `network error ${result.reason}`;
  }
  const answered = `receiver answered HTTP ${result.status}`;
  if (verdict._tag === "Stop" && verdict.why === "retry-after-exceeds-cap" && result.retryAfterMs !== undefined) {
    return `${answered} and asked to wait ${Math.ceil(result.retryAfterMs / 1000)} s, more than the ${Math.ceil(policy.retryAfterCapMs / 1000)} s a delivery waits`;
  }
  return answered;
}

/**
 * One POST, as the policy sees it: the status with the `Retry-After` of a 429
 * or 503 (read by the same `answered` as the Genesys transport's), or the
 * failure's error code.
 */
async function attempt(client: AxiosInstance, url: string, body: string, headers: Record<string, string>, timeoutMs: number, nowMs: number): Promise<AttemptResult> {
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
    return answered(response.status, response.headers, nowMs);
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    // Only the error code: axios messages may quote the URL, which can carry credentials.
    return { _tag: "Failed", reason: typeof code === "string" ? code : "unknown" };
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
 * Retries follow the shared HTTP policy (`decide`) with
 * `defaultWebhookRetryPolicy`: resets, refused connections, timeouts, 429
 * and 5xx except 501 are retried with jittered exponential backoff, a
 * `Retry-After` as the minimum wait, up to `retry.maxRetries` times; any
 * other non-2xx status, and a `Retry-After` above the cap, end the delivery
 * at once.
 */
export async function sendWebhook(url: string, event: WebhookEvent, secret: string, options: SendWebhookOptions = {}): Promise<WebhookSendResult> {
  const decoded = WebhookEvent.decode(event);
  if (isLeft(decoded)) return { ok: false, attempts: 0, error: "invalid webhook event (missing or mistyped fields)" };
  const badUrl = checkUrl(url);
  if (badUrl !== undefined) return { ok: false, attempts: 0, error: badUrl };
  const key = idempotencyKey(decoded.right);
  if (secret === "") return { ok: false, attempts: 0, error: "webhook secret is empty", idempotencyKey: key };

  const policy = retryPolicy(
    { ...options.retry, ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }) },
    defaultWebhookRetryPolicy,
  );
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  const client = options.client ?? axios;

  const { result, verdict, retries } = await retrying(async () => {
    const nowMs = now();
    const request = signedRequest(decoded.right, secret, Math.floor(nowMs / 1000));
    const result = await attempt(client, url, request.body, { ...request.headers }, policy.timeoutMs, nowMs);
    // A 3xx is not a delivery: the policy stops on it (`done`), and it is reported as a failure below.
    return { result, value: undefined };
  }, { policy, random, sleep });
  const attempts = retries + 1;
  if (result._tag === "Answered" && result.status >= 200 && result.status < 300) {
    return { ok: true, attempts, status: result.status, idempotencyKey: key };
  }
  const tried = attempts === 1 ? "" : ` (after ${attempts} attempts)`;
  return {
    ok: false,
    attempts,
    ...(result._tag === "Answered" ? { status: result.status } : {}),
    error: `webhook not delivered: ${describeFailure(result, verdict, policy)}${tried}`,
    idempotencyKey: key,
  };
}
