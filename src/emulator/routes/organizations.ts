import type { Route, RouteModule } from "../router";

/**
 * `GET /api/v2/organizations/me`: the caller's organization, with the
 * emulator's fixed (configurable) `organizationId`. Fields follow the SDK
 * `Organization` model; the id names the partner event source
 * `aws.partner/genesys.com/cloud/<orgId>/<suffix>`.
 */
export const organizationRoutes: RouteModule = (state): ReadonlyArray<Route> => [
  {
    method: "GET",
    pattern: "/api/v2/organizations/me",
    access: "read",
    handle: () => ({
      status: 200,
      body: {
        id: state.organizationId,
        name: "Emulated Organization",
        defaultLanguage: "en-us",
        thirdPartyOrgName: "emulated-org",
        domain: "emulated-org",
        version: 1,
        state: "active",
        voicemailEnabled: false,
        selfUri: `/api/v2/organizations/${state.organizationId}`,
      },
    }),
  },
];
