import type { RouteInputTransformer, RouteTransform, Undelivered } from "../definition";
import type { SourceInputs } from "./inputs";

/** Numbers a deployment reports about one source (a stack output per source). */
export interface SourceMetrics {
  /** Milliseconds from the start of the operation to the re-read after the write. */
  readonly configurationLatencyMs: number;
  /** Share of sample events whose directives and mappings all resolved (1 when no samples were given). */
  readonly validationSuccessRate: number;
  /** `created`, `completed` (an interrupted create finished), `adopted`, `updated` or `unchanged` (no remote write was needed). */
  readonly registrationStatus: string;
  /** Requests the HTTP policy repeated (429, 5xx, resets, token refresh). */
  readonly retries: number;
  /** Requests answered 429 (a rate limit the token pacing did not foresee). */
  readonly requestsAnswered429: number;
  /** Concurrency conflicts met (stale ETag or config version). */
  readonly conflicts: number;
}

/**
 * What the provider records in state. The inputs are kept because `diff` and
 * `update` receive the old outputs, not the old inputs. A type alias, not an
 * interface, so that it is a property bag (`Record<string, unknown>`) too.
 */
export type SourceOutputs = SourceInputs & {
  /** The id the API knows the object by (the resource id). */
  readonly remoteId: string;
  /** The API contract it was written through. */
  readonly api: string;
  /** The concurrency token the server returned on the last write or read. */
  readonly etag: string;
  /** SHA-256 hex of the canonical payload: the audit hash. */
  readonly payloadHash: string;
  /** Size of the canonical payload in bytes (limit 262,144). */
  readonly payloadBytes: number;
  /** The audit entry of the last create or update. */
  readonly auditId: string;
  /** The hash of that entry: the audit log's head when it was written, to check the log against (`audit verify --head`). */
  readonly auditHead: string;
  /** When that entry was written (ISO 8601). */
  readonly auditTime: string;
  /** SHA-256 hex of what the server held after the last write or refresh, in the adapter's representation. */
  readonly remoteStateHash: string;
  /** Paths where the server differs from the applied definition (filled by refresh). */
  readonly drift: string[];
  /** Adapter facts such as `partnerEventSourceName`. */
  readonly facts: Record<string, string>;
  /** The partner event source the API reports (`""` when it reports none). */
  readonly partnerEventSourceName: string;
  /** The compiled EventBridge event patterns (JSON), one per rule. */
  readonly eventPatterns: string[];
  /** The compiled event pattern (JSON), present only when there is exactly one rule. */
  readonly eventPattern?: string;
  /** The compiled input transformer. */
  readonly inputTransformer: RouteInputTransformer;
  /** The transform stage between rule and targets (`null` when the input transformer carries everything). */
  readonly transform: RouteTransform;
  /** What the route does not carry out. */
  readonly undelivered: Undelivered[];
  /** Latency, validation rate, status, retries and conflicts of the last write. */
  readonly metrics: SourceMetrics;
};

/**
 * The outputs that are not inputs, each named once (the type makes the list
 * complete): what is left out of the recorded outputs to get the inputs back,
 * as a refresh reports them.
 */
export const OUTPUT_ONLY_KEYS: Readonly<Record<Exclude<keyof SourceOutputs, keyof SourceInputs>, true>> = {
  remoteId: true,
  api: true,
  etag: true,
  payloadHash: true,
  payloadBytes: true,
  auditId: true,
  auditHead: true,
  auditTime: true,
  remoteStateHash: true,
  drift: true,
  facts: true,
  partnerEventSourceName: true,
  eventPatterns: true,
  eventPattern: true,
  inputTransformer: true,
  transform: true,
  undelivered: true,
  metrics: true,
};

/** The inputs inside recorded outputs: every key but the output-only ones (and the host's `__provider`). */
export function inputsOf(outputs: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(outputs).filter(([k]) => k !== "__provider" && !Object.prototype.hasOwnProperty.call(OUTPUT_ONLY_KEYS, k)));
}
