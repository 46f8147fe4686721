import type * as pulumi from "@pulumi/pulumi";
import { createSourceApi, describeSettingsError } from "../genesys";
import * as E from "fp-ts/Either";
import type { SourceApi } from "../genesys/port";
import { applySource } from "./apply";
import { checkInputs } from "./check";
import type { OperationContext } from "./context";
import { diffInputs } from "./diff";
import { refreshSource } from "./refresh";
import { removeSource } from "./remove";
import { readSettings, ConfigGetter, ProviderSettings } from "./settings";
import { configText, withSettingsFailures } from "./settings-check";
import { userError } from "./user-error";

/**
 * The provider's implementation, loaded inside the provider process by the
 * serialized provider (`./provider`). Holds the configured settings and the
 * API client in module state, which is never serialized.
 */
let configured: { settings?: ProviderSettings; problems: string[] } | undefined;
let api: SourceApi | undefined;

function makeApi(settings: ProviderSettings): SourceApi {
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
}

function current(): { settings?: ProviderSettings; problems: string[] } {
  if (configured === undefined) configureWith(() => undefined, process.env);
  return configured!;
}

function context(): OperationContext {
  const { settings, problems } = current();
  if (settings === undefined) throw userError(`Genesys Cloud provider settings are invalid:\n${problems.join("\n")}`);
  api ??= makeApi(settings);
  // The engine shows what the provider process writes to stderr as diagnostics of the resource.
  return { settings, api, now: () => performance.now(), progress: (line) => process.stderr.write(`${line}\n`) };
}

/**
 * See {@link checkInputs}; invalid provider settings are check failures too
 * (one per problem, naming the config key), so `pulumi preview` fails on them.
 */
export async function check(_olds: unknown, news: Record<string, unknown>): Promise<pulumi.dynamic.CheckResult> {
  return withSettingsFailures(checkInputs(news), current().problems);
}

/** See {@link diffInputs}. */
export async function diff(
  _id: string,
  olds: Record<string, unknown>,
  news: Record<string, unknown>,
): Promise<pulumi.dynamic.DiffResult> {
  return diffInputs(olds, news, configured?.settings?.api);
}

/** See {@link applySource}. */
export async function create(inputs: Record<string, unknown>): Promise<pulumi.dynamic.CreateResult> {
  return applySource(context(), { kind: "create" }, inputs);
}

/** See {@link applySource}; the concurrency token comes from the recorded outputs. */
export async function update(
  id: string,
  olds: Record<string, unknown>,
  news: Record<string, unknown>,
): Promise<pulumi.dynamic.UpdateResult> {
  const { outs } = await applySource(context(), { kind: "update", remoteId: id, olds }, news);
  return { outs };
}

/** See {@link refreshSource}. */
export async function read(id: string, props: Record<string, unknown>): Promise<pulumi.dynamic.ReadResult> {
  return refreshSource(context(), id, props);
}

/** See {@link removeSource}. */
export async function remove(id: string, props: Record<string, unknown>): Promise<void> {
  return removeSource(context(), id, props);
}
export { remove as delete };
