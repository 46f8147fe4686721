import type { Route, RouteModule } from "../router";
import type { EmulatorState } from "../state";

/** The products `GET /api/v2/authorization/products` lists for the emulated organization (ids as the platform names them). */
export const emulatorProducts: ReadonlyArray<string> = ["collaboratePro", "communicate", "engage", "byoc"];

/** The feature flags `organizations/me` answers (`features`, a map of name to enabled). */
const features: Readonly<Record<string, boolean>> = { purecloud: true, contactCenter: true, chat: true, directory: true, hipaa: false, pci: false };

/**
 * The emulated organization as the SDK model `Organization` has it: every
 * field a client may read (`defaultCountryCode`, `defaultLanguage`,
 * `domain`, `state`, `version`, `thirdPartyOrgName`, `thirdPartyURI`,
 * `features`, `defaultSiteId`, `supportURI`, `voicemailEnabled`,
 * `productPlatform`, `selfUri`), with the configured `organizationId`.
 */
export function emulatedOrganization(state: EmulatorState): Record<string, unknown> {
  return {
    id: state.organizationId,
    name: "Emulated Organization",
    defaultLanguage: "en-us",
    defaultCountryCode: "US",
    thirdPartyOrgName: "emulated-org",
    thirdPartyURI: "emulated-org.example.invalid",
    domain: "emulated-org",
    features: { ...features },
    version: 1,
    state: "active",
    defaultSiteId: "3c1f6a0e-7d2b-4e95-a8c4-5b0f2e9d1a67",
    supportURI: "https://help.example.invalid/emulated-org",
    voicemailEnabled: false,
    productPlatform: "PureCloud",
    selfUri: `/api/v2/organizations/${state.organizationId}`,
  };
}

/**
 * What real clients read at start about the caller's organization:
 * `GET /api/v2/organizations/me` (the SDK `Organization`; its id names the
 * partner event source `aws.partner/genesys.com/cloud/<orgId>/<suffix>`) and
 * `GET /api/v2/authorization/products` (an `OrganizationProductEntityListing`,
 * `entities` of `{ id }`, with its paging fields, as Genesys's Go-SDK tooling
 * dereferences `total`).
 */
export const organizationRoutes: RouteModule = (state): ReadonlyArray<Route> => [
  { method: "GET", pattern: "/api/v2/organizations/me", access: "read", handle: () => ({ status: 200, body: emulatedOrganization(state) }) },
  {
    method: "GET",
    pattern: "/api/v2/authorization/products",
    access: "read",
    handle: () => ({
      status: 200,
      body: { entities: emulatorProducts.map((id) => ({ id })), pageSize: emulatorProducts.length, pageNumber: 1, total: emulatorProducts.length, pageCount: 1 },
    }),
  },
];
