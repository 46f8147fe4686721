import * as t from "io-ts";
import { isLeft } from "fp-ts/Either";
import { EventType, partitionOfRegion } from "../../definition";
import type { ErrorDetailBody } from "../http-io";

/** The collection name of the Integrations API contract. */
export const INTEGRATIONS = "integrations";

/** The collection path of the Integrations API. */
export const integrationsBase = "/api/v2/integrations";

/** The one integration type the emulator knows, as `GET /api/v2/integrations/types/{id}` would describe it. */
export const eventBridgeSourceType = {
  id: "amazon-eventbridge-source",
  name: "Amazon EventBridge Source",
  description: "Sends Genesys Cloud notification topics to an Amazon EventBridge partner event source.",
  selfUri: "/api/v2/integrations/types/amazon-eventbridge-source",
} as const;

/** The stored form of an integration's current configuration (`IntegrationConfiguration` without `id`/`selfUri`). */
export const StoredConfig = t.type({
  name: t.string,
  version: t.number,
  properties: t.UnknownRecord,
  advanced: t.UnknownRecord,
  notes: t.string,
  credentials: t.UnknownRecord,
});
/** The stored form of an integration's current configuration. */
export type StoredConfig = t.TypeOf<typeof StoredConfig>;

/** The stored form of an integration: what `Integration` shows plus its current config and when its state last changed. */
export const StoredIntegration = t.type({
  id: t.string,
  name: t.string,
  integrationTypeId: t.string,
  notes: t.string,
  intendedState: t.string,
  stateChanged: t.string,
  config: StoredConfig,
});
/** The stored form of an integration. */
export type StoredIntegration = t.TypeOf<typeof StoredIntegration>;

/** A stored body as an integration; `undefined` when it is not one (a hand-edited store file). */
export function asIntegration(body: unknown): StoredIntegration | undefined {
  const decoded = StoredIntegration.decode(body);
  return isLeft(decoded) ? undefined : decoded.right;
}

/** The path of one integration. */
export function integrationUri(id: string): string {
  return `${integrationsBase}/${encodeURIComponent(id)}`;
}

/** An `IntegrationConfiguration` as the API answers it (SDK model: id, name, version, properties, advanced, notes, credentials, selfUri). */
export function presentConfig(record: StoredIntegration): Record<string, unknown> {
  return { id: record.id, ...record.config, selfUri: `${integrationUri(record.id)}/config/current` };
}

/**
 * An `Integration` as the API answers it (SDK model: id, name,
 * integrationType, notes, intendedState, config, reportedState, attributes,
 * selfUri); `config.current` only when `expand=config.current` was asked for.
 */
export function presentIntegration(record: StoredIntegration, expandConfig: boolean): Record<string, unknown> {
  const active = record.intendedState === "ENABLED";
  return {
    id: record.id,
    name: record.name,
    integrationType: record.integrationTypeId === eventBridgeSourceType.id ? { ...eventBridgeSourceType } : { id: record.integrationTypeId },
    notes: record.notes,
    intendedState: record.intendedState,
    ...(expandConfig ? { config: { current: presentConfig(record) } } : {}),
    reportedState: { code: active ? "ACTIVE" : "INACTIVE", effective: active ? "Active" : "Inactive", lastUpdated: record.stateChanged },
    attributes: {},
    selfUri: integrationUri(record.id),
  };
}

const suffixPattern = /^[A-Za-z0-9._-]{1,64}$/;

function invalid(fieldName: string, entityName: string): ErrorDetailBody {
  return { errorCode: "invalid.value", fieldName, entityName };
}

/**
 * The problems of an `amazon-eventbridge-source` config's `properties`, as
 * the real API constrains them: `awsAccountId` 12 digits, `awsAccountRegion`
 * an AWS region, `eventSourceSuffix` 1..64 of `[A-Za-z0-9._-]`, `eventFilter`
 * a non-empty list of notification topics. Field names use the
 * `properties.<key>` paths of the API's `details[].fieldName`.
 */
export function eventBridgePropertyProblems(properties: unknown): ReadonlyArray<ErrorDetailBody> {
  if (properties === null || typeof properties !== "object" || Array.isArray(properties)) {
    return [invalid("properties", "expected an object")];
  }
  const p = properties as Record<string, unknown>;
  const problems: ErrorDetailBody[] = [];
  if (typeof p["awsAccountId"] !== "string" || !/^\d{12}$/.test(p["awsAccountId"])) {
    problems.push(invalid("properties.awsAccountId", "expected a 12-digit AWS account id"));
  }
  if (typeof p["awsAccountRegion"] !== "string" || partitionOfRegion(p["awsAccountRegion"]) === undefined) {
    problems.push(invalid("properties.awsAccountRegion", "expected an AWS region such as us-east-1"));
  }
  if (typeof p["eventSourceSuffix"] !== "string" || !suffixPattern.test(p["eventSourceSuffix"])) {
    problems.push(invalid("properties.eventSourceSuffix", "expected 1..64 letters, digits, '.', '_' or '-'"));
  }
  const filter = p["eventFilter"];
  if (!Array.isArray(filter) || filter.length === 0) {
    problems.push(invalid("properties.eventFilter", "expected a non-empty list of notification topics"));
  } else {
    filter.forEach((topic, i) => {
      if (typeof topic !== "string" || isLeft(EventType.decode(topic))) {
        problems.push(invalid(`properties.eventFilter[${i}]`, "expected a notification topic such as v2.audits.entitytype.{id}.entityid.{id}"));
      }
    });
  }
  return problems;
}
