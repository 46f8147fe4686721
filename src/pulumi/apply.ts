import * as E from "fp-ts/Either";
import {
  buildPayload,
  compileRoute,
  formatIssue,
  payloadBytes,
  payloadHash,
  projectSamples,
  SampleEvent,
  SourceDefinition,
  validateDefinition,
} from "../definition";
import { describeAuditError, tryAppendAuditEntry } from "../audit";
import { describeWriteError } from "../genesys";
import type { RemoteSource, WriteAudit, WriteOptions } from "../genesys/port";
import type { OperationContext } from "./context";
import type { ProviderSettings } from "./settings";
import { definitionOf, SourceInputs } from "./inputs";
import { decodeSteering, SteeringInputs } from "./steering";
import type { SourceMetrics, SourceOutputs } from "./outputs";

/** How a create or update reaches the API: a create, or an update of what the old outputs recorded. */
export type ApplyMode =
  | { kind: "create" }
  | { kind: "update"; remoteId: string; olds: Readonly<Record<string, unknown>> };

/**
 * Creates or updates one source: validate, project the samples (before any
 * write), then hand the write to the write protocol, which audits the intent
 * before any remote write and the outcome after it, writes with the
 * concurrency token, and re-reads. A failure is thrown as an `Error` whose
 * message says what happened and how to fix it.
 */
export async function applySource(
  ctx: OperationContext,
  mode: ApplyMode,
  inputs: Record<string, unknown>,
): Promise<{ id: string; outs: SourceOutputs }> {
  const started = ctx.now();
  const action = mode.kind;
  const { definition, steering, payload, hash, rate } = await validateOrAudit(ctx, action, inputs);
  const options: WriteOptions = { intendedState: steering.intendedState };
  const audit = auditWriter(ctx.settings);
  const progress = (line: string): void => ctx.progress(`${definition.id}: ${line}`);
  const result = mode.kind === "create"
    ? await ctx.api.create({
      definition,
      options,
      payloadHash: hash,
      owner: steering.owner,
      adoptExisting: steering.adoptExisting,
      progress,
    }, audit)
    : await ctx.api.update({
      remoteId: mode.remoteId,
      definition,
      options,
      payloadHash: hash,
      token: typeof mode.olds.etag === "string" ? mode.olds.etag : "",
      policy: steering.conflictPolicy ?? ctx.settings.defaultConflictPolicy,
      ...(typeof mode.olds.remoteStateHash === "string" ? { recordedStateHash: mode.olds.remoteStateHash } : {}),
      progress,
    }, audit);
  if (E.isLeft(result)) {
    const { error, remoteId } = result.left;
    const left = mode.kind === "create" && remoteId !== undefined
      ? ` The remote source ${remoteId} exists and carries this resource's marker: the next \`pulumi up\` completes it.`
      : "";
    throw new Error(`${action} of EventBridge source '${definition.id}' failed: ${describeWriteError(error)}${left}`);
  }
  const outcome = result.right;
  const metrics: SourceMetrics = {
    configurationLatencyMs: Math.round(ctx.now() - started),
    validationSuccessRate: rate,
    registrationStatus: outcome.status,
    retries: outcome.retries,
    conflicts: outcome.conflicts,
  };
  // An update that needed no remote write keeps what the server was last seen to hold.
  const source: RemoteSource = outcome.source ?? {
    remoteId: mode.kind === "update" ? mode.remoteId : "",
    etag: mode.kind === "update" && typeof mode.olds.etag === "string" ? mode.olds.etag : "",
    state: undefined,
    facts: mode.kind === "update" ? ((mode.olds.facts as Record<string, string> | undefined) ?? {}) : {},
  };
  const base = outputsOf(inputs, definition, source, ctx.api.kind, hash, payloadBytes(payload), metrics);
  const remoteStateHash = outcome.source === null && mode.kind === "update" && typeof mode.olds.remoteStateHash === "string"
    ? mode.olds.remoteStateHash
    : base.remoteStateHash;
  return {
    id: source.remoteId,
    outs: { ...base, remoteStateHash, auditId: outcome.audit.auditId, auditHead: outcome.audit.hash, auditTime: outcome.audit.timestamp },
  };
}

/** The audit log (a file or an S3 prefix) as the write protocol writes to it. */
export function auditWriter(settings: Pick<ProviderSettings, "auditLogPath" | "auditS3Endpoint">): WriteAudit {
  const options = settings.auditS3Endpoint === undefined ? {} : { s3Endpoint: settings.auditS3Endpoint };
  return {
    async append(record) {
      const result = await tryAppendAuditEntry(settings.auditLogPath, record, options);
      return result.ok
        ? E.right({ auditId: result.entry.auditId, hash: result.entry.hash, timestamp: result.entry.timestamp })
        : E.left(describeAuditError(result.error));
    },
  };
}

/** Builds the recorded outputs: the inputs (needed by later diffs) plus what the server holds. */
export function outputsOf(
  inputs: Record<string, unknown>,
  definition: SourceDefinition,
  source: RemoteSource,
  api: string,
  hash: string,
  bytes: number,
  metrics: SourceMetrics,
): SourceOutputs {
  const kept = { ...inputs } as Record<string, unknown>;
  delete kept.__provider;
  // Samples stay: a refresh reports the inputs back from these outputs (see inputsOf), and without them
  // the next preview would show the samples as added.
  // Without the partner name, as the AWS component compiles it: the pattern is then known at preview there.
  const route = compileRoute(definition);
  return {
    ...(kept as unknown as SourceInputs),
    remoteId: source.remoteId,
    api,
    etag: source.etag,
    payloadHash: hash,
    payloadBytes: bytes,
    auditId: "",
    auditHead: "",
    auditTime: "",
    remoteStateHash: stateHash(source.state),
    drift: [],
    facts: { ...source.facts },
    partnerEventSourceName: source.facts.partnerEventSourceName ?? "",
    eventPattern: route.eventPattern,
    inputTransformer: { inputPaths: { ...route.inputTransformer.inputPaths }, inputTemplate: route.inputTransformer.inputTemplate },
    transform: route.transform === null ? null : { ...route.transform },
    undelivered: route.undelivered.map((u) => ({ ...u })),
    metrics,
  };
}

/** SHA-256 hex of a remote state's canonical JSON. */
export function stateHash(state: unknown): string {
  return payloadHash(state);
}

/**
 * Validates the definition and projects the samples. A failure is an attempt
 * too: it is audited (nothing was written) before it is thrown.
 */
async function validateOrAudit(ctx: OperationContext, action: ApplyMode["kind"], inputs: Record<string, unknown>) {
  let definition: SourceDefinition | undefined;
  try {
    definition = decodeOrThrow(inputs);
    const steering = steeringOrThrow(inputs);
    const payload = buildPayload(definition);
    return { definition, steering, payload, hash: payloadHash(payload), rate: projectOrThrow(definition, steering.samples) };
  } catch (e) {
    await auditWriter(ctx.settings).append({
      action,
      sourceId: String(inputs.sourceId ?? ""),
      payloadHash: definition === undefined ? "" : payloadHash(buildPayload(definition)),
      result: "failure",
      error: e instanceof Error ? e.message : String(e),
      details: { api: ctx.api.kind, stage: "validation" },
    }).catch(() => undefined); // the validation error is the one to report
    throw e;
  }
}

function decodeOrThrow(inputs: Record<string, unknown>): SourceDefinition {
  const decoded = validateDefinition(definitionOf(inputs));
  if (E.isLeft(decoded)) {
    throw new Error(`invalid EventBridge source definition:\n${decoded.left.map(formatIssue).join("\n")}`);
  }
  return decoded.right;
}

function steeringOrThrow(inputs: Record<string, unknown>): SteeringInputs {
  const decoded = decodeSteering(inputs);
  if (E.isLeft(decoded)) throw new Error(`invalid EventBridge source inputs:\n${decoded.left.map(formatIssue).join("\n")}`);
  return decoded.right;
}

/** Projects the samples; returns the share that resolved, or throws the mismatches before any write. */
function projectOrThrow(definition: SourceDefinition, samples: ReadonlyArray<SampleEvent> | undefined): number {
  if (samples === undefined || samples.length === 0) return 1;
  const projected = projectSamples(definition, samples);
  if (E.isLeft(projected)) {
    throw new Error(
      `sample events do not resolve through '${definition.id}'; nothing was written:\n${projected.left.map(formatIssue).join("\n")}`,
    );
  }
  return projected.right.length / samples.length;
}
