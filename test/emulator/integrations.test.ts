import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { isLeft } from "fp-ts/Either";
import { defaultCredentials, defaultOrganizationId, startEmulator } from "../../src/emulator";
import type { GenesysClient } from "../../src/genesys/client";
import { clientFor, emulatorFixture } from "../genesys/support";
import type { Models } from "purecloud-platform-client-v2";

const emulator = emulatorFixture();
const base = "/api/v2/integrations";
const properties = { awsAccountId: "123456789012", awsAccountRegion: "us-east-1", eventSourceSuffix: "orders", eventFilter: ["v2.audits.entitytype.{id}.entityid.{id}"] };

/** The JSON type of each field of the SDK model `Organization`, all of which a client may read (the type lists every field). */
const organizationFieldTypes: Record<keyof Models.Organization, "string" | "number" | "boolean" | "object"> = {
  id: "string", name: "string", defaultLanguage: "string", defaultCountryCode: "string", thirdPartyOrgName: "string",
  thirdPartyURI: "string", domain: "string", features: "object", version: "number", state: "string",
  defaultSiteId: "string", supportURI: "string", voicemailEnabled: "boolean", productPlatform: "string", selfUri: "string",
};

async function answer(client: GenesysClient, method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE", p: string, json?: unknown) {
  const r = await client.request({ method, path: p, ...(json === undefined ? {} : { json }) });
  return isLeft(r)
    ? { status: r.left.status, code: r.left.code, message: r.left.message, fields: r.left._tag === "BadRequest" ? r.left.fields.map((f) => f.fieldName) : [] }
    : { status: r.right.status, body: r.right.body };
}

async function post(client: GenesysClient, name: string): Promise<string> {
  const r = await answer(client, "POST", base, { name, integrationType: { id: "amazon-eventbridge-source" } });
  return (r.body as { id: string }).id;
}

async function admin(method: string, p: string, body?: unknown): Promise<number> {
  const r = await fetch(`${emulator.get().url}/__emulator/${p}`, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  return r.status;
}

const typeInfo = {
  id: "amazon-eventbridge-source",
  name: "Amazon EventBridge Source",
  description: "Sends Genesys Cloud notification topics to an Amazon EventBridge partner event source.",
  selfUri: "/api/v2/integrations/types/amazon-eventbridge-source",
};

describe("emulator: Integrations API", () => {
  it("creates a disabled integration with an empty config at version 1", async () => {
    const client = clientFor(emulator.get());
    const created = await answer(client, "POST", base, { name: "orders", integrationType: { id: "amazon-eventbridge-source" } });
    const id = (created.body as { id: string }).id;
    expect(created).toEqual({
      status: 200,
      body: {
        id,
        name: "orders",
        integrationType: typeInfo,
        notes: "",
        intendedState: "DISABLED",
        reportedState: { code: "INACTIVE", effective: "Inactive", lastUpdated: expect.any(String) },
        attributes: {},
        selfUri: `${base}/${id}`,
      },
    });
    expect(await answer(client, "GET", `${base}/${id}/config/current`)).toEqual({
      status: 200,
      body: { id, name: "orders", version: 1, properties: {}, advanced: {}, notes: "", credentials: {}, selfUri: `${base}/${id}/config/current` },
    });
  });

  it("refuses an unknown integration type with the field name", async () => {
    const client = clientFor(emulator.get());
    const r = await answer(client, "POST", base, { name: "x", integrationType: { id: "purecloud-data-actions" } });
    expect([r.status, r.code, r.fields]).toEqual([400, "bad.request", ["integrationType.id"]]);
  });

  it("writes config only with the current version: a stale one answers 409 with the Genesys error body", async () => {
    const client = clientFor(emulator.get());
    const id = await post(client, "orders");
    const put = { name: "orders", version: 1, notes: "", properties, advanced: {}, credentials: {} };
    expect(await answer(client, "PUT", `${base}/${id}/config/current`, put)).toEqual({
      status: 200,
      body: { id, name: "orders", version: 2, properties, advanced: {}, notes: "", credentials: {}, selfUri: `${base}/${id}/config/current` },
    });
    const granted = await fetch(`${emulator.get().url}/oauth/token`, {
      method: "POST",
      headers: { Authorization: `Basic ${Buffer.from(`${defaultCredentials.clientId}:${defaultCredentials.clientSecret}`).toString("base64")}`, "Content-Type": "application/x-www-form-urlencoded" },
      body: "grant_type=client_credentials",
    });
    const token = ((await granted.json()) as { access_token: string }).access_token;
    const r = await fetch(`${emulator.get().url}${base}/${id}/config/current`, {
      method: "PUT",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: JSON.stringify(put),
    });
    expect({ status: r.status, body: await r.json() }).toEqual({
      status: 409,
      body: {
        message: `Version 1 does not match the current version 2 of the configuration of integration '${id}'`,
        code: "conflict",
        status: 409,
        contextId: r.headers.get("inin-correlation-id"),
        details: [],
        errors: [],
      },
    });
  });

  it("validates properties like the real constraints, naming each field", async () => {
    const client = clientFor(emulator.get());
    const id = await post(client, "orders");
    const bad = { awsAccountId: "12", awsAccountRegion: "mars-1", eventSourceSuffix: "has space", eventFilter: ["ok.topic", "bad topic!"] };
    const r = await answer(client, "PUT", `${base}/${id}/config/current`, { name: "orders", version: 1, properties: bad });
    expect(r).toEqual({
      status: 400,
      code: "bad.request",
      message: "properties.awsAccountId: expected a 12-digit AWS account id",
      fields: ["properties.awsAccountId", "properties.awsAccountRegion", "properties.eventSourceSuffix", "properties.eventFilter[1]"],
    });
    const empty = await answer(client, "PUT", `${base}/${id}/config/current`, { name: "orders", version: 1, properties: { ...properties, eventFilter: [] } });
    expect(empty.fields).toEqual(["properties.eventFilter"]);
  });

  it("lists with the type filter, expand=config.current and paging", async () => {
    const client = clientFor(emulator.get());
    const ids: Record<string, string> = {};
    for (const name of ["c", "a", "b"]) ids[name] = await post(client, name);
    const page2 = await answer(client, "GET", `${base}?integrationType=amazon-eventbridge-source&expand=config.current&pageSize=2&pageNumber=2`);
    const body = page2.body as Record<string, unknown>;
    expect({ ...body, entities: (body["entities"] as Array<{ name: string; config: unknown }>).map((e) => [e.name, e.config]) }).toEqual({
      entities: [["c", { current: { id: ids["c"], name: "c", version: 1, properties: {}, advanced: {}, notes: "", credentials: {}, selfUri: `${base}/${ids["c"]}/config/current` } }]],
      pageSize: 2,
      pageNumber: 2,
      total: 3,
      pageCount: 2,
      firstUri: `${base}?integrationType=amazon-eventbridge-source&expand=config.current&pageSize=2&pageNumber=1`,
      selfUri: `${base}?integrationType=amazon-eventbridge-source&expand=config.current&pageSize=2&pageNumber=2`,
      lastUri: `${base}?integrationType=amazon-eventbridge-source&expand=config.current&pageSize=2&pageNumber=2`,
      previousUri: `${base}?integrationType=amazon-eventbridge-source&expand=config.current&pageSize=2&pageNumber=1`,
    });
    const plain = await answer(client, "GET", `${base}?pageSize=2`);
    expect((plain.body as { entities: Array<Record<string, unknown>> }).entities.map((e) => [e["name"], "config" in e])).toEqual([["a", false], ["b", false]]);
    const other = await answer(client, "GET", `${base}?integrationType=embedded-client-app`);
    expect((other.body as { total: number }).total).toBe(0);
  });

  it("patches the intended state and refuses values outside ENABLED/DISABLED", async () => {
    const client = clientFor(emulator.get());
    const id = await post(client, "orders");
    const enabled = await answer(client, "PATCH", `${base}/${id}`, { intendedState: "ENABLED" });
    expect((enabled.body as Record<string, unknown>)["reportedState"]).toEqual({ code: "ACTIVE", effective: "Active", lastUpdated: expect.any(String) });
    const bad = await answer(client, "PATCH", `${base}/${id}`, { intendedState: "ON" });
    expect([bad.status, bad.fields]).toEqual([400, ["intendedState"]]);
  });

  it("lags reads after create (404) and after delete (still there) when told to", async () => {
    const client = clientFor(emulator.get());
    expect(await admin("POST", "integrations/lag", { reads: 2 })).toBe(200);
    const id = await post(client, "orders");
    const statuses = [];
    for (const p of [`${base}/${id}`, `${base}/${id}/config/current`, `${base}/${id}`]) statuses.push((await answer(client, "GET", p)).status);
    expect(statuses).toEqual([404, 404, 200]);
    expect((await answer(client, "DELETE", `${base}/${id}`)).status).toBe(200);
    const after = [];
    for (let i = 0; i < 3; i++) after.push((await answer(client, "GET", `${base}/${id}`)).status);
    expect(after).toEqual([200, 200, 404]);
    expect((await answer(client, "DELETE", `${base}/${id}`)).status).toBe(404);
  });

  it("edits and deletes integrations behind the client's back through the admin API", async () => {
    const client = clientFor(emulator.get());
    const id = await post(client, "orders");
    expect(await admin("PATCH", `integrations/${id}`, { intendedState: "ENABLED", config: { properties } })).toBe(200);
    expect(await answer(client, "GET", `${base}/${id}/config/current`)).toEqual({
      status: 200,
      body: { id, name: "orders", version: 2, properties, advanced: {}, notes: "", credentials: {}, selfUri: `${base}/${id}/config/current` },
    });
    expect(await admin("DELETE", `integrations/${id}`)).toBe(204);
    expect((await answer(client, "GET", `${base}/${id}`)).status).toBe(404);
    expect(await admin("DELETE", `integrations/${id}`)).toBe(404);
  });

  it("answers the organization with the fixed fake id and every field of the SDK model", async () => {
    const client = clientFor(emulator.get());
    const { status, body } = await answer(client, "GET", "/api/v2/organizations/me");
    expect(status).toBe(200);
    const organization = body as Models.Organization;
    expect(Object.fromEntries(Object.entries(organization).map(([field, value]) => [field, typeof value]))).toEqual(organizationFieldTypes);
    expect(organization.id).toBe(defaultOrganizationId);
    expect(organization.selfUri).toBe(`/api/v2/organizations/${defaultOrganizationId}`);
    expect(organization.version).toBe(1);
    expect(organization.state).toBe("active");
    expect(organization.defaultSiteId).toMatch(/^[0-9a-f-]{36}$/);
    expect(organization.features).toEqual({ purecloud: true, contactCenter: true, chat: true, directory: true, hipaa: false, pci: false });
  });

  it("refuses every write with 403 when permissions are off, and still serves reads", async () => {
    const client = clientFor(emulator.get());
    const id = await post(client, "orders");
    expect(await admin("POST", "permissions", { write: false })).toBe(200);
    const writes = [
      await answer(client, "POST", base, { name: "x", integrationType: { id: "amazon-eventbridge-source" } }),
      await answer(client, "PUT", `${base}/${id}/config/current`, { version: 1, properties }),
      await answer(client, "PATCH", `${base}/${id}`, { intendedState: "ENABLED" }),
      await answer(client, "DELETE", `${base}/${id}`),
    ];
    expect(writes.map((w) => [w.status, w.code])).toEqual(Array.from({ length: 4 }, () => [403, "missing.any.permissions"]));
    expect((await answer(client, "GET", `${base}/${id}`)).status).toBe(200);
  });

  it("rate limits integration calls like the other contracts", async () => {
    await admin("POST", "rate-limit", { capacity: 1, refillPerSecond: 0.1 });
    const client = clientFor(emulator.get(), { retry: { maxRetries: 0 } });
    const first = await answer(client, "GET", base);
    const second = await answer(client, "GET", base);
    expect([first.status, second.status, second.code]).toEqual([200, 429, "too.many.requests.retry.after"]);
  });

  it("keeps integrations in the store file between runs", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "integrations-store-"));
    const storePath = path.join(dir, "store.json");
    try {
      const first = await startEmulator({ storePath });
      const id = await post(clientFor(first), "orders");
      await first.close();
      const second = await startEmulator({ storePath });
      try {
        const r = await answer(clientFor(second), "GET", `${base}/${id}`);
        expect([r.status, (r.body as { name: string }).name]).toEqual([200, "orders"]);
      } finally {
        await second.close();
      }
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
