import * as E from "fp-ts/Either";
import { payloadHash } from "../definition";
import type { PreparedDefinition } from "../definition/prepare";
import { openAuditAppender } from "../audit/append";
import { describeAuditError } from "../audit/errors";
import { describeWriteError } from "../genesys/describe";
import { WriteAudit, auditRefusal } from "../genesys/port";
import type { RemoteSource, WriteOptions } from "../genesys/primitives";
import type { OperationContext } from "./context";
import type { ProviderSettings } from "./settings";
import type { SourceInputs } from "./inputs";
import { describePreparationFailure, prepareInputs, PreparedInputs } from "./prepare-inputs";
import type { SourceMetrics, SourceOutputs } from "./outputs";

/** How a create or update reaches the API: a create, or an update of what the old outputs recorded. */
export type ApplyMode =
  | { kind: "create" }
  | { kind: "update"; remoteId: string; olds: Readonly<Record<string, unknown>> };

/**
 * Creates or updates one source: validate, project the samples (before any
 * write), then hand the write to the write protocol, which audits the intent
 * before any remote write and the outcome after it, writes with the
 * concurrency token, and re-reads. A failure is a `Left` message that says
 * what happened and how to fix it (the provider's edge throws it).
 */
export async function applySource(
  ctx: OperationContext,
  mode: ApplyMode,
  inputs: Record<string, unknown>,
): Promise<E.Either<string, { id: string; outs: SourceOutputs }>> {
  const started = ctx.now();
  const action = mode.kind;
  const ready = await prepareOrAudit(ctx, action, inputs);
  if (E.isLeft(ready)) return ready;
  const { prepared, steering } = ready.right;
  const { definition } = prepared;
  const options: WriteOptions = { intendedState: steering.intendedState };
  const audit = ctx.audit;
  const progress = (line: string): void => ctx.progress(`${definition.id}: ${line}`);
  const result = mode.kind === "create"
    ? await ctx.api.create({
      prepared,
      options,
      owner: steering.owner,
      adoptExisting: steering.adoptExisting,
      progress,
    }, audit)
    : await ctx.api.update({
      remoteId: mode.remoteId,
      prepared,
      options,
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
    return E.left(`${action} of EventBridge source '${definition.id}' failed: ${describeWriteError(error)}${left}`);
  }
  const outcome = result.right;
  const metrics: SourceMetrics = {
    configurationLatencyMs: Math.round(ctx.now() - started),
    validationSuccessRate: prepared.validationSuccessRate,
    registrationStatus: outcome.status,
    retries: outcome.retries,
    requestsAnswered429: outcome.answered429,
    conflicts: outcome.conflicts,
  };
  // An update that needed no remote write keeps what the server was last seen to hold.
  const source: RemoteSource = outcome.source ?? {
    remoteId: mode.kind === "update" ? mode.remoteId : "",
    etag: mode.kind === "update" && typeof mode.olds.etag === "string" ? mode.olds.etag : "",
    state: undefined,
    facts: mode.kind === "update" ? ((mode.olds.facts as Record<string, string> | undefined) ?? {}) : {},
  };
  const base = outputsOf(inputs, prepared, source, ctx.api.kind, metrics);
  const remoteStateHash = outcome.source === null && mode.kind === "update" && typeof mode.olds.remoteStateHash === "string"
    ? mode.olds.remoteStateHash
    : base.remoteStateHash;
  return E.right({
    id: source.remoteId,
    outs: { ...base, remoteStateHash, auditId: outcome.audit.auditId, auditHead: outcome.audit.hash, auditTime: outcome.audit.timestamp },
  });
}

/**
 * The audit log (a file or an S3 prefix) as the write protocol writes to it,
 * opened once: the location is parsed here, not on every append. A location
 * that names no store refuses every append with the typed refusal.
 */
export function auditWriter(settings: Pick<ProviderSettings, "auditLogPath" | "auditS3Endpoint">): WriteAudit {
  const options = settings.auditS3Endpoint === undefined ? {} : { s3Endpoint: settings.auditS3Endpoint };
  const appender = openAuditAppender(settings.auditLogPath, options);
  if (E.isLeft(appender)) {
    const refused = auditRefusal(appender.left._tag, describeAuditError(appender.left));
    return { append: async () => E.left(refused) };
  }
  const opened = appender.right;
  return {
    async append(record) {
      const result = await opened.append(record);
      return E.isLeft(result)
        ? E.left(auditRefusal(result.left._tag, describeAuditError(result.left)))
        : E.right({ auditId: result.right.auditId, hash: result.right.hash, timestamp: result.right.timestamp });
    },
  };
}

/** Builds the recorded outputs: the inputs (needed by later diffs) plus what the server holds. */
export function outputsOf(
  inputs: Record<string, unknown>,
  prepared: PreparedDefinition,
  source: RemoteSource,
  api: string,
  metrics: SourceMetrics,
): SourceOutputs {
  const kept = { ...inputs } as Record<string, unknown>;
  delete kept.__provider;
  // Samples stay: a refresh reports the inputs back from these outputs (see inputsOf), and without them
  // the next preview would show the samples as added.
  // Without the partner name, as the AWS component compiles it: the pattern is then known at preview there.
  const { route } = prepared;
  return {
    ...(kept as unknown as SourceInputs),
    remoteId: source.remoteId,
    api,
    etag: source.etag,
    payloadHash: prepared.payloadHash,
    payloadBytes: prepared.payloadBytes,
    auditId: "",
    auditHead: "",
    auditTime: "",
    remoteStateHash: stateHash(source.state),
    drift: [],
    facts: { ...source.facts },
    partnerEventSourceName: source.facts.partnerEventSourceName ?? "",
    eventPatterns: [...route.eventPatterns],
    ...(route.eventPattern === undefined ? {} : { eventPattern: route.eventPattern }),
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
 * Prepares the inputs (see {@link prepareInputs}). A failure is an attempt
 * too: it is audited (nothing was written) before it is returned.
 */
async function prepareOrAudit(ctx: OperationContext, action: ApplyMode["kind"], inputs: Record<string, unknown>): Promise<E.Either<string, PreparedInputs>> {
  const prepared = prepareInputs(inputs);
  if (E.isRight(prepared)) return prepared;
  const failure = prepared.left;
  const message = describePreparationFailure(failure);
  // The validation error is the one to report, whether or not its record could be appended.
  await ctx.audit.append({
    action,
    sourceId: String(inputs.sourceId ?? ""),
    payloadHash: failure._tag === "InvalidDefinition" ? "" : failure.payload.payloadHash,
    result: "failure",
    error: message,
    details: { api: ctx.api.kind, stage: "validation" },
  });
  return E.left(message);
}
