import { Either, isLeft, left, right } from "fp-ts/Either";
import { INTEGRATIONS, asIntegration, defaultOrganizationId, startEmulator } from "../../src/emulator";
import { SourceDefinition, validateDefinition } from "../../src/definition";
import { IntegrationsApi, IntegrationsOptions, WriteOutcome, changedPaths, sourceApiFor } from "../../src/genesys";
import { calls, clientFor, definition, definitionJson, emulatorFixture } from "./support";

const emulator = emulatorFixture();
const base = "/api/v2/integrations";
const partnerName = (suffix = "orders-source", org = defaultOrganizationId) => `aws.partner/genesys.com/cloud/${org}/${suffix}`;

function api(options: IntegrationsOptions = {}): IntegrationsApi {
  return new IntegrationsApi(clientFor(emulator.get()), { pollIntervalMs: 5, ...options });
}

function expectedState(intendedState = "ENABLED", eventFilter = ["conversation.created"], awsAccountRegion = "us-east-1") {
  return {
    name: "orders-source",
    intendedState,
    properties: { awsAccountId: "123456789012", awsAccountRegion, eventSourceSuffix: "orders-source", eventFilter },
  };
}

function stored(id: string) {
  return asIntegration(emulator.get().state.collection(INTEGRATIONS).get(id)?.body);
}

async function admin(method: string, path: string, body?: unknown): Promise<number> {
  const r = await fetch(`${emulator.get().url}/__emulator/${path}`, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  return r.status;
}

async function created(a: IntegrationsApi, def: SourceDefinition = definition()): Promise<WriteOutcome> {
  const result = await a.create(def);
  if (isLeft(result)) throw new Error(`create failed: ${JSON.stringify(result.left)}`);
  return result.right;
}

function twoFilters(order: ReadonlyArray<string>): SourceDefinition {
  const json = { ...definitionJson(), filters: order.map((eventType) => ({ eventType })) };
  const decoded = validateDefinition(json);
  if (isLeft(decoded)) throw new Error("fixture is invalid");
  return decoded.right;
}

function outcome(result: Either<unknown, WriteOutcome>) {
  return isLeft(result) ? result : right({ etag: result.right.source.etag, state: result.right.source.state, retries: result.right.retries, conflicts: result.right.conflicts });
}

describe("IntegrationsApi", () => {
  it("creates: POST, GET config for its version, PUT config, PATCH the intended state, then re-reads", async () => {
    const result = await api().create(definition());
    const id = isLeft(result) ? "" : result.right.source.remoteId;
    expect(result).toEqual(right({
      source: { remoteId: id, etag: "2", state: expectedState(), facts: { partnerEventSourceName: partnerName() } },
      retries: 0,
      conflicts: 0,
    }));
    expect(stored(id)).toEqual({
      id,
      name: "orders-source",
      integrationTypeId: "amazon-eventbridge-source",
      notes: "",
      intendedState: "ENABLED",
      stateChanged: expect.any(String),
      config: {
        name: "orders-source",
        version: 2,
        properties: { awsAccountId: "123456789012", awsAccountRegion: "us-east-1", eventSourceSuffix: "orders-source", eventFilter: ["conversation.created"] },
        advanced: {},
        notes: "Managed by genesys-eventbridge (source definition 'orders-source')",
        credentials: {},
      },
    });
    expect(calls(emulator.get())).toEqual([
      "POST /oauth/token 200",
      `GET ${base} 200`,
      `POST ${base} 200`,
      `GET ${base}/${id}/config/current 200`,
      `PUT ${base}/${id}/config/current 200`,
      `PATCH ${base}/${id} 200`,
      `GET ${base}/${id} 200`,
      `GET ${base}/${id}/config/current 200`,
      "GET /api/v2/organizations/me 200",
    ]);
  });

  it("keeps the topic list sorted on both sides, so declaring filters in another order is no change", () => {
    const a = api();
    const sorted = ["v2.audits.entitytype.{id}.entityid.{id}", "v2.detail.events.conversation.{id}.customer.start"];
    expect(a.desiredState(twoFilters([...sorted].reverse()))).toEqual({
      name: "orders-source",
      intendedState: "ENABLED",
      properties: { awsAccountId: "123456789012", awsAccountRegion: "us-east-1", eventSourceSuffix: "orders-source", eventFilter: sorted },
    });
    expect(a.desiredState(twoFilters(sorted))).toEqual(a.desiredState(twoFilters([...sorted].reverse())));
  });

  it("waits out the read-after-write lag: 404s right after create are retried", async () => {
    expect(await admin("POST", "integrations/lag", { reads: 2 })).toBe(200);
    const result = await api().create(definition());
    const id = isLeft(result) ? "" : result.right.source.remoteId;
    expect(outcome(result)).toEqual(right({ etag: "2", state: expectedState(), retries: 0, conflicts: 0 }));
    expect(calls(emulator.get()).slice(3, 7)).toEqual([
      `POST ${base} 200`,
      `GET ${base}/${id}/config/current 404`,
      `GET ${base}/${id}/config/current 404`,
      `GET ${base}/${id}/config/current 200`,
    ]);
  });

  it("reports an integration that never becomes readable after create as NotFound, and deletes it again", async () => {
    expect(await admin("POST", "integrations/lag", { reads: 20 })).toBe(200);
    const result = await api({ readAfterWriteMs: 20 }).create(definition());
    const entries = emulator.get().journal().filter((e) => e.method === "POST" && e.path === base);
    expect(entries.length).toBe(1);
    const id = emulator.get().journal().find((e) => e.method === "DELETE")?.path.slice(base.length + 1) ?? "";
    expect(isLeft(result) && [result.left._tag, result.left.message]).toEqual([
      "NotFound",
      `integration '${id}' has no readable config after it was created (integration ${id} was created and deleted again)`,
    ]);
    expect(emulator.get().state.collection(INTEGRATIONS).list()).toEqual([]);
  });

  it("deletes a half-made integration when configuring it fails, and says so", async () => {
    const a = api();
    emulator.get().addFault({
      method: "PUT",
      path: `${base}/*`,
      action: { status: 400, body: { message: "properties.awsAccountId: rejected", code: "bad.request", status: 400, details: [{ errorCode: "invalid.value", fieldName: "properties.awsAccountId" }] } },
    });
    const result = await a.create(definition());
    const id = emulator.get().journal().find((e) => e.method === "DELETE")?.path.slice(base.length + 1) ?? "";
    expect(result).toEqual(left({
      _tag: "BadRequest",
      method: "PUT",
      path: `${base}/${id}/config/current`,
      status: 400,
      code: "bad.request",
      message: `properties.awsAccountId: rejected (integration ${id} was created and deleted again)`,
      correlationId: expect.any(String),
      fields: [{ fieldName: "properties.awsAccountId", errorCode: "invalid.value" }],
    }));
    expect(emulator.get().state.collection(INTEGRATIONS).list()).toEqual([]);
  });

  it("refuses to create a second integration with the definition's name", async () => {
    const first = await created(api());
    const again = await api().create(definition());
    expect(again).toEqual(left({
      _tag: "Conflict",
      method: "POST",
      path: base,
      message: `an integration named 'orders-source' already exists (${first.source.remoteId}); adopt it instead of creating it`,
      currentEtag: "2",
    }));
  });

  it("replaces with the current config version and returns the new version as the etag", async () => {
    const a = api();
    const first = await created(a);
    const result = await a.replace(first.source.remoteId, twoFilters(["conversation.ended", "conversation.created"]), first.source.etag, "fail");
    expect(outcome(result)).toEqual(right({ etag: "3", state: expectedState("ENABLED", ["conversation.created", "conversation.ended"]), retries: 0, conflicts: 0 }));
  });

  describe("a stale config version", () => {
    async function raced() {
      const a = api();
      const first = await created(a);
      const id = first.source.remoteId;
      const props = { awsAccountId: "123456789012", awsAccountRegion: "eu-west-1", eventSourceSuffix: "orders-source", eventFilter: ["conversation.created"] };
      expect(await admin("PATCH", `integrations/${id}`, { config: { properties: props } })).toBe(200);
      return { a, id, staleEtag: first.source.etag };
    }

    it("fails under 'fail' with the paths that changed remotely and the server's version", async () => {
      const { a, id, staleEtag } = await raced();
      const result = await a.replace(id, definition(), staleEtag, "fail");
      expect(result).toEqual(left({
        _tag: "Conflict",
        method: "PUT",
        path: `${base}/${id}/config/current`,
        status: 409,
        code: "conflict",
        message: `integration '${id}' changed remotely (config version 2 is stale, the server holds 3)`,
        correlationId: expect.any(String),
        changedPaths: ["properties.awsAccountRegion"],
        currentEtag: "3",
      }));
      expect(stored(id)?.config.properties["awsAccountRegion"]).toBe("eu-west-1");
    });

    it("re-applies with the fresh version under 'overwrite'", async () => {
      const { a, id, staleEtag } = await raced();
      const result = await a.replace(id, definition(), staleEtag, "overwrite");
      expect(outcome(result)).toEqual(right({ etag: "4", state: expectedState(), retries: 0, conflicts: 1 }));
      expect(calls(emulator.get()).slice(-7)).toEqual([
        `PUT ${base}/${id}/config/current 409`,
        `GET ${base}/${id} 200`,
        `GET ${base}/${id}/config/current 200`,
        `PUT ${base}/${id}/config/current 200`,
        `PATCH ${base}/${id} 200`,
        `GET ${base}/${id} 200`,
        `GET ${base}/${id}/config/current 200`,
      ]);
    });

    it("treats a 400 'does not match the current version' as a conflict too, under both policies", async () => {
      const a = api();
      const first = await created(a);
      const id = first.source.remoteId;
      const stale = { status: 400, body: { message: "Version 2 does not match the current version 3", code: "bad.request", status: 400 } };
      emulator.get().addFault({ method: "PUT", path: `${base}/${id}/config/current`, action: stale });
      const overwritten = await a.replace(id, definition(), "2", "overwrite");
      expect(outcome(overwritten)).toEqual(right({ etag: "3", state: expectedState(), retries: 0, conflicts: 1 }));
      emulator.get().addFault({ method: "PUT", path: `${base}/${id}/config/current`, action: stale });
      const failed = await a.replace(id, definition(), "3", "fail");
      expect(isLeft(failed) && failed.left).toEqual({
        _tag: "Conflict",
        method: "PUT",
        path: `${base}/${id}/config/current`,
        status: 400,
        code: "bad.request",
        message: `integration '${id}' changed remotely (config version 3 is stale, the server holds 3)`,
        correlationId: expect.any(String),
        changedPaths: [],
        currentEtag: "3",
      });
    });

    it("gives up after a bounded number of config writes", async () => {
      const { id, staleEtag } = await raced();
      emulator.get().addFault({ method: "PUT", path: `${base}/${id}/config/current`, times: 5, action: { status: 409, body: { message: "conflict", code: "conflict", status: 409 } } });
      const result = await api({ conflictAttempts: 2 }).replace(id, definition(), staleEtag, "overwrite");
      expect(isLeft(result) && [result.left._tag, result.left.message]).toEqual(["Conflict", `integration '${id}' kept changing remotely: gave up after 2 config writes`]);
    });

    it("reports an integration deleted during the update as NotFound", async () => {
      const { a, id, staleEtag } = await raced();
      expect(await admin("DELETE", `integrations/${id}`)).toBe(204);
      const result = await a.replace(id, definition(), staleEtag, "overwrite");
      expect(isLeft(result) && [result.left._tag, result.left.status]).toEqual(["NotFound", 404]);
    });
  });

  it("shows a remote edit on refresh as differing state; notes are not compared", async () => {
    const a = api();
    const first = await created(a);
    const id = first.source.remoteId;
    expect(await admin("PATCH", `integrations/${id}`, { intendedState: "DISABLED", notes: "edited in the console", config: { notes: "" } })).toBe(200);
    const read = await a.read(id);
    expect(read).toEqual(right({ remoteId: id, etag: "3", state: expectedState("DISABLED"), facts: { partnerEventSourceName: partnerName() } }));
    expect(isLeft(read) || read.right === null ? [] : changedPaths(a.desiredState(definition()), read.right.state)).toEqual(["intendedState"]);
  });

  it("reads only the property keys it writes: a missing key is drift, an extra one is not", async () => {
    const a = api();
    const first = await created(a);
    const id = first.source.remoteId;
    const props = { awsAccountId: "123456789012", awsAccountRegion: "us-east-1", eventFilter: ["conversation.created"], addedByServer: true };
    expect(await admin("PATCH", `integrations/${id}`, { config: { properties: props } })).toBe(200);
    const read = await a.read(id);
    expect(read).toEqual(right({
      remoteId: id,
      etag: "3",
      state: { name: "orders-source", intendedState: "ENABLED", properties: { awsAccountId: "123456789012", awsAccountRegion: "us-east-1", eventFilter: ["conversation.created"] } },
      facts: {},
    }));
  });

  it("reads an integration deleted behind its back as null", async () => {
    const a = api();
    const first = await created(a);
    expect(await admin("DELETE", `integrations/${first.source.remoteId}`)).toBe(204);
    expect(await a.read(first.source.remoteId)).toEqual(right(null));
  });

  it("deletes, counts an already deleted integration as success, and confirms with a read", async () => {
    const a = api();
    const id = (await created(a)).source.remoteId;
    expect(await a.delete(id)).toEqual(right(undefined));
    expect(await a.delete(id)).toEqual(right(undefined));
    expect(calls(emulator.get()).slice(-4)).toEqual([`DELETE ${base}/${id} 200`, `GET ${base}/${id} 404`, `DELETE ${base}/${id} 404`, `GET ${base}/${id} 404`]);
  });

  it("polls after delete until reads stop finding the integration", async () => {
    const a = api();
    const id = (await created(a)).source.remoteId;
    expect(await admin("POST", "integrations/lag", { reads: 2 })).toBe(200);
    expect(await a.delete(id)).toEqual(right(undefined));
    expect(calls(emulator.get()).slice(-4)).toEqual([`DELETE ${base}/${id} 200`, `GET ${base}/${id} 200`, `GET ${base}/${id} 200`, `GET ${base}/${id} 404`]);
  });

  it("adopts by name, paging through the list", async () => {
    const client = clientFor(emulator.get());
    for (const name of ["alpha", "beta", "gamma"]) {
      await client.request({ method: "POST", path: base, json: { name, integrationType: { id: "amazon-eventbridge-source" } } });
    }
    const id = (await created(api())).source.remoteId;
    const a = api({ pageSize: 2 });
    const found = await a.find("orders-source");
    expect(found).toEqual(right({ remoteId: id, etag: "2", state: expectedState(), facts: { partnerEventSourceName: partnerName() } }));
    expect(await a.find("nothing-here")).toEqual(right(null));
    const pages = emulator.get().journal().filter((e) => e.method === "GET" && e.path === base).length;
    // One page for create's check; two for each paged lookup.
    expect(pages).toBe(1 + 2 + 2);
  });

  it("refuses to adopt when two integrations carry the name", async () => {
    const client = clientFor(emulator.get());
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      const r = await client.request({ method: "POST", path: base, json: { name: "orders-source", integrationType: { id: "amazon-eventbridge-source" } } });
      ids.push(isLeft(r) ? "" : (r.right.body as { id: string }).id);
    }
    const found = await api().find("orders-source");
    expect(isLeft(found) && [found.left._tag, found.left.message]).toEqual([
      "Conflict",
      `2 EventBridge source integrations are named 'orders-source' (${[...ids].sort().join(", ")}); delete all but one to adopt it`,
    ]);
  });

  it("names the partner event source with the organization id, asked once per client", async () => {
    const other = await startEmulator({ organizationId: "0f0e0d0c-1111-4222-8333-444455556666" });
    try {
      const a = new IntegrationsApi(clientFor(other), { pollIntervalMs: 5 });
      const first = await a.create(definition());
      if (isLeft(first)) throw new Error("create failed");
      await a.read(first.right.source.remoteId);
      expect(first.right.source.facts).toEqual({ partnerEventSourceName: partnerName("orders-source", "0f0e0d0c-1111-4222-8333-444455556666") });
      expect(other.journal().filter((e) => e.path === "/api/v2/organizations/me").length).toBe(1);
    } finally {
      await other.close();
    }
  });

  it("creates DISABLED when asked, and enables on replace", async () => {
    const a = api();
    const result = await a.create(definition(), { intendedState: "DISABLED" });
    expect(outcome(result)).toEqual(right({ etag: "2", state: expectedState("DISABLED"), retries: 0, conflicts: 0 }));
    const id = isLeft(result) ? "" : result.right.source.remoteId;
    expect(stored(id)?.intendedState).toBe("DISABLED");
    expect(a.desiredState(definition(), { intendedState: "DISABLED" })).toEqual(expectedState("DISABLED"));
    const enabled = await a.replace(id, definition(), "2", "fail");
    expect(outcome(enabled)).toEqual(right({ etag: "3", state: expectedState("ENABLED"), retries: 0, conflicts: 0 }));
  });

  it("answers Forbidden when the client may not write", async () => {
    expect(await admin("POST", "permissions", { write: false })).toBe(200);
    const result = await api().create(definition());
    expect(result).toEqual(left({
      _tag: "Forbidden",
      method: "POST",
      path: base,
      status: 403,
      code: "missing.any.permissions",
      message: "You are missing the following permission(s): integrations:integration:edit",
      correlationId: expect.any(String),
    }));
  });

  it("decodes every body: an integration without an id is a Decode error", async () => {
    const a = api();
    const id = (await created(a)).source.remoteId;
    emulator.get().addFault({ method: "GET", path: `${base}/${id}`, action: { status: 200, body: { name: "orders-source" } } });
    const result = await a.read(id);
    expect(isLeft(result) && [result.left._tag, result.left.path]).toEqual(["Decode", `${base}/${id}`]);
  });

  it("is the 'integrations' choice of the factory", () => {
    const made = sourceApiFor({ api: "integrations" }, clientFor(emulator.get()));
    expect(isLeft(made) ? made.left : made.right.kind).toBe("integrations");
  });
});
