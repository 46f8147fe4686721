import { Either, left, right } from "fp-ts/Either";
import { canonicalJson, MAX_PAYLOAD_BYTES, textHash } from "./canonical-json";
import { compileRoute } from "./eventbridge/route";
import type { CompiledRoute } from "./eventbridge/route";
import { definitionIssue, DefinitionIssue } from "./issue";
import { issuesFromErrors } from "./issues-from-errors";
import { buildPayload, EventStreamPayload } from "./payload";
import { projectSamples, Projection } from "./projection";
import type { SampleEvent } from "./sample-event";
import { SourceDefinition } from "./source-definition";
import { withHygiene } from "./with-hygiene";

/**
 * A definition checked and turned into everything an operation uses of it,
 * each computed once: the decoded definition, its payload and canonical JSON,
 * the payload's hash and size. Operations pass this value on instead of
 * deriving any of it again; a later step that needs another derived value
 * adds a field here (see {@link prepareDefinition}).
 */
export interface PreparedPayload {
  /** The decoded definition, defaults applied. */
  readonly definition: SourceDefinition;
  /** The event-streams payload of the definition (see `buildPayload`). */
  readonly payload: EventStreamPayload;
  /** The payload's canonical JSON (see `canonicalJson`): what is hashed, measured and sent. */
  readonly canonicalPayload: string;
  /** SHA-256 hex of {@link canonicalPayload}: the audit hash. */
  readonly payloadHash: string;
  /** Bytes of {@link canonicalPayload} in UTF-8 (at most `MAX_PAYLOAD_BYTES`). */
  readonly payloadBytes: number;
}

/** A {@link PreparedPayload} with the samples projected through it and its AWS route compiled. */
export interface PreparedDefinition extends PreparedPayload {
  /** What the samples became, one projection per sample (none when no samples were given). */
  readonly projections: ReadonlyArray<Projection>;
  /** Share of the samples that resolved: 1 without samples (a failed projection is an issue, not a rate). */
  readonly validationSuccessRate: number;
  /** The event pattern, input transformer and undelivered parts, without a partner event source name (see `compileRoute`). */
  readonly route: CompiledRoute;
}

/**
 * Decodes and validates any value as a source definition (hygiene, schema,
 * semantic rules) and builds its payload once: the canonical JSON serves the
 * size limit, the hash and the byte count. Collects every issue; never throws.
 */
export function preparePayload(input: unknown): Either<ReadonlyArray<DefinitionIssue>, PreparedPayload> {
  return withHygiene(input, "", () => {
    try {
      const decoded = SourceDefinition.validate(input, [{ key: "", type: SourceDefinition, actual: input }]);
      if (decoded._tag === "Left") return left(issuesFromErrors(decoded.left));
      return payloadOf(decoded.right);
    } catch (e) {
      // Only exotic non-JSON inputs (proxies, throwing getters) can get here.
      return left([definitionIssue("", `cannot be read as JSON data: ${e instanceof Error ? e.message : String(e)}`)]);
    }
  });
}

/** The payload part of an already decoded definition; a `Left` when it is over the size limit. */
export function payloadOf(definition: SourceDefinition): Either<ReadonlyArray<DefinitionIssue>, PreparedPayload> {
  const payload = buildPayload(definition);
  const canonicalPayload = canonicalJson(payload);
  const payloadBytes = Buffer.byteLength(canonicalPayload, "utf8");
  if (payloadBytes > MAX_PAYLOAD_BYTES) {
    return left([definitionIssue("", `payload is ${payloadBytes} bytes of canonical JSON; at most ${MAX_PAYLOAD_BYTES} bytes are allowed`)]);
  }
  return right({ definition, payload, canonicalPayload, payloadHash: textHash(canonicalPayload), payloadBytes });
}

/**
 * Everything an operation needs of a definition, computed in one pass:
 * {@link preparePayload}, then the samples projected through it (a sample
 * that does not resolve is an issue at `samples[i]...`), then the AWS route.
 * Pure; never throws.
 */
export function prepareDefinition(
  input: unknown,
  samples: ReadonlyArray<SampleEvent> = [],
): Either<ReadonlyArray<DefinitionIssue>, PreparedDefinition> {
  const prepared = preparePayload(input);
  return prepared._tag === "Left" ? prepared : completePreparation(prepared.right, samples);
}

/** Projects the samples through a prepared payload and compiles its route (the second half of {@link prepareDefinition}). */
export function completePreparation(
  prepared: PreparedPayload,
  samples: ReadonlyArray<SampleEvent> = [],
): Either<ReadonlyArray<DefinitionIssue>, PreparedDefinition> {
  const projected = samples.length === 0 ? right([]) : projectSamples(prepared.definition, samples);
  if (projected._tag === "Left") return projected;
  return right({
    ...prepared,
    projections: projected.right,
    validationSuccessRate: samples.length === 0 ? 1 : projected.right.length / samples.length,
    route: compileRoute(prepared.definition),
  });
}
