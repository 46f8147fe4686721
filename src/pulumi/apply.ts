import * as E from "fp-ts/Either";
import {
  buildPayload,
  decodeSamples,
  formatIssue,
  payloadBytes,
  payloadHash,
  projectSamples,
  SourceDefinition,
  validateDefinition,
} from "../definition";
import { appendAuditEntry } from "../audit";
import { describeError } from "../genesys";
import type { ConflictPolicy, IntendedState, RemoteSource, WriteOptions, WriteOutcome } from "../genesys/port";
import type { OperationContext } from "./context";
import { definitionOf, SourceInputs } from "./inputs";
import type { SourceMetrics, SourceOutputs } from "./outputs";

/** How a create or update reached the API. */
export type ApplyMode = { kind: "create" } | { kind: "update"; remoteId: string; etag: string };

/** The error shape the dynamic provider turns into "created, but failed to initialise": the resource is recorded. */
export interface InitFailure {
  readonly id: string;
  readonly properties: Record<string, unknown>;
  readonly message: string;
  readonly reasons: string[];
}

/**
 * Creates or updates one source: validate, project the samples (before any
 * write), write through the port with the concurrency token, append the
 * audit entry, return the outputs. A failed write is audited and thrown as an
 * `Error`; a failure after a successful write throws an `InitFailure` so the
 * engine still records the remote object.
 */
export async function applySource(
  ctx: OperationContext,
  mode: ApplyMode,
  inputs: Record<string, unknown>,
): Promise<{ id: string; outs: SourceOutputs }> {
  const started = ctx.now();
  const action = mode.kind;
  const { definition, payload, hash, rate } = await validateOrAudit(ctx, action, inputs);
  const policy = (inputs.conflictPolicy as ConflictPolicy | undefined) ?? ctx.settings.defaultConflictPolicy;

  const options: WriteOptions = { intendedState: (inputs.intendedState as IntendedState | undefined) ?? "ENABLED" };
  const written = await write(ctx, mode, definition, policy, inputs.adoptExisting === true, options);
  if (E.isLeft(written)) {
    const message = describeError(written.left);
    await appendAuditEntry(ctx.settings.auditLogPath, {
      action,
      sourceId: definition.id,
      payloadHash: hash,
      result: "failure",
      error: message,
      details: { api: ctx.api.kind },
    }).catch(() => undefined); // the write error is the one to report
    throw new Error(`${action} of EventBridge source '${definition.id}' failed: ${message}`);
  }
  const { outcome, status } = written.right;
  const metrics: SourceMetrics = {
    configurationLatencyMs: Math.round(ctx.now() - started),
    validationSuccessRate: rate,
    registrationStatus: status,
    retries: outcome.retries,
    conflicts: outcome.conflicts,
  };
  const base = outputsOf(inputs, definition, outcome.source, ctx.api.kind, hash, payloadBytes(payload), metrics);
  try {
    const entry = await appendAuditEntry(ctx.settings.auditLogPath, {
      action,
      sourceId: definition.id,
      payloadHash: hash,
      result: "success",
      metrics: {
        configurationLatencyMs: metrics.configurationLatencyMs,
        validationSuccessRate: metrics.validationSuccessRate,
        retries: metrics.retries,
        conflicts: metrics.conflicts,
      },
      details: { api: ctx.api.kind, remoteId: outcome.source.remoteId, etag: outcome.source.etag, status },
    });
    return { id: outcome.source.remoteId, outs: { ...base, auditId: entry.auditId } };
  } catch (e) {
    const reason = `the audit log could not be written: ${e instanceof Error ? e.message : String(e)}`;
    const failure: InitFailure = {
      id: outcome.source.remoteId,
      properties: { ...base, __provider: inputs.__provider },
      message: `EventBridge source '${definition.id}' was written (etag ${outcome.source.etag}) but ${reason}`,
      reasons: [reason],
    };
    throw failure;
  }
}

async function write(
  ctx: OperationContext,
  mode: ApplyMode,
  definition: SourceDefinition,
  policy: ConflictPolicy,
  adopt: boolean,
  options: WriteOptions,
) {
  if (mode.kind === "update") {
    const r = await ctx.api.replace(mode.remoteId, definition, mode.etag, policy, options);
    return E.map((outcome: WriteOutcome) => ({ outcome, status: "updated" }))(r);
  }
  if (adopt) {
    const found = await ctx.api.find(definition.id);
    if (E.isLeft(found)) return found;
    if (found.right !== null) {
      const r = await ctx.api.replace(found.right.remoteId, definition, found.right.etag, "overwrite", options);
      return E.map((outcome: WriteOutcome) => ({ outcome, status: "adopted" }))(r);
    }
  }
  const r = await ctx.api.create(definition, options);
  return E.map((outcome: WriteOutcome) => ({ outcome, status: "created" }))(r);
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
  return {
    ...(kept as unknown as SourceInputs),
    remoteId: source.remoteId,
    api,
    etag: source.etag,
    payloadHash: hash,
    payloadBytes: bytes,
    auditId: "",
    remoteStateHash: stateHash(source.state),
    drift: [],
    facts: { ...source.facts },
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
    const payload = buildPayload(definition);
    return { definition, payload, hash: payloadHash(payload), rate: projectOrThrow(definition, inputs.samples) };
  } catch (e) {
    await appendAuditEntry(ctx.settings.auditLogPath, {
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

/** Projects the samples; returns the share that resolved, or throws the mismatches before any write. */
function projectOrThrow(definition: SourceDefinition, raw: unknown): number {
  if (raw === undefined) return 1;
  const samples = decodeSamples(raw);
  if (E.isLeft(samples)) throw new Error(`invalid samples:\n${samples.left.map(formatIssue).join("\n")}`);
  if (samples.right.length === 0) return 1;
  const projected = projectSamples(definition, samples.right);
  if (E.isLeft(projected)) {
    throw new Error(
      `sample events do not resolve through '${definition.id}'; nothing was written:\n${projected.left.map(formatIssue).join("\n")}`,
    );
  }
  return projected.right.length / samples.right.length;
}
