import { defaultOrganizationId, eventBridgePropertyProblems, RunningEmulator, startEmulator } from "../../src/emulator";
import { bearer } from "./token";

let emulator: RunningEmulator;
beforeAll(async () => (emulator = await startEmulator({ port: 0 })));
afterAll(() => emulator.close());

async function get(path: string): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const r = await fetch(`${emulator.url}${path}`, { headers: { Authorization: `Bearer ${await bearer(emulator.url)}` } });
  return { status: r.status, body: (await r.json()) as Record<string, unknown>, headers: r.headers };
}

const typePath = "/api/v2/integrations/types/amazon-eventbridge-source";

describe("emulator: what real clients read at start", () => {
  it("GET /api/v2/authorization/products lists the organization's products as entities of { id } with paging fields", async () => {
    const r = await get("/api/v2/authorization/products");
    expect(r.status).toBe(200);
    const entities = r.body["entities"] as Array<Record<string, unknown>>;
    expect(entities.length).toBeGreaterThan(0);
    for (const e of entities) expect(Object.keys(e)).toEqual(["id"]);
    expect(r.body).toMatchObject({ pageNumber: 1, total: entities.length, pageCount: 1 });
  });

  it("GET /api/v2/organizations/me has every field of the SDK Organization model a client reads", async () => {
    const r = await get("/api/v2/organizations/me");
    for (const key of ["id", "name", "defaultLanguage", "defaultCountryCode", "thirdPartyOrgName", "thirdPartyURI", "domain", "features", "version", "state", "defaultSiteId", "supportURI", "voicemailEnabled", "productPlatform", "selfUri"]) {
      expect(r.body).toHaveProperty(key);
    }
    expect(r.body).toMatchObject({ id: defaultOrganizationId, defaultCountryCode: "US", state: "active", version: 1 });
  });

  it("GET /api/v2/integrations/types lists amazon-eventbridge-source instead of taking 'types' for an integration id", async () => {
    const r = await get("/api/v2/integrations/types");
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ pageSize: 25, pageNumber: 1, total: 1, pageCount: 1, entities: [{ id: "amazon-eventbridge-source", configPropertiesSchemaUri: `${typePath}/configschemas/properties` }] });
    expect((await get("/api/v2/integrations/types?pageNumber=2")).body).toMatchObject({ entities: [], pageNumber: 2, previousUri: expect.any(String) });
    expect((await get("/api/v2/integrations/types?pageSize=0")).status).toBe(400);
  });

  it("GET /api/v2/integrations/types/{typeId} answers the type, 404 for another", async () => {
    const r = await get(typePath);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: "amazon-eventbridge-source", name: "Amazon EventBridge Source", selfUri: typePath, configAdvancedSchemaUri: `${typePath}/configschemas/advanced` });
    const other = await get("/api/v2/integrations/types/purecloud-data-actions");
    expect(other.status).toBe(404);
    expect(String(other.body["message"])).toContain("'purecloud-data-actions'");
  });

  it("GET .../configschemas/properties is a JSON Schema that agrees with the config route's checks", async () => {
    const r = await get(`${typePath}/configschemas/properties`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ type: "object", required: ["awsAccountId", "awsAccountRegion", "eventSourceSuffix", "eventFilter"] });
    const props = r.body["properties"] as Record<string, { pattern?: string; enum?: string[] }>;
    const accountPattern = new RegExp(props["awsAccountId"].pattern ?? "");
    const suffixPattern = new RegExp(props["eventSourceSuffix"].pattern ?? "");
    const good = { awsAccountId: "123456789012", awsAccountRegion: "eu-west-1", eventSourceSuffix: "orders.v1", eventFilter: ["v2.users.{id}.presence"] };
    expect(eventBridgePropertyProblems(good)).toEqual([]);
    expect([accountPattern.test(good.awsAccountId), suffixPattern.test(good.eventSourceSuffix), props["awsAccountRegion"].enum?.includes(good.awsAccountRegion)]).toEqual([true, true, true]);
    expect([accountPattern.test("12345678901"), suffixPattern.test("a b"), suffixPattern.test("x".repeat(65))]).toEqual([false, false, false]);
    expect(eventBridgePropertyProblems({ ...good, awsAccountId: "12345678901" }).map((p) => p.fieldName)).toEqual(["properties.awsAccountId"]);
    expect((await get(`${typePath}/configschemas/advanced`)).body).toMatchObject({ type: "object", properties: {} });
    expect((await get(`${typePath}/configschemas/credentials`)).status).toBe(404);
    expect((await get(`${typePath}/configschemas/toString`)).status).toBe(404);
  });

  it("puts the platform's headers on every answer: success, error, unknown route, token endpoint", async () => {
    const answers = [
      (await get("/api/v2/organizations/me")).headers,
      (await fetch(`${emulator.url}/api/v2/organizations/me`)).headers,
      (await get("/api/v2/no/such/route")).headers,
      (await fetch(`${emulator.url}/oauth/token`, { method: "POST" })).headers,
    ];
    const ids = new Set<string>();
    for (const h of answers) {
      const id = h.get("inin-correlation-id") ?? "";
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      ids.add(id);
      expect(h.get("cache-control")).toBe("no-cache, no-store, must-revalidate");
      expect(h.get("content-type")).toMatch(/^application\/json/);
    }
    expect(ids.size).toBe(answers.length);
  });
});
