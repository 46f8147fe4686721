/*
 * The emulator driven by a client that is not this package's: Genesys's
 * published JavaScript SDK (`purecloud-platform-client-v2`, a devDependency),
 * pointed at the emulator's loopback URL through its gateway setting, as a
 * user would point it at a proxy. It runs through what a real tool does at
 * start (token, organizations/me, authorization products, integration types
 * and config schema, available topics), then the life of an
 * `amazon-eventbridge-source` integration: create, read, update config,
 * enable, list, delete.
 *
 * The SDK's typings declare its API classes inside the module without
 * exporting them, so the few calls used here are typed by hand below, after
 * the SDK's method names and models.
 */
import { defaultCredentials, defaultOrganizationId, emulatorTopicCatalog, RunningEmulator, startEmulator } from "../../src/emulator";

interface SdkClient {
  setGateway(gateway: { host: string; protocol?: string; port?: number }): void;
  loginClientCredentialsGrant(clientId: string, clientSecret: string): Promise<{ accessToken?: string; tokenExpiryTime?: number }>;
  config: { live_reload_config: boolean };
}
type Entity = Record<string, unknown> & { id?: string };
interface Listing<T = Entity> {
  entities?: T[];
  total?: number;
  pageSize?: number;
  pageNumber?: number;
  pageCount?: number;
}
interface Sdk {
  ApiClient: { instance: SdkClient };
  OrganizationApi: new (client?: SdkClient) => { getOrganizationsMe(): Promise<Entity> };
  AuthorizationApi: new (client?: SdkClient) => { getAuthorizationProducts(): Promise<Listing> };
  NotificationsApi: new (client?: SdkClient) => { getNotificationsAvailabletopics(opts?: { expand?: string[]; includePreview?: boolean }): Promise<Listing> };
  IntegrationsApi: new (client?: SdkClient) => {
    getIntegrationsTypes(opts?: { pageSize?: number; pageNumber?: number }): Promise<Listing>;
    getIntegrationsType(typeId: string): Promise<Entity>;
    getIntegrationsTypeConfigschema(typeId: string, configType: string): Promise<Entity & { properties?: Record<string, unknown>; required?: string[] }>;
    postIntegrations(opts: { body: { name: string; integrationType: { id: string } } }): Promise<Entity>;
    getIntegration(id: string, opts?: { expand?: string[] }): Promise<Entity>;
    getIntegrationConfigCurrent(id: string): Promise<Entity & { version?: number; properties?: Record<string, unknown> }>;
    putIntegrationConfigCurrent(id: string, opts: { body: Record<string, unknown> }): Promise<Entity & { version?: number }>;
    patchIntegration(id: string, opts: { body: Record<string, unknown> }): Promise<Entity>;
    getIntegrations(opts?: { integrationType?: string; expand?: string[]; pageSize?: number }): Promise<Listing>;
    deleteIntegration(id: string): Promise<Entity>;
  };
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const sdk = require("purecloud-platform-client-v2") as Sdk;

let emulator: RunningEmulator;
let client: SdkClient;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  client = sdk.ApiClient.instance;
  // No watching of a config file in the user's home for the length of the test.
  client.config.live_reload_config = false;
  client.setGateway({ host: "127.0.0.1", protocol: "http", port: emulator.port });
});
afterAll(() => emulator.close());

/** The SDK rejects with the response body (the Genesys error) on a non-2xx answer. */
async function refusal(p: Promise<unknown>): Promise<Record<string, unknown>> {
  try {
    await p;
  } catch (e) {
    return e as Record<string, unknown>;
  }
  throw new Error("expected the call to be refused");
}

const properties = { awsAccountId: "123456789012", awsAccountRegion: "us-east-1", eventSourceSuffix: "sdk-orders", eventFilter: ["v2.detail.events.conversation.{id}.customer.start", "v2.audits.entitytype.{id}.entityid.{id}"] };

describe("the published purecloud-platform-client-v2 SDK against the emulator", () => {
  it("starts like a real tool: token, organization, products, integration types, config schema, available topics", async () => {
    const auth = await client.loginClientCredentialsGrant(defaultCredentials.clientId, defaultCredentials.clientSecret);
    expect(auth.accessToken).toMatch(/\S{16,}/);
    expect(auth.tokenExpiryTime).toBeGreaterThan(Date.now());

    const org = await new sdk.OrganizationApi().getOrganizationsMe();
    expect(org).toMatchObject({ id: defaultOrganizationId, defaultCountryCode: "US", defaultLanguage: "en-us", state: "active", version: 1, productPlatform: "PureCloud" });
    expect(typeof org["features"]).toBe("object");

    const products = await new sdk.AuthorizationApi().getAuthorizationProducts();
    expect(products.entities?.length).toBeGreaterThan(0);
    expect(products.total).toBe(products.entities?.length);
    for (const p of products.entities ?? []) expect(typeof p.id).toBe("string");

    const integrations = new sdk.IntegrationsApi();
    const types = await integrations.getIntegrationsTypes({ pageSize: 100 });
    expect(types.entities?.map((t) => t.id)).toEqual(["amazon-eventbridge-source"]);
    const type = await integrations.getIntegrationsType("amazon-eventbridge-source");
    expect(type).toMatchObject({ id: "amazon-eventbridge-source", name: "Amazon EventBridge Source" });
    const schema = await integrations.getIntegrationsTypeConfigschema("amazon-eventbridge-source", "properties");
    expect(schema.required).toEqual(["awsAccountId", "awsAccountRegion", "eventSourceSuffix", "eventFilter"]);
    expect(Object.keys(schema.properties ?? {}).sort()).toEqual(["awsAccountId", "awsAccountRegion", "eventFilter", "eventSourceSuffix"]);
    expect(await refusal(integrations.getIntegrationsType("no-such-type"))).toMatchObject({ status: 404, code: "not.found" });

    const notifications = new sdk.NotificationsApi();
    const bare = await notifications.getNotificationsAvailabletopics();
    expect(bare.entities?.map((t) => t.id)).toEqual(emulatorTopicCatalog.entities.map((t) => t.id));
    // The SDK sends expand as a repeated parameter (collection format "multi").
    const expanded = await notifications.getNotificationsAvailabletopics({ expand: ["transports", "schema"], includePreview: false });
    const presence = expanded.entities?.find((t) => t.id === "v2.users.{id}.presence");
    expect(presence).toMatchObject({ transports: ["All"], schema: { type: "object" } });
    expect(Object.keys(presence ?? {}).sort()).toEqual(["id", "schema", "transports"]);
    expect(expanded.entities?.some((t) => t.id === "v2.detail.events.conversation.{id}.flow.start")).toBe(false);
    const websocketOnly = expanded.entities?.filter((t) => JSON.stringify(t["transports"]) === '["Websocket"]').map((t) => t.id);
    expect(websocketOnly).toEqual(["v2.users.{id}.conversations", "v2.conversations.{id}.transcription"]);
  });

  it("creates, reads, configures, enables, lists and deletes an amazon-eventbridge-source integration", async () => {
    await client.loginClientCredentialsGrant(defaultCredentials.clientId, defaultCredentials.clientSecret);
    const integrations = new sdk.IntegrationsApi();

    const created = await integrations.postIntegrations({ body: { name: "sdk-orders", integrationType: { id: "amazon-eventbridge-source" } } });
    const id = String(created.id);
    expect(created).toMatchObject({ name: "sdk-orders", intendedState: "DISABLED", integrationType: { id: "amazon-eventbridge-source" } });
    expect(await integrations.getIntegration(id)).toMatchObject({ id, name: "sdk-orders" });

    const current = await integrations.getIntegrationConfigCurrent(id);
    expect(current.version).toBe(1);
    const updated = await integrations.putIntegrationConfigCurrent(id, { body: { name: "sdk-orders", version: current.version, properties, advanced: {}, notes: "", credentials: {} } });
    expect(updated).toMatchObject({ version: 2, properties });
    const stale = await refusal(integrations.putIntegrationConfigCurrent(id, { body: { name: "sdk-orders", version: 1, properties, advanced: {}, credentials: {} } }));
    expect(stale).toMatchObject({ status: 409, code: "conflict" });
    const invalid = await refusal(integrations.putIntegrationConfigCurrent(id, { body: { name: "sdk-orders", version: 2, properties: { ...properties, awsAccountId: "42" } } }));
    expect(invalid).toMatchObject({ status: 400, details: [{ fieldName: "properties.awsAccountId" }] });

    const enabled = await integrations.patchIntegration(id, { body: { intendedState: "ENABLED" } });
    expect(enabled).toMatchObject({ intendedState: "ENABLED", reportedState: { code: "ACTIVE" } });

    const listed = await integrations.getIntegrations({ integrationType: "amazon-eventbridge-source", expand: ["config.current"], pageSize: 100 });
    expect(listed.total).toBe(1);
    expect(listed.entities?.[0]).toMatchObject({ id, intendedState: "ENABLED", config: { current: { version: 2, properties } } });

    expect(await integrations.deleteIntegration(id)).toMatchObject({ id });
    expect(await refusal(integrations.getIntegration(id))).toMatchObject({ status: 404 });
    expect((await integrations.getIntegrations({ integrationType: "amazon-eventbridge-source" })).total).toBe(0);
  });

  it("left a journal of real routes only, each answered without a 404 from a missing route", () => {
    const seen = emulator.journal().map((e) => `${e.method} ${e.path.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, "{id}")} ${e.status}`);
    expect(seen).toEqual(expect.arrayContaining([
      "POST /oauth/token 200",
      "GET /api/v2/organizations/me 200",
      "GET /api/v2/authorization/products 200",
      "GET /api/v2/integrations/types 200",
      "GET /api/v2/integrations/types/amazon-eventbridge-source 200",
      "GET /api/v2/integrations/types/amazon-eventbridge-source/configschemas/properties 200",
      "GET /api/v2/notifications/availabletopics 200",
      "POST /api/v2/integrations 200",
      "PUT /api/v2/integrations/{id}/config/current 200",
      "PATCH /api/v2/integrations/{id} 200",
      "DELETE /api/v2/integrations/{id} 200",
    ]));
    const notFound = emulator.journal().filter((e) => e.status === 404).map((e) => e.path);
    expect(notFound.sort()).toEqual(expect.arrayContaining(["/api/v2/integrations/types/no-such-type"]));
    expect(notFound.every((p) => p === "/api/v2/integrations/types/no-such-type" || /^\/api\/v2\/integrations\/[0-9a-f-]{36}$/.test(p))).toBe(true);
  });
});
