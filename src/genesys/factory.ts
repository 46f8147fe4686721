import { Either, isLeft, left, right } from "fp-ts/Either";
import { ApiKind, DEFAULT_API_KIND } from "../definition/vocabulary/api-kind";
import { ClientSettings, GenesysClient, createGenesysClient } from "./client";
import { EventStreamsApi } from "./event-streams/adapter";
import { IntegrationsApi } from "./integrations/adapter";
import { SourceApi } from "./port";
import { sourceApi } from "./write-protocol";
import { UnknownRegion, describeUnknownRegion } from "./regions";


/** Client settings plus which API contract to speak (default {@link DEFAULT_API_KIND}). */
export interface SourceApiSettings extends ClientSettings {
  readonly api?: ApiKind;
  /** Conditional writes tried by the `overwrite` conflict policy; default 3. */
  readonly conflictAttempts?: number;
}

/** A settings problem found before any request: an unknown region, or an API without an adapter. */
export type SettingsError = UnknownRegion | { readonly _tag: "UnsupportedApi"; readonly api: string };

/** The message for a `SettingsError`. */
export function describeSettingsError(e: SettingsError): string {
  return e._tag === "UnknownRegion"
    ? describeUnknownRegion(e)
    : `the '${e.api}' API has no adapter; use 'integrations' or 'event-streams'`;
}

/**
 * The `SourceApi` adapter for `settings.api` on a fresh client. Each API
 * contract is one case here: an adapter added later is one more case.
 */
export function createSourceApi(settings: SourceApiSettings): Either<SettingsError, SourceApi> {
  const client = createGenesysClient(settings);
  if (isLeft(client)) return client;
  return sourceApiFor(settings, client.right);
}

/** The write protocol over the adapter for `settings.api`, on an existing client. */
export function sourceApiFor(settings: Pick<SourceApiSettings, "api" | "conflictAttempts">, client: GenesysClient): Either<SettingsError, SourceApi> {
  const api: string = settings.api ?? DEFAULT_API_KIND;
  const options = { budgetMs: client.policy.budgetMs, ...(settings.conflictAttempts === undefined ? {} : { conflictAttempts: settings.conflictAttempts }) };
  switch (api) {
    case "event-streams":
      return right(sourceApi(new EventStreamsApi(client), options));
    case "integrations":
      return right(sourceApi(new IntegrationsApi(client), options));
    default:
      return left({ _tag: "UnsupportedApi", api });
  }
}
