import * as pulumi from "@pulumi/pulumi";
import { EventBridgeSource, EventBridgeSourceArgs } from "../src/pulumi/resource";
import type { ConflictPolicy } from "../src/definition/vocabulary/conflict-policy";
import { LoadedSource } from "./sources";

/** What the stack program needs besides the sources. */
export interface ProgramOptions {
  /** Conflict policy for every source (stack config `genesys-eventbridge:conflictPolicy`). */
  readonly conflictPolicy?: ConflictPolicy;
  /** Adopt existing remote sources with the same id. */
  readonly adoptExisting?: boolean;
  /** A saved topic catalog every source is checked against (stack config `genesys-eventbridge:catalog`, relative to the project folder). */
  readonly catalog?: string;
  /** Resource hooks to run after create and update (the webhook); none under unit-test mocks. */
  readonly afterDeploy?: pulumi.ResourceHook[];
}

/**
 * The per-source stack outputs: who the source is, its audit hash and
 * metrics, and what the AWS route leaves undone. The route itself (event
 * patterns, input transformer, transform stage) stays on the resource's
 * outputs and in `genesys-eventbridge compile --json`: repeated here it
 * would double the state every step of a large stack saves.
 */
export interface SourceReport {
  sourceId: pulumi.Output<string>;
  remoteId: pulumi.Output<string>;
  payloadHash: pulumi.Output<string>;
  payloadBytes: pulumi.Output<number>;
  etag: pulumi.Output<string>;
  auditId: pulumi.Output<string>;
  auditHead: pulumi.Output<string>;
  auditTime: pulumi.Output<string>;
  partnerEventSourceName: pulumi.Output<string>;
  undelivered: pulumi.Output<unknown[]>;
  metrics: pulumi.Output<unknown>;
  facts: pulumi.Output<Record<string, string>>;
}

/**
 * Declares one `EventBridgeSource` per loaded definition and returns the
 * outputs keyed by definition id (a `Map`: ids are data, never object keys
 * that could reach a prototype): audit hash, etag and metrics (see {@link SourceReport}).
 */
export function deploySources(sources: ReadonlyArray<LoadedSource>, options: ProgramOptions = {}): Map<string, SourceReport> {
  const hooks = options.afterDeploy && options.afterDeploy.length > 0
    ? { afterCreate: options.afterDeploy, afterUpdate: options.afterDeploy }
    : undefined;
  const report = new Map<string, SourceReport>();
  for (const { id, definition, samples, impactEvents } of sources) {
    const source = new EventBridgeSource(
      id,
      {
        // Files are checked by the provider's `check`, which names every problem by its path.
        ...(definition as unknown as EventBridgeSourceArgs),
        ...(samples === undefined ? {} : { samples: samples as EventBridgeSourceArgs["samples"] }),
        ...(impactEvents === undefined ? {} : { impactEvents }),
        ...(options.conflictPolicy === undefined ? {} : { conflictPolicy: options.conflictPolicy }),
        ...(options.adoptExisting === undefined ? {} : { adoptExisting: options.adoptExisting }),
        ...(options.catalog === undefined ? {} : { catalog: options.catalog }),
      },
      hooks === undefined ? {} : { hooks },
    );
    report.set(id, {
      sourceId: source.sourceId,
      remoteId: source.remoteId,
      payloadHash: source.payloadHash,
      payloadBytes: source.payloadBytes,
      etag: source.etag,
      auditId: source.auditId,
      auditHead: source.auditHead,
      auditTime: source.auditTime,
      partnerEventSourceName: source.partnerEventSourceName,
      undelivered: source.undelivered,
      metrics: source.metrics,
      facts: source.facts,
    });
  }
  return report;
}

/**
 * The per-source outputs as the plain object a stack exports. Every key is an
 * own data property (`Object.fromEntries`), and `readSources` has refused ids
 * that name a prototype, so no source can vanish from the outputs.
 */
export function reportOutputs(report: ReadonlyMap<string, SourceReport>): Record<string, SourceReport> {
  return Object.fromEntries(report);
}

/**
 * The newest audit head among the sources' last writes: the hash to check the
 * audit log against after this deployment
 * (`genesys-eventbridge audit verify <log> --head <hash>`), so that entries
 * removed from the log's end are noticed. `""` before any write.
 */
export function newestAuditHead(report: ReadonlyMap<string, SourceReport>): pulumi.Output<string> {
  const marks = [...report.values()].map((r) => pulumi.all([r.auditTime, r.auditHead]));
  return pulumi.all(marks).apply((all) =>
    all.reduce((newest, [time, head]) => (typeof time === "string" && time > newest[0] ? [time, head] : newest), ["", ""])[1] ?? "",
  );
}
