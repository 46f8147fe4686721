import { Either, isLeft, left, right } from "fp-ts/Either";
import { payloadHash as hashOf } from "../definition";
import { conditionalWrite } from "./conditional-write";
import { describeError } from "./describe";
import { GenesysError, conflict, notFound, serverError } from "./errors";
import { inOperation, OperationScope } from "./operation-scope";
import { pollUntil } from "./poll";
import type {
  AuditMark,
  CreateRequest,
  DeleteRequest,
  OperationRequest,
  RemoteSource,
  SourceApi,
  UpdateRequest,
  WriteAudit,
  WriteError,
  WriteFailure,
  WriteOutcome,
  WriteRecord,
  WriteStatus,
} from "./port";
import type { SourcePrimitives } from "./primitives";

/** Tuning of the write protocol; every field has a default. */
export interface ProtocolOptions {
  /** Conditional writes the `overwrite` policy tries; default 3. */
  readonly conflictAttempts?: number;
  /** How long one operation may keep retrying rate-limited requests (ms); default 300000. */
  readonly budgetMs?: number;
}

type Result<A> = Either<GenesysError, A>;

/** The facts an operation's audit records share. */
interface Subject {
  readonly action: WriteRecord["action"];
  readonly sourceId: string;
  readonly payloadHash: string;
}

/** A remote step's result, and what the operation learned that its records should say. */
type Step = Result<{ readonly source: RemoteSource | null; readonly status: WriteStatus; readonly conflicts: number; readonly wrote: boolean }>;

/**
 * The one write protocol every Genesys API contract goes through. Adapters
 * supply primitives ({@link SourcePrimitives}); the protocol owns the rest,
 * the same for every contract:
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
 */
export function writeProtocol(p: SourcePrimitives, options: ProtocolOptions = {}): SourceApi {
  const attempts = Math.max(1, options.conflictAttempts ?? 3);
  const budgetMs = Math.max(0, options.budgetMs ?? 300_000);

  function run<A>(request: OperationRequest, body: () => Promise<A>): Promise<{ readonly value: A; readonly scope: OperationScope }> {
    return inOperation({ deadline: p.clock.now() + budgetMs, ...(request.progress === undefined ? {} : { progress: request.progress }) }, body);
  }

  /** Waits until a read finds the object (a write is not visible at once everywhere). */
  async function settle(remoteId: string, sourceId: string): Promise<Result<RemoteSource>> {
    const seen = await pollUntil(() => p.read(remoteId), (r) => isLeft(r) || r.right !== null, {
      clock: p.clock,
      timeoutMs: p.settleMs,
      intervalMs: p.pollIntervalMs,
      waitingFor: `source '${sourceId}' (${remoteId}) to become readable`,
    });
    if (isLeft(seen)) return seen;
    if (seen.right === null) {
      return left(notFound({ method: "GET", path: remoteId, message: `source '${sourceId}' (${remoteId}) is not readable ${Math.ceil(p.settleMs / 1000)} s after it was written` }));
    }
    return right(seen.right);
  }

  /** Appends a record; the `Left` is the audit layer's reason. */
  async function record(audit: WriteAudit, r: WriteRecord): Promise<Either<string, AuditMark>> {
    try {
      return await audit.append(r);
    } catch (e) {
      return left(e instanceof Error ? e.message : String(e));
    }
  }

  /**
   * Runs `step` between an intent and an outcome record. Without an intent
   * on file the step never runs. The outcome closes the intent either way.
   */
  async function audited(
    audit: WriteAudit,
    subject: Subject,
    intentDetails: WriteRecord["details"],
    step: () => Promise<Step>,
  ): Promise<{ readonly step: Step | undefined; readonly intent: Either<string, AuditMark> }> {
    const intent = await record(audit, { ...subject, result: "intent", details: { api: p.kind, ...intentDetails } });
    if (isLeft(intent)) return { step: undefined, intent };
    return { step: await step(), intent };
  }

  /** Turns a finished operation into its outcome record and result. */
  async function conclude(
    audit: WriteAudit,
    subject: Subject,
    done: { readonly step: Step | undefined; readonly intent?: Either<string, AuditMark> },
    scope: OperationScope,
    remoteId: string | undefined,
  ): Promise<Either<WriteFailure, WriteOutcome>> {
    const { step, intent } = done;
    if (intent !== undefined && isLeft(intent)) {
      const error: WriteError = { _tag: "AuditUnavailable", reason: intent.left };
      return left({ error });
    }
    const intentId = intent === undefined ? {} : { intentId: intent.right.auditId };
    const metrics = { requests: scope.requests, retries: scope.retries };
    if (step === undefined || isLeft(step)) {
      const error: GenesysError = step === undefined ? serverError({ method: "-", path: "-", message: "nothing was attempted" }) : step.left;
      const failed = await record(audit, {
        ...subject,
        result: "failure",
        ...intentId,
        error: describeError(error),
        details: { api: p.kind, ...(remoteId === undefined ? {} : { remoteId }) },
        metrics,
      });
      const head = isLeft(failed) ? (intent === undefined || isLeft(intent) ? undefined : intent.right.hash) : failed.right.hash;
      return left({ error, ...(head === undefined ? {} : { auditHead: head }), ...(remoteId === undefined ? {} : { remoteId }) });
    }
    const { source, status, conflicts, wrote } = step.right;
    const closed = await record(audit, {
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
        reason: closed.left,
        outcome: {
          action: subject.action,
          sourceId: subject.sourceId,
          remoteWrite: wrote,
          status,
          ...(remote === undefined ? {} : { remoteId: remote }),
          ...(intent === undefined || isLeft(intent) ? {} : { intentId: intent.right.auditId }),
        },
      };
      const head = intent === undefined || isLeft(intent) ? undefined : intent.right.hash;
      return left({ error, ...(head === undefined ? {} : { auditHead: head }), ...(source === null ? {} : { remoteId: source.remoteId }) });
    }
    return right({ source, status, requests: scope.requests, retries: scope.retries, conflicts, audit: closed.right });
  }

  /** Brings an existing object to the definition: complete our own, adopt another when asked. */
  async function takeOver(request: CreateRequest, existing: RemoteSource, ours: boolean): Promise<Step> {
    const status = ours ? ("completed" as const) : ("adopted" as const);
    const desired = p.desiredState(request.definition, request.options);
    if (hashOf(desired) === hashOf(existing.state)) return right({ source: existing, status, conflicts: 0, wrote: false });
    const written = await conditionalWrite(p, {
      remoteId: existing.remoteId,
      definition: request.definition,
      options: request.options,
      token: existing.etag,
      policy: "overwrite",
      attempts,
      current: existing,
    });
    if (isLeft(written)) return written;
    const source = await afterWrite(existing.remoteId, request.definition.id, written.right.current);
    return isLeft(source) ? source : right({ source: source.right, status, conflicts: written.right.conflicts, wrote: true });
  }

  /** The object after a write: what the server's answer showed, or a re-read that waits out read-after-write lag. */
  function afterWrite(remoteId: string, sourceId: string, answered: RemoteSource | undefined): Promise<Result<RemoteSource>> {
    return answered === undefined ? settle(remoteId, sourceId) : Promise.resolve(right(answered));
  }

  /** Picks the object a create should continue with, or says why it may not. */
  function claim(request: CreateRequest, found: ReadonlyArray<RemoteSource>): Result<{ existing: RemoteSource; ours: boolean } | null> {
    if (found.length === 0) return right(null);
    const own = found.find((s) => s.owner === request.owner);
    if (own !== undefined) return right({ existing: own, ours: true });
    const id = request.definition.id;
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

  async function create(request: CreateRequest, audit: WriteAudit): Promise<Either<WriteFailure, WriteOutcome>> {
    const subject: Subject = { action: "create", sourceId: request.definition.id, payloadHash: request.payloadHash };
    let remoteId: string | undefined;
    const { value, scope } = await run(request, async () => {
      if (!p.exclusiveCreate) {
        const found = await p.find(request.definition.id);
        if (isLeft(found)) return { step: found as Step };
        const claimed = claim(request, found.right);
        if (isLeft(claimed)) return { step: claimed as Step };
        if (claimed.right !== null) {
          const { existing, ours } = claimed.right;
          remoteId = existing.remoteId;
          return audited(audit, subject, { owner: request.owner, remoteId, expectedToken: existing.etag }, () => takeOver(request, existing, ours));
        }
      }
      return audited(audit, subject, { owner: request.owner, expectedToken: null }, async (): Promise<Step> => {
        const made = await p.create(request.definition, request.options, request.owner);
        if (isLeft(made)) return made;
        switch (made.right._tag) {
          case "Exists": {
            const found = await p.find(request.definition.id);
            if (isLeft(found)) return found;
            const claimed = claim(request, found.right);
            if (isLeft(claimed)) return claimed;
            if (claimed.right === null) return left(conflict({ method: "PUT", path: request.definition.id, message: `source '${request.definition.id}' exists but cannot be read; run \`pulumi up\` again` }));
            remoteId = claimed.right.existing.remoteId;
            return takeOver(request, claimed.right.existing, claimed.right.ours);
          }
          case "Complete": {
            remoteId = made.right.remoteId;
            const source = await afterWrite(remoteId, request.definition.id, made.right.current);
            return isLeft(source) ? source : right({ source: source.right, status: "created" as const, conflicts: 0, wrote: true });
          }
          case "Shell": {
            remoteId = made.right.remoteId;
            const shell = made.right.current;
            if (shell === null) {
              return left(notFound({ method: "GET", path: remoteId, message: `source '${request.definition.id}' (${remoteId}) is not readable ${Math.ceil(p.settleMs / 1000)} s after it was written` }));
            }
            const step = await takeOver(request, shell, true);
            return isLeft(step) ? step : right({ ...step.right, status: "created" as const, wrote: true });
          }
        }
      });
    });
    return conclude(audit, subject, value, scope, remoteId);
  }

  async function update(request: UpdateRequest, audit: WriteAudit): Promise<Either<WriteFailure, WriteOutcome>> {
    const subject: Subject = { action: "update", sourceId: request.definition.id, payloadHash: request.payloadHash };
    const desired = p.desiredState(request.definition, request.options);
    const { value, scope } = await run(request, async () => {
      if (request.recordedStateHash !== undefined && hashOf(desired) === request.recordedStateHash) {
        // The change lies in parts this API does not carry: nothing to send.
        return { step: right({ source: null, status: "unchanged" as const, conflicts: 0, wrote: false }) as Step };
      }
      return audited(audit, subject, { remoteId: request.remoteId, expectedToken: request.token, policy: request.policy }, async (): Promise<Step> => {
        const written = await conditionalWrite(p, { ...request, attempts });
        if (isLeft(written)) return written;
        const source = await afterWrite(request.remoteId, request.definition.id, written.right.current);
        return isLeft(source) ? source : right({ source: source.right, status: "updated" as const, conflicts: written.right.conflicts, wrote: true });
      });
    });
    return conclude(audit, subject, value, scope, request.remoteId);
  }

  async function remove(request: DeleteRequest, audit: WriteAudit): Promise<Either<WriteFailure, WriteOutcome>> {
    const subject: Subject = { action: "delete", sourceId: request.sourceId, payloadHash: request.payloadHash };
    const { value, scope } = await run(request, () =>
      audited(audit, subject, { remoteId: request.remoteId }, async (): Promise<Step> => {
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
    return conclude(audit, subject, value, scope, request.remoteId);
  }

  return {
    kind: p.kind,
    desiredState: (definition, writeOptions) => p.desiredState(definition, writeOptions),
    definitionPath: (statePath) => p.definitionPath(statePath),
    read: async (remoteId, request = {}) => (await run(request, () => p.read(remoteId))).value,
    find: (definitionId) => p.find(definitionId),
    create,
    update,
    delete: remove,
  };
}
