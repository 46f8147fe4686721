import * as t from "io-ts";

/*
 * Codecs of the Integrations API answers this adapter reads. Field names
 * follow the public Platform API SDK models `Integration`,
 * `IntegrationConfiguration`, `IntegrationConfigurationInfo`,
 * `IntegrationStatusInfo`, `IntegrationEntityListing` and `Organization`
 * (MyPureCloud/platform-client-sdk-java, build/docs/*.md). Only what the
 * adapter needs is required; everything else is optional, so that an object
 * edited outside this program still decodes and shows up as drift.
 */

/** The integration type reference inside an integration (`{ id: "amazon-eventbridge-source", ... }`). */
export const IntegrationTypeRef = t.intersection([
  t.type({ id: t.string }),
  t.partial({ name: t.string, description: t.string, provider: t.string, category: t.string, selfUri: t.string }),
]);
/** The integration type reference inside an integration. */
export type IntegrationTypeRef = t.TypeOf<typeof IntegrationTypeRef>;

/**
 * An integration's configuration (`GET /api/v2/integrations/{id}/config/current`):
 * `version` is the optimistic-concurrency token of every config write.
 */
export const IntegrationConfiguration = t.intersection([
  t.type({ version: t.number }),
  t.partial({
    id: t.string,
    name: t.string,
    properties: t.UnknownRecord,
    advanced: t.UnknownRecord,
    notes: t.string,
    credentials: t.UnknownRecord,
    selfUri: t.string,
  }),
]);
/** An integration's configuration. */
export type IntegrationConfiguration = t.TypeOf<typeof IntegrationConfiguration>;

/** The last status an integration reported (`reportedState`), e.g. `{ code: "ACTIVE" }`. */
export const IntegrationStatusInfo = t.partial({ code: t.string, effective: t.string, lastUpdated: t.string });
/** The last status an integration reported. */
export type IntegrationStatusInfo = t.TypeOf<typeof IntegrationStatusInfo>;

/**
 * An integration (`GET /api/v2/integrations/{id}`), with `config.current`
 * present when the request asked for `expand=config.current`.
 */
export const Integration = t.intersection([
  t.type({ id: t.string }),
  t.partial({
    name: t.string,
    integrationType: IntegrationTypeRef,
    notes: t.string,
    intendedState: t.string,
    config: t.partial({ current: IntegrationConfiguration }),
    reportedState: IntegrationStatusInfo,
    selfUri: t.string,
  }),
]);
/** An integration. */
export type Integration = t.TypeOf<typeof Integration>;

/** One page of `GET /api/v2/integrations`. */
export const IntegrationListing = t.intersection([
  t.type({ entities: t.array(Integration) }),
  t.partial({ pageSize: t.number, pageNumber: t.number, total: t.number, pageCount: t.number }),
]);
/** One page of `GET /api/v2/integrations`. */
export type IntegrationListing = t.TypeOf<typeof IntegrationListing>;

/** The caller's organization (`GET /api/v2/organizations/me`); its `id` names the partner event source. */
export const Organization = t.intersection([t.type({ id: t.string }), t.partial({ name: t.string, selfUri: t.string })]);
/** The caller's organization. */
export type Organization = t.TypeOf<typeof Organization>;
