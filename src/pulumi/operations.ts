import type * as pulumi from "@pulumi/pulumi";
import * as E from "fp-ts/Either";
import type { SourceApi, WriteAudit } from "../genesys/port";
import { checkSource } from "./check";
import type { OperationContext } from "./context";
import { diffSource } from "./diff";
import { previewImpact } from "./impact";
import { providerEngineLog } from "./engine-log";
import { urnOf, watchRequestUrns } from "./operation-urn";
import { providerHost } from "./provider-host";
import { readSettings, ConfigGetter, ProviderSettings } from "./settings";
import { configText, withSettingsFailures } from "./settings-check";
import { topicCatalogFor } from "./topic-catalog";
import { userError } from "./user-error";

/**
 * The provider's implementation, loaded inside the provider process by the
 * serialized provider (`./provider`). Holds the configured settings and the
 * API client in module state, which is never serialized.
 */
let configured: { settings?: ProviderSettings; problems: string[] } | undefined;
let api: SourceApi | undefined;
let audit: WriteAudit | undefined;
/** The dynamic-provider host this module runs in, if any; request URNs are watched from the first call on. */
const host = providerHost();
watchRequestUrns(host);

/**
 * The remote side (the API client, the write protocol, the audit log), loaded
 * by the first operation that talks to Genesys: a preview needs none of it,
 * and the provider process starts without loading the HTTP client.
 */
const remote = {
  factory: () => require("../genesys/factory") as typeof import("../genesys/factory"),
  apply: () => require("./apply") as typeof import("./apply"),
  refresh: () => require("./refresh") as typeof import("./refresh"),
  remove: () => require("./remove") as typeof import("./remove"),
};

function makeApi(settings: ProviderSettings): SourceApi {
  const { createSourceApi, describeSettingsError } = remote.factory();
  const made = createSourceApi(settings);
  if (E.isLeft(made)) throw new Error(`Genesys Cloud provider settings: ${describeSettingsError(made.left)}`);
  return made.right;
}

/**
 * Receives the stack config (keys `genesys:*`); environment variables are the
 * fallbacks. Never throws: problems are kept and reported by `check`, which
 * the engine calls after this, during preview as during `up`.
 */
export async function configure(config: { get(key: string): unknown }): Promise<void> {
  configureWith((key) => configText(config.get(`genesys:${key}`)), process.env);
}

/** Configures from any getter; also what tests call. */
export function configureWith(get: ConfigGetter, env: Readonly<Record<string, string | undefined>>): void {
  const { settings, issues } = readSettings(get, env);
  configured = { settings, problems: issues.map((i) => `${i.key}: ${i.message}`) };
  api = undefined;
  audit = undefined;
}

function current(): { settings?: ProviderSettings; problems: string[] } {
  if (configured === undefined) configureWith(() => undefined, process.env);
  return configured!;
}

/** The context of one operation on the resource whose property bag (as the host decoded it) is `props`. */
function context(props: object): OperationContext {
  const { settings, problems } = current();
  if (settings === undefined) throw userError(`Genesys Cloud provider settings are invalid:\n${problems.join("\n")}`);
  api ??= makeApi(settings);
  audit ??= remote.apply().auditWriter(settings);
  return { settings, api, audit, now: () => performance.now(), progress: progressOn(urnOf(props)) };
}

/**
 * Where an operation's progress lines go: the engine's log, on the resource
 * when its URN is known (the engine shows what a provider writes to stderr
 * only on the stack), or stderr outside a provider host.
 */
function progressOn(urn: string | undefined): (line: string) => void {
  const log = providerEngineLog(host);
  if (log === undefined) return (line) => void process.stderr.write(`${line}\n`);
  return (line) => log.log("info", line, urn);
}

/**
 * Runs an operation and lets its last progress lines reach the engine before
 * the result does. This is the provider's edge: a `Left` becomes the `Error`
 * the engine shows on the resource.
 */
async function settled<A>(operation: Promise<E.Either<string, A>>): Promise<A> {
  try {
    const result = await operation;
    if (E.isLeft(result)) throw new Error(result.left);
    return result.right;
  } finally {
    await providerEngineLog(host)?.flush();
  }
}

/**
 * See {@link checkSource}; invalid provider settings are check failures too
 * (one per problem, naming the config key), so `pulumi preview` fails on them.
 * The definition is checked against the topic catalog (see
 * {@link topicCatalogFor}): under `genesys:catalog` `enforce` what it refutes
 * fails the check, under `warn` it is a warning. Warnings (those and what the
 * AWS route does not carry out) are logged on the resource, so the preview
 * shows them.
 */
export async function check(_olds: unknown, news: Record<string, unknown>): Promise<pulumi.dynamic.CheckResult> {
  const { settings, problems } = current();
  const catalog = settings === undefined ? E.right(undefined) : await topicCatalogFor(settings, news);
  const mode = settings?.catalog === "warn" ? "warn" : "enforce";
  const outcome = checkSource(news, E.isRight(catalog) && catalog.right !== undefined ? { listing: catalog.right, mode } : undefined);
  const unread = E.isLeft(catalog) ? catalog.left : undefined;
  const warnings = unread !== undefined && mode === "warn" ? [`topic catalog: ${unread.reason}`, ...outcome.warnings] : outcome.warnings;
  if (warnings.length > 0) await warn(warnings, news);
  if (unread === undefined || mode === "warn") return withSettingsFailures(outcome.result, problems);
  return { ...outcome.result, failures: [...(outcome.result.failures ?? []), { property: unread.property, reason: unread.reason }] };
}

/** Logs warnings on the resource whose inputs are `news` (the engine shows them in the preview), or on stderr outside a provider host. */
async function warn(lines: ReadonlyArray<string>, news: object): Promise<void> {
  const log = providerEngineLog(host);
  if (log === undefined) {
    for (const line of lines) process.stderr.write(`warning: ${line}\n`);
    return;
  }
  for (const line of lines) log.log("warning", line, urnOf(news));
  await log.flush();
}

/**
 * See {@link diffSource}. When the update changes something and there are
 * samples or `impactEvents` to replay, the delivery impact (see
 * `previewImpact`) is one line on the resource in the engine's log, and
 * its examples are debug lines (`pulumi preview --diff --debug`, or `-v`).
 * Nothing is logged for a create (the engine does not diff one) or when
 * nothing changes.
 */
export async function diff(
  _id: string,
  olds: Record<string, unknown>,
  news: Record<string, unknown>,
): Promise<pulumi.dynamic.DiffResult> {
  const { result, decoded } = diffSource(olds, news, configured?.settings?.api);
  if (result.changes === true) {
    // The definitions the comparison decoded serve the impact too: one decoding per operation.
    const impact = previewImpact(olds, news, decoded);
    if (impact !== undefined) {
      const log = providerEngineLog(host);
      const urn = urnOf(news);
      if (log === undefined) process.stderr.write(`${impact.line}\n`);
      else {
        log.log("info", impact.line, urn);
        for (const line of impact.examples) log.log("debug", line, urn);
        await log.flush();
      }
    }
  }
  return result;
}

/** See `applySource` (./apply). */
export async function create(inputs: Record<string, unknown>): Promise<pulumi.dynamic.CreateResult> {
  return settled(remote.apply().applySource(context(inputs), { kind: "create" }, inputs));
}

/** See `applySource` (./apply); the concurrency token comes from the recorded outputs. */
export async function update(
  id: string,
  olds: Record<string, unknown>,
  news: Record<string, unknown>,
): Promise<pulumi.dynamic.UpdateResult> {
  const { outs } = await settled(remote.apply().applySource(context(news), { kind: "update", remoteId: id, olds }, news));
  return { outs };
}

/** See `refreshSource` (./refresh). */
export async function read(id: string, props: Record<string, unknown>): Promise<pulumi.dynamic.ReadResult> {
  return settled(remote.refresh().refreshSource(context(props), id, props));
}

/** See `removeSource` (./remove). */
export async function remove(id: string, props: Record<string, unknown>): Promise<void> {
  return settled(remote.remove().removeSource(context(props), id, props));
}
export { remove as delete };
