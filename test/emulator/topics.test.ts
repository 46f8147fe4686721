import { emulatorTopicCatalog, RunningEmulator, startEmulator, topicExpansions } from "../../src/emulator";
import type { AvailableTopic } from "../../src/emulator";
import { bearer } from "./token";

let emulator: RunningEmulator;

beforeAll(async () => (emulator = await startEmulator({ port: 0 })));
afterAll(() => emulator.close());
afterEach(() => emulator.reset());

async function topics(query = ""): Promise<{ status: number; body: { entities: AvailableTopic[] } & Record<string, unknown>; headers: Headers }> {
  const r = await fetch(`${emulator.url}/api/v2/notifications/availabletopics${query}`, { headers: { Authorization: `Bearer ${await bearer(emulator.url)}` } });
  return { status: r.status, body: (await r.json()) as { entities: AvailableTopic[] }, headers: r.headers };
}

async function admin(method: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const r = await fetch(`${emulator.url}/__emulator/topics`, { method, ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { "Content-Type": "application/json" } }) });
  return { status: r.status, body: (await r.json()) as Record<string, unknown> };
}

const ids = (entities: ReadonlyArray<AvailableTopic>) => entities.map((t) => t.id);

describe("emulator: GET /api/v2/notifications/availabletopics", () => {
  it("without expand lists every topic with its id only, as an AvailableTopicEntityListing", async () => {
    const r = await topics();
    expect(r.status).toBe(200);
    expect(Object.keys(r.body)).toEqual(["entities"]);
    expect(ids(r.body.entities)).toEqual(ids(emulatorTopicCatalog.entities));
    for (const t of r.body.entities) expect(Object.keys(t)).toEqual(["id"]);
  });

  it("adds exactly the expanded fields, repeated or comma-separated", async () => {
    const repeated = await topics("?expand=transports&expand=schema");
    const commas = await topics("?expand=transports,schema");
    expect(commas.body).toEqual(repeated.body);
    const presence = repeated.body.entities.find((t) => t.id === "v2.users.{id}.presence");
    expect(Object.keys(presence ?? {}).sort()).toEqual(["id", "schema", "transports"]);
    expect(presence?.transports).toEqual(["All"]);
    expect(presence?.schema).toMatchObject({ type: "object", properties: { presenceDefinition: { $ref: "#/definitions/organizationPresence" } } });
    const described = await topics("?expand=description");
    for (const t of described.body.entities) expect(Object.keys(t).sort()).toEqual(["description", "id"]);
  });

  it("with every expansion answers the whole catalog", async () => {
    const r = await topics(`?expand=${topicExpansions.join(",")}`);
    expect(r.body).toEqual(emulatorTopicCatalog);
  });

  it("leaves preview topics out with includePreview=false only", async () => {
    const preview = emulatorTopicCatalog.entities.filter((t) => t.visibility === "Preview").map((t) => t.id);
    expect(preview.length).toBeGreaterThan(0);
    expect(ids((await topics()).body.entities)).toEqual(expect.arrayContaining(preview));
    expect(ids((await topics("?includePreview=true")).body.entities)).toEqual(expect.arrayContaining(preview));
    const without = ids((await topics("?includePreview=false")).body.entities);
    expect(without.filter((id) => preview.includes(id))).toEqual([]);
    expect(without.length).toBe(emulatorTopicCatalog.entities.length - preview.length);
  });

  it("refuses an unknown expansion or a non-boolean includePreview with 400 naming the parameter", async () => {
    const r = await topics("?expand=schema,schemas");
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ code: "bad.request", details: [{ fieldName: "expand" }] });
    expect(String(r.body["message"])).toContain('"schemas"');
    const p = await topics("?includePreview=maybe");
    expect(p.status).toBe(400);
    expect(p.body).toMatchObject({ details: [{ fieldName: "includePreview" }] });
  });

  it("needs a bearer token like every API route, and answers with a correlation id", async () => {
    const r = await fetch(`${emulator.url}/api/v2/notifications/availabletopics`);
    expect(r.status).toBe(401);
    expect((await topics()).headers.get("inin-correlation-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("emulator: the built-in catalog", () => {
  const byId = new Map(emulatorTopicCatalog.entities.map((t) => [t.id, t]));
  it.each([
    "v2.detail.events.conversation.{id}.customer.start",
    "v2.detail.events.conversation.{id}.customer.end",
    "v2.detail.events.conversation.{id}.acw",
    "v2.detail.events.conversation.{id}.user.start",
    "v2.users.{id}.presence",
    "v2.users.{id}.activity",
    "v2.routing.queues.{id}.conversations",
    "v2.audits.entitytype.{id}.entityid.{id}",
    "v2.analytics.flow.{id}.aggregates",
  ])("has %s with transports and an object schema marked as the emulator's", (id) => {
    const t = byId.get(id);
    expect(t?.transports?.length).toBeGreaterThan(0);
    expect(t?.schema).toMatchObject({ type: "object", id: `urn:emulator:genesys-eventbridge:topic:${id}` });
    expect(Object.keys((t?.schema as { properties: object }).properties).length).toBeGreaterThan(1);
  });

  it("has topics of each transport kind: All, EventBridge only, Websocket only", () => {
    const kinds = new Set(emulatorTopicCatalog.entities.map((t) => JSON.stringify(t.transports)));
    expect([...kinds].sort()).toEqual(['["All"]', '["EventBridge"]', '["Websocket"]']);
    expect(byId.get("v2.users.{id}.conversations")?.transports).toEqual(["Websocket"]);
    expect(byId.get("v2.audits.entitytype.{id}.entityid.{id}")?.transports).toEqual(["EventBridge"]);
  });

  it("types every schema node: a type or a $ref; arrays with items; objects with properties or additionalProperties; enums of strings", () => {
    const problems: string[] = [];
    const visit = (node: Record<string, unknown>, at: string): void => {
      if (typeof node["$ref"] === "string") return;
      const type = node["type"];
      if (typeof type !== "string") problems.push(`${at}: no type`);
      if (type === "array") {
        if (node["items"] === undefined) problems.push(`${at}: array without items`);
        else visit(node["items"] as Record<string, unknown>, `${at}.items`);
      }
      if (type === "object") {
        const properties = node["properties"] as Record<string, Record<string, unknown>> | undefined;
        if (properties === undefined && node["additionalProperties"] === undefined) problems.push(`${at}: object without properties`);
        for (const [k, v] of Object.entries(properties ?? {})) visit(v, `${at}.properties.${k}`);
      }
      if (node["enum"] !== undefined && !(Array.isArray(node["enum"]) && node["enum"].every((v) => typeof v === "string") && type === "string")) problems.push(`${at}: enum not of strings`);
    };
    for (const t of emulatorTopicCatalog.entities) {
      const schema = t.schema as Record<string, unknown>;
      visit(schema, t.id);
      for (const [k, v] of Object.entries((schema["definitions"] ?? {}) as Record<string, Record<string, unknown>>)) visit(v, `${t.id}.definitions.${k}`);
    }
    expect(problems).toEqual([]);
  });

  it("resolves every $ref to a definition of its own schema", () => {
    let refs = 0;
    const visit = (node: unknown, definitions: Record<string, unknown>): void => {
      if (Array.isArray(node)) return node.forEach((n) => visit(n, definitions));
      if (node === null || typeof node !== "object") return;
      const ref = (node as { $ref?: unknown }).$ref;
      if (typeof ref === "string") {
        refs++;
        expect(ref).toMatch(/^#\/definitions\//);
        expect(definitions[ref.slice("#/definitions/".length)]).toBeDefined();
      }
      for (const v of Object.values(node)) visit(v, definitions);
    };
    for (const t of emulatorTopicCatalog.entities) visit(t.schema, ((t.schema as { definitions?: Record<string, unknown> }).definitions ?? {}));
    expect(refs).toBeGreaterThan(5);
    const queue = byId.get("v2.routing.queues.{id}.conversations")?.schema as { properties: { participants: unknown } };
    expect(queue.properties.participants).toEqual({ type: "array", items: { $ref: "#/definitions/participant" } });
  });
});

describe("emulator: /__emulator/topics", () => {
  const custom = {
    entities: [
      { id: "v2.example.{id}.changed", description: "A test topic", transports: ["EventBridge"], schema: { type: "object", properties: { state: { type: "string" } } } },
      { id: "v2.example.{id}.socket", transports: ["Websocket"] },
    ],
  };

  it("GET answers the catalog; PUT replaces it for the API; reset restores the built-in one", async () => {
    expect(await admin("GET")).toEqual({ status: 200, body: emulatorTopicCatalog });
    expect(await admin("PUT", custom)).toEqual({ status: 200, body: custom });
    expect(await admin("GET")).toEqual({ status: 200, body: custom });
    expect((await topics("?expand=transports")).body).toEqual({
      entities: [{ id: "v2.example.{id}.changed", transports: ["EventBridge"] }, { id: "v2.example.{id}.socket", transports: ["Websocket"] }],
    });
    await emulator.reset();
    expect((await admin("GET")).body).toEqual(emulatorTopicCatalog);
  });

  it.each([
    [{ topics: [] }, "entities: expected a list, found nothing"],
    [{ entities: [{ description: "no id" }] }, "entities[0].id: expected a string, found nothing"],
    [{ entities: [{ id: "v2.a", transports: "All" }] }, 'entities[0].transports: expected a list of strings, found "All"'],
    [{ entities: [{ id: "v2.a", schema: [] }] }, "entities[0].schema: expected an object, found []"],
    [{ entities: [{ id: "v2.a" }, { id: "v2.a" }] }, 'entities[1].id: "v2.a" is listed already at entities[0]'],
    [{ entities: [{ id: " " }] }, "entities[0].id: expected a topic template"],
  ])("PUT refuses %j with 400 naming the property path", async (body, text) => {
    const r = await admin("PUT", body);
    expect(r.status).toBe(400);
    expect(String(r.body["message"])).toContain(text);
    expect((await admin("GET")).body).toEqual(emulatorTopicCatalog);
  });

  it("is guarded by the admin token when one is set", async () => {
    const guarded = await startEmulator({ port: 0, adminToken: "an-admin-token-of-enough-length" });
    try {
      expect((await fetch(`${guarded.url}/__emulator/topics`)).status).toBe(401);
      const r = await fetch(`${guarded.url}/__emulator/topics`, { headers: { Authorization: "Bearer an-admin-token-of-enough-length" } });
      expect(r.status).toBe(200);
    } finally {
      await guarded.close();
    }
  });

  it("starts with a catalog given to startEmulator", async () => {
    const other = await startEmulator({ port: 0, topics: custom });
    try {
      expect(await (await fetch(`${other.url}/__emulator/topics`)).json()).toEqual(custom);
    } finally {
      await other.close();
    }
  });
});
