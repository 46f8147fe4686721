import { Either, isLeft, left, right } from "fp-ts/Either";
import { canonicalJson, payloadHash as stateHashOf } from "../definition";
import { conditionalWrite } from "./conditional-write";
import { describeError } from "./describe";
import { GenesysError, conflict, notFound, serverError } from "./errors";
import { inOperation, OperationScope } from "./operation-scope";
import { pollUntil } from "./poll";
import type { AuditMark } from "../definition/vocabulary/audit-entry";
import type {
  AuditRefusal,
  CreateRequest,
  DeleteRequest,
  OperationRequest,
  SourceApi,
  UpdateRequest,
  WriteAudit,
  WriteError,
  WriteFailure,
  WriteOutcome,
  WriteRecord,
  WriteStatus,
} from "./port";
import type { RemoteSource, SourcePrimitives, WriteTarget } from "./primitives";

/**
 * The one write protocol every Genesys API contract goes through. Adapters
 * supply primitives ({@link SourcePrimitives}); the functions here own the
 * rest, the same for every contract:
 *
 * - write-ahead audit: an `intent` record is appended before an operation's
 *   first remote write, and when it cannot be appended nothing is written;
 *   an outcome record (`success`/`failure`, linked by `intentId`) follows;
 * - the conditional write and the conflict policy;
 * - the re-read after every write (the write's own answer when it shows
 *   the whole object), waiting out read-after-write lag;
 * - idempotent create: what it creates carries the resource's ownership
 *   marker, and a create that finds its own earlier (interrupted) object
 *   completes it instead of failing; a same-named object that is not ours
 *   needs `adoptExisting`;
 * - no request at all for an update whose remote state would not change;
 * - one tally per operation (requests, retries, conflicts) and a time budget
 *   for rate-limited retries.
 *
 * The desired remote state is computed once per operation and handed to
 * every primitive that writes.
 */

/** Tuning of the write protocol; every field has a default. */
export interface ProtocolOptions {
  /** Conditional writes the `overwrite` policy tries; default 3. */
  readonly conflictAttempts?: number;
  /** How long one operation may keep retrying rate-limited requests (ms); default 300000. */
  readonly budgetMs?: number;
}

type Result<A> = Either<GenesysError, A>;
type Outcome = Either<WriteFailure, WriteOutcome>;

/** The facts an operation's audit records share. */
interface Subject {
  readonly action: WriteRecord["action"];
  readonly sourceId: string;
  readonly payloadHash: string;
}

/** A remote step's result, and what the operation learned that its records should say. */
type Step = Result<{ readonly source: RemoteSource | null; readonly status: WriteStatus; readonly conflicts: number; readonly wrote: boolean }>;

/** What an operation ran between its records, and the intent it appended (absent when nothing was to be written). */
interface Done {
  readonly step: Step | undefined;
  readonly intent?: Either<AuditRefusal, AuditMark>;
}

/** The primitives and the protocol's options with their defaults applied. */
interface Protocol<S> {
  readonly p: SourcePrimitives<S>;
  readonly attempts: number;
  readonly budgetMs: number;
}

function protocolOf<S>(p: SourcePrimitives<S>, options: ProtocolOptions): Protocol<S> {
  return { p, attempts: Math.max(1, options.conflictAttempts ?? 3), budgetMs: Math.max(0, options.budgetMs ?? 300_000) };
}

/** Runs one operation's requests in one scope: its tally, its time budget, its progress lines. */
function run<A>(w: Protocol<unknown>, request: OperationRequest, body: () => Promise<A>): Promise<{ readonly value: A; readonly scope: OperationScope }> {
  return inOperation({ deadline: w.p.clock.now() + w.budgetMs, ...(request.progress === undefined ? {} : { progress: request.progress }) }, body);
}

function unreadable(p: SourcePrimitives<unknown>, remoteId: string, sourceId: string): GenesysError {
  return notFound({ method: "GET", path: remoteId, message: `source '${sourceId}' (${remoteId}) is not readable ${Math.ceil(p.settleMs / 1000)} s after it was written` });
}

/** Waits until a read finds the object (a write is not visible at once everywhere). */
async function settle(p: SourcePrimitives<unknown>, remoteId: string, sourceId: string): Promise<Result<RemoteSource>> {
  const seen = await pollUntil(() => p.read(remoteId), (r) => isLeft(r) || r.right !== null, {
    clock: p.clock,
    timeoutMs: p.settleMs,
    intervalMs: p.pollIntervalMs,
    waitingFor: `source '${sourceId}' (${remoteId}) to become readable`,
  });
  if (isLeft(seen)) return seen;
  return seen.right === null ? left(unreadable(p, remoteId, sourceId)) : right(seen.right);
}

/** The object after a write: what the server's answer showed, or a re-read that waits out read-after-write lag. */
function afterWrite(p: SourcePrimitives<unknown>, remoteId: string, sourceId: string, answered: RemoteSource | undefined): Promise<Result<RemoteSource>> {
  return answered === undefined ? settle(p, remoteId, sourceId) : Promise.resolve(right(answered));
}

/**
 * Runs `step` between an intent and an outcome record. Without an intent
 * on file the step never runs. The outcome closes the intent either way.
 */
async function audited(
  p: SourcePrimitives<unknown>,
  audit: WriteAudit,
  subject: Subject,
  intentDetails: WriteRecord["details"],
  step: () => Promise<Step>,
): Promise<Done> {
  const intent = await audit.append({ ...subject, result: "intent", details: { api: p.kind, ...intentDetails } });
  if (isLeft(intent)) return { step: undefined, intent };
  return { step: await step(), intent };
}

/** Turns a finished operation into its outcome record and result. */
async function conclude(
  p: SourcePrimitives<unknown>,
  audit: WriteAudit,
  subject: Subject,
  done: Done,
  scope: OperationScope,
  remoteId: string | undefined,
): Promise<Outcome> {
  const { step, intent } = done;
  if (intent !== undefined && isLeft(intent)) {
    const error: WriteError = { _tag: "AuditUnavailable", refusal: intent.left };
    return left({ error });
  }
  const intentId = intent === undefined ? {} : { intentId: intent.right.auditId };
  const intentHead = intent === undefined ? {} : { auditHead: intent.right.hash };
  const metrics = { requests: scope.requests, retries: scope.retries };
  if (step === undefined || isLeft(step)) {
    const error: GenesysError = step === undefined ? serverError({ method: "-", path: "-", message: "nothing was attempted" }) : step.left;
    const failed = await audit.append({
      ...subject,
      result: "failure",
      ...intentId,
      error: describeError(error),
      details: { api: p.kind, ...(remoteId === undefined ? {} : { remoteId }) },
      metrics,
    });
    const head = isLeft(failed) ? intentHead : { auditHead: failed.right.hash };
    return left({ error, ...head, ...(remoteId === undefined ? {} : { remoteId }) });
  }
  const { source, status, conflicts, wrote } = step.right;
  const closed = await audit.append({
    ...subject,
    result: "success",
    ...intentId,
    details: {
      api: p.kind,
      status,
      remoteWrite: wrote,
      ...(source === null ? (remoteId === undefined ? {} : { remoteId }) : { remoteId: source.remoteId, etag: source.etag }),
    },
    metrics: { ...metrics, conflicts },
  });
  if (isLeft(closed)) {
    const remote = source === null ? remoteId : source.remoteId;
    const error: WriteError = {
      _tag: "AuditUnavailable",
      refusal: closed.left,
      outcome: {
        action: subject.action,
        sourceId: subject.sourceId,
        remoteWrite: wrote,
        status,
        ...(remote === undefined ? {} : { remoteId: remote }),
        ...(intent === undefined ? {} : { intentId: intent.right.auditId }),
      },
    };
    return left({ error, ...intentHead, ...(source === null ? {} : { remoteId: source.remoteId }) });
  }
  return right({ source, status, requests: scope.requests, retries: scope.retries, answered429: scope.answered429, conflicts, audit: closed.right });
}

/** Brings an existing object to the target: complete our own, adopt another when asked. */
async function takeOver<S>(w: Protocol<S>, target: WriteTarget<S>, existing: RemoteSource, ours: boolean): Promise<Step> {
  const status = ours ? ("completed" as const) : ("adopted" as const);
  if (canonicalJson(target.state) === canonicalJson(existing.state)) return right({ source: existing, status, conflicts: 0, wrote: false });
  const written = await conditionalWrite(w.p, {
    remoteId: existing.remoteId,
    target,
    token: existing.etag,
    policy: "overwrite",
    attempts: w.attempts,
    current: existing,
  });
  if (isLeft(written)) return written;
  const source = await afterWrite(w.p, existing.remoteId, target.definition.id, written.right.current);
  return isLeft(source) ? source : right({ source: source.right, status, conflicts: written.right.conflicts, wrote: true });
}

/** Picks the object a create should continue with, or says why it may not. */
function claim(request: CreateRequest, found: ReadonlyArray<RemoteSource>): Result<{ existing: RemoteSource; ours: boolean } | null> {
  if (found.length === 0) return right(null);
  const own = found.find((s) => s.owner === request.owner);
  if (own !== undefined) return right({ existing: own, ours: true });
  const id = request.prepared.definition.id;
  const ids = found.map((s) => s.remoteId).join(", ");
  if (found.length > 1) {
    return left(conflict({ method: "GET", path: id, message: `${found.length} sources are named '${id}' (${ids}); delete all but one, then run \`pulumi up\` again` }));
  }
  if (!request.adoptExisting) {
    return left(conflict({
      method: "POST",
      path: id,
      message: `a source named '${id}' already exists (${ids}) and was not created by this resource; set adoptExisting: true on the resource to take it over, or choose another id`,
    }, undefined, found[0].etag));
  }
  return right({ existing: found[0], ours: false });
}

/** Reads one source by remote id in its own operation scope (its waits reported as progress). */
export async function readSource<S>(p: SourcePrimitives<S>, remoteId: string, request: OperationRequest = {}, options: ProtocolOptions = {}): Promise<Result<RemoteSource | null>> {
  return (await run(protocolOf(p, options), request, () => p.read(remoteId))).value;
}

/** Creates a source, completes its own interrupted create, or adopts a same-named one when asked; audited. */
export async function createSource<S>(p: SourcePrimitives<S>, request: CreateRequest, audit: WriteAudit, options: ProtocolOptions = {}): Promise<Outcome> {
  const w = protocolOf(p, options);
  const { definition } = request.prepared;
  const subject: Subject = { action: "create", sourceId: definition.id, payloadHash: request.prepared.payloadHash };
  const target: WriteTarget<S> = { definition, state: p.desiredState(request.prepared, request.options) };
  let remoteId: string | undefined;
  const { value, scope } = await run(w, request, async (): Promise<Done> => {
    if (!p.exclusiveCreate) {
      const found = await p.find(definition.id);
      if (isLeft(found)) return { step: found };
      const claimed = claim(request, found.right);
      if (isLeft(claimed)) return { step: claimed };
      if (claimed.right !== null) {
        const { existing, ours } = claimed.right;
        remoteId = existing.remoteId;
        return audited(p, audit, subject, { owner: request.owner, remoteId, expectedToken: existing.etag }, () => takeOver(w, target, existing, ours));
      }
    }
    return audited(p, audit, subject, { owner: request.owner, expectedToken: null }, async (): Promise<Step> => {
      const made = await p.make(target, request.owner);
      if (isLeft(made)) return made;
      switch (made.right._tag) {
        case "Exists": {
          const found = await p.find(definition.id);
          if (isLeft(found)) return found;
          const claimed = claim(request, found.right);
          if (isLeft(claimed)) return claimed;
          if (claimed.right === null) return left(conflict({ method: "PUT", path: definition.id, message: `source '${definition.id}' exists but cannot be read; run \`pulumi up\` again` }));
          remoteId = claimed.right.existing.remoteId;
          return takeOver(w, target, claimed.right.existing, claimed.right.ours);
        }
        case "Complete": {
          remoteId = made.right.remoteId;
          const source = await afterWrite(p, remoteId, definition.id, made.right.current);
          return isLeft(source) ? source : right({ source: source.right, status: "created" as const, conflicts: 0, wrote: true });
        }
        case "Shell": {
          remoteId = made.right.remoteId;
          const shell = made.right.current;
          if (shell === null) return left(unreadable(p, remoteId, definition.id));
          const step = await takeOver(w, target, shell, true);
          return isLeft(step) ? step : right({ ...step.right, status: "created" as const, wrote: true });
        }
      }
    });
  });
  return conclude(p, audit, subject, value, scope, remoteId);
}

/** Updates a managed source with a conditional write and the conflict policy; nothing is sent when the remote state would not change. Audited. */
export async function updateSource<S>(p: SourcePrimitives<S>, request: UpdateRequest, audit: WriteAudit, options: ProtocolOptions = {}): Promise<Outcome> {
  const w = protocolOf(p, options);
  const { definition, payloadHash } = request.prepared;
  const subject: Subject = { action: "update", sourceId: definition.id, payloadHash };
  const target: WriteTarget<S> = { definition, state: p.desiredState(request.prepared, request.options) };
  const { value, scope } = await run(w, request, async (): Promise<Done> => {
    if (request.recordedStateHash !== undefined && stateHashOf(target.state) === request.recordedStateHash) {
      // The change lies in parts this API does not carry: nothing to send.
      return { step: right({ source: null, status: "unchanged" as const, conflicts: 0, wrote: false }) };
    }
    return audited(p, audit, subject, { remoteId: request.remoteId, expectedToken: request.token, policy: request.policy }, async (): Promise<Step> => {
      const written = await conditionalWrite(p, { remoteId: request.remoteId, target, token: request.token, policy: request.policy, attempts: w.attempts });
      if (isLeft(written)) return written;
      const source = await afterWrite(p, request.remoteId, definition.id, written.right.current);
      return isLeft(source) ? source : right({ source: source.right, status: "updated" as const, conflicts: written.right.conflicts, wrote: true });
    });
  });
  return conclude(p, audit, subject, value, scope, request.remoteId);
}

/** Deletes a managed source, waiting until it is gone where deletes lag; one already gone is success. Audited. */
export async function deleteSource<S>(p: SourcePrimitives<S>, request: DeleteRequest, audit: WriteAudit, options: ProtocolOptions = {}): Promise<Outcome> {
  const w = protocolOf(p, options);
  const subject: Subject = { action: "delete", sourceId: request.sourceId, payloadHash: request.payloadHash };
  const { value, scope } = await run(w, request, () =>
    audited(p, audit, subject, { remoteId: request.remoteId }, async (): Promise<Step> => {
      const removed = await p.remove(request.remoteId);
      if (isLeft(removed)) return removed;
      const status = removed.right ? ("deleted" as const) : ("absent" as const);
      if (!p.lagsAfterDelete) return right({ source: null, status, conflicts: 0, wrote: removed.right });
      const gone = await pollUntil(() => p.read(request.remoteId), (r) => isLeft(r) || r.right === null, {
        clock: p.clock,
        timeoutMs: p.settleMs,
        intervalMs: p.pollIntervalMs,
        waitingFor: `source '${request.sourceId}' (${request.remoteId}) to disappear`,
      });
      if (isLeft(gone)) return gone;
      if (gone.right !== null) {
        return left(serverError({ method: "GET", path: request.remoteId, message: `source '${request.sourceId}' is still readable ${Math.ceil(p.settleMs / 1000)} s after it was deleted` }));
      }
      return right({ source: null, status, conflicts: 0, wrote: removed.right });
    }),
  );
  return conclude(p, audit, subject, value, scope, request.remoteId);
}

/**
 * The port over one contract's primitives: the primitives themselves, and
 * {@link createSource}, {@link updateSource}, {@link deleteSource} and
 * {@link readSource} as its audited operations.
 */
export function sourceApi<S>(p: SourcePrimitives<S>, options: ProtocolOptions = {}): SourceApi<S> {
  return {
    kind: p.kind,
    clock: p.clock,
    exclusiveCreate: p.exclusiveCreate,
    settleMs: p.settleMs,
    lagsAfterDelete: p.lagsAfterDelete,
    pollIntervalMs: p.pollIntervalMs,
    desiredState: (prepared, writeOptions) => p.desiredState(prepared, writeOptions),
    definitionPath: (statePath) => p.definitionPath(statePath),
    read: (remoteId, request = {}) => readSource(p, remoteId, request, options),
    find: (definitionId) => p.find(definitionId),
    make: (target, owner) => p.make(target, owner),
    write: (remoteId, target, token, current) => p.write(remoteId, target, token, current),
    remove: (remoteId) => p.remove(remoteId),
    create: (request, audit) => createSource(p, request, audit, options),
    update: (request, audit) => updateSource(p, request, audit, options),
    delete: (request, audit) => deleteSource(p, request, audit, options),
  };
}
