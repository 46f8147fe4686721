import { isLeft, right } from "fp-ts/Either";
import { INTEGRATIONS, RunningEmulator, asIntegration, defaultOrganizationId, startEmulator } from "../../src/emulator";
import { SourceDefinition, payloadHash, validateDefinition } from "../../src/definition";
import { EVENTBRIDGE_INTEGRATION_TYPE } from "../../src/genesys/integrations/paths";
import { IntegrationsApi } from "../../src/genesys/integrations/adapter";
import type { IntegrationsOptions } from "../../src/genesys/integrations/adapter";
import { sourceApi } from "../../src/genesys/write-protocol";
import type { ProtocolOptions } from "../../src/genesys/write-protocol";
import type { SourceApi, WriteAudit, WriteOutcome, WriteRecord } from "../../src/genesys/port";
import { changedPaths } from "../../src/definition/changed-paths";
import { describeError, describeWriteError } from "../../src/genesys/describe";
import { ownerNote } from "../../src/genesys/ownership";
import { sourceApiFor } from "../../src/genesys/factory";
import { organizationIdOf } from "../../src/genesys/integrations/organization";
import {
  calls,
  clientFor,
  createRequest,
  definition,
  definitionJson,
  deleteRequest,
  emulatorFixture,
  failed,
  memoryAudit,
  ok,
  recordKinds,
  updateRequest,
  prepared,
} from "./support";

const emulator = emulatorFixture();
const base = "/api/v2/integrations";
const orgPath = "/api/v2/organizations/me";
const owner = "project/stack/orders";
const integrationPath = (id: string) => `${base}/${id}`;
const configPath = (id: string) => `${base}/${id}/config/current`;
/** The reads that open an update: the integration, then its config. */
const readBoth = (id: string) => [`GET ${integrationPath(id)} 200`, `GET ${configPath(id)} 200`];
/** An update's reads and its config write, which the server answers with `status`. */
const readAndPut = (id: string, status = 200) => [...readBoth(id), `PUT ${configPath(id)} ${status}`];
/** The config write and the state's PATCH that end a create. */
const putAndPatch = (id: string) => [`PUT ${configPath(id)} 200`, `PATCH ${integrationPath(id)} 200`];
const partnerName = (suffix = "orders-source", org = defaultOrganizationId) => `aws.partner/genesys.com/cloud/${org}/${suffix}`;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// The organization id is asked once per process for each origin and set of
// credentials. Asking it here, before any test, keeps it out of every
// journal below; the lookup itself is tested on emulators of its own.
beforeAll(async () => {
  expect(await organizationIdOf(clientFor(emulator.get()))).toEqual(right(defaultOrganizationId));
  await emulator.get().reset();
});

/** The write protocol over the integrations adapter, on a fresh client for `on`. */
function apiOn(on: RunningEmulator, options: IntegrationsOptions & ProtocolOptions = {}): SourceApi {
  const { conflictAttempts, budgetMs, ...adapter } = options;
  return sourceApi(new IntegrationsApi(clientFor(on), { pollIntervalMs: 5, ...adapter }), {
    ...(conflictAttempts === undefined ? {} : { conflictAttempts }),
    ...(budgetMs === undefined ? {} : { budgetMs }),
  });
}

/** The write protocol over the integrations adapter, on the file's emulator. */
function api(options: IntegrationsOptions & ProtocolOptions = {}): SourceApi {
  return apiOn(emulator.get(), options);
}

function expectedState(intendedState = "ENABLED", eventFilter = ["v2.detail.events.conversation.{id}.customer.start"], awsAccountRegion = "us-east-1") {
  return {
    name: "orders-source",
    intendedState,
    properties: { awsAccountId: "123456789012", awsAccountRegion, eventSourceSuffix: "orders-source", eventFilter },
  };
}

const properties = (awsAccountRegion = "us-east-1") => expectedState("ENABLED", ["v2.detail.events.conversation.{id}.customer.start"], awsAccountRegion).properties;

function stored(id: string) {
  return asIntegration(emulator.get().state.collection(INTEGRATIONS).get(id)?.body);
}

async function admin(method: string, path: string, body?: unknown): Promise<number> {
  const r = await fetch(`${emulator.get().url}/__emulator/${path}`, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  return r.status;
}

/** Where the journal stands now, so that a test can look at what came after. */
function mark(): number {
  return emulator.get().journal().length;
}

const isAdmin = (call: string) => call.includes(" /__emulator/");

/** The method, path and status of each API request after `from` (the tests' own admin requests left out). */
function callsSince(from: number): string[] {
  return calls(emulator.get()).slice(from).filter((c) => !isAdmin(c));
}

/** The API requests after `from` that change something (no reads, no token requests). */
function writes(from = 0): string[] {
  return callsSince(from).filter((c) => !c.startsWith("GET ") && !c.startsWith("POST /oauth/token"));
}

/** Makes an integration the way someone else would (the console, another tool): an empty config at version 1. */
async function postIntegration(name: string, notes?: string): Promise<string> {
  const made = await clientFor(emulator.get()).request({
    method: "POST",
    path: base,
    json: { name, integrationType: { id: EVENTBRIDGE_INTEGRATION_TYPE }, ...(notes === undefined ? {} : { notes }) },
  });
  if (isLeft(made)) throw new Error(`POST failed: ${JSON.stringify(made.left)}`);
  return (made.right.body as { id: string }).id;
}

/** Creates the definition through `a` and returns the outcome with the integration's id. */
async function created(a: SourceApi, def: SourceDefinition = definition()): Promise<WriteOutcome & { id: string }> {
  const outcome = ok(await a.create(createRequest(def), memoryAudit()));
  return { ...outcome, id: outcome.source?.remoteId ?? "" };
}

function twoFilters(order: ReadonlyArray<string>): SourceDefinition {
  const decoded = validateDefinition({ ...definitionJson(), filters: order.map((eventType) => ({ eventType })) });
  if (isLeft(decoded)) throw new Error("fixture is invalid");
  return decoded.right;
}

function summary(outcome: WriteOutcome) {
  return { status: outcome.status, source: outcome.source, requests: outcome.requests, retries: outcome.retries, conflicts: outcome.conflicts };
}

/** The source a write leaves behind for `id`: the definition's state, our marker, the partner event source name. */
function ours(id: string, etag: string, state = expectedState()) {
  return { remoteId: id, etag, state, facts: { partnerEventSourceName: partnerName() }, owner };
}

/** An audit log that also notes what the emulator had been asked when each record was appended. */
function watchedAudit(): WriteAudit & { records: WriteRecord[]; seen: string[][] } {
  const inner = memoryAudit();
  const seen: string[][] = [];
  return {
    records: inner.records,
    seen,
    append(record) {
      seen.push(calls(emulator.get()));
      return inner.append(record);
    },
  };
}

/** Waits until the journal shows `entry` (method and path) after `from`. */
async function journalShows(from: number, method: string, path: string): Promise<void> {
  for (let waited = 0; waited < 5000; waited += 2) {
    if (emulator.get().journal().slice(from).some((e) => e.method === method && e.path === path)) return;
    await sleep(2);
  }
  throw new Error(`${method} ${path} never reached the emulator`);
}

describe("the Integrations API through the write protocol", () => {
  describe("create", () => {
    it("looks the name up, POSTs the integration with the owner marker in its notes, reads the new config's version, PUTs the config, PATCHes the intended state, and re-reads nothing", async () => {
      const outcome = ok(await api().create(createRequest(), memoryAudit()));
      const id = outcome.source?.remoteId ?? "";
      expect(summary(outcome)).toEqual({ status: "created", source: ours(id, "2"), requests: 6, retries: 0, conflicts: 0 });
      expect(stored(id)).toEqual({
        id,
        name: "orders-source",
        integrationTypeId: "amazon-eventbridge-source",
        notes: ownerNote(owner),
        intendedState: "ENABLED",
        stateChanged: expect.any(String),
        config: {
          name: "orders-source",
          version: 2,
          properties: properties(),
          advanced: {},
          notes: "Managed by genesys-eventbridge (source definition 'orders-source')",
          credentials: {},
        },
      });
      expect(calls(emulator.get())).toEqual([
        "POST /oauth/token 200",
        `GET ${base} 200`,
        `POST ${base} 200`,
        `GET ${configPath(id)} 200`,
        ...putAndPatch(id),
      ]);
    });

    it("appends the intent before any write and the outcome after it, linked by intentId", async () => {
      const audit = watchedAudit();
      const outcome = ok(await api().create(createRequest(), audit));
      const id = outcome.source?.remoteId ?? "";
      expect(audit.records).toEqual([
        { action: "create", sourceId: "orders-source", payloadHash: "hash", result: "intent", details: { api: "integrations", owner, expectedToken: null } },
        {
          action: "create",
          sourceId: "orders-source",
          payloadHash: "hash",
          result: "success",
          intentId: "a1",
          details: { api: "integrations", status: "created", remoteWrite: true, remoteId: id, etag: "2" },
          metrics: { requests: 6, retries: 0, conflicts: 0 },
        },
      ]);
      // When the intent was appended, only the token and the lookup had been asked for.
      expect(audit.seen[0]).toEqual(["POST /oauth/token 200", `GET ${base} 200`]);
      expect(outcome.audit).toEqual({ auditId: "a2", hash: "h2", timestamp: "2026-01-01T00:00:02.000Z" });
    });

    it("writes nothing when the audit log refuses the intent", async () => {
      const result = failed(await api().create(createRequest(), memoryAudit({ refuse: true })));
      expect(result).toEqual({ error: { _tag: "AuditUnavailable", refusal: { _tag: "AuditRefusal", cause: "IoFailure", reason: "the log is read-only" } } });
      expect(calls(emulator.get())).toEqual(["POST /oauth/token 200", `GET ${base} 200`]);
      expect(emulator.get().state.collection(INTEGRATIONS).list()).toEqual([]);
    });

    it("waits out the read-after-write lag: 404s of the new config right after the POST are read again", async () => {
      expect(await admin("POST", "integrations/lag", { reads: 2 })).toBe(200);
      const outcome = ok(await api().create(createRequest(), memoryAudit()));
      const id = outcome.source?.remoteId ?? "";
      expect(summary(outcome)).toEqual({ status: "created", source: ours(id, "2"), requests: 8, retries: 0, conflicts: 0 });
      expect(callsSince(0)).toEqual([
        "POST /oauth/token 200",
        `GET ${base} 200`,
        `POST ${base} 200`,
        `GET ${configPath(id)} 404`,
        `GET ${configPath(id)} 404`,
        `GET ${configPath(id)} 200`,
        ...putAndPatch(id),
      ]);
    });

    it("reports an integration that never becomes readable as NotFound with its id, and leaves it for the next create", async () => {
      expect(await admin("POST", "integrations/lag", { reads: 1000 })).toBe(200);
      const result = failed(await api({ settleMs: 30 }).create(createRequest(), memoryAudit()));
      const [id] = emulator.get().state.collection(INTEGRATIONS).list().map((d) => d.id);
      expect(result).toEqual({
        error: { _tag: "NotFound", method: "GET", path: id, message: `source 'orders-source' (${id}) is not readable 1 s after it was written` },
        auditHead: "h2",
        remoteId: id,
      });
      expect(writes()).toEqual([`POST ${base} 200`]);
      expect(stored(id)?.notes).toBe(ownerNote(owner));
    });

    it("leaves a half-made integration when its config write fails, and the next create completes it without a second POST", async () => {
      emulator.get().addFault({
        method: "PUT",
        path: `${base}/*`,
        action: { status: 400, body: { message: "properties.awsAccountId: rejected", code: "bad.request", status: 400, details: [{ errorCode: "invalid.value", fieldName: "properties.awsAccountId" }] } },
      });
      const audit = memoryAudit();
      const result = failed(await api().create(createRequest(), audit));
      const [id] = emulator.get().state.collection(INTEGRATIONS).list().map((d) => d.id);
      const error = {
        _tag: "BadRequest",
        method: "PUT",
        path: configPath(id),
        status: 400,
        code: "bad.request",
        message: "properties.awsAccountId: rejected",
        correlationId: expect.any(String),
        fields: [{ fieldName: "properties.awsAccountId", errorCode: "invalid.value" }],
      };
      expect(result).toEqual({ error, auditHead: "h2", remoteId: id });
      expect(audit.records[1]).toEqual({
        action: "create",
        sourceId: "orders-source",
        payloadHash: "hash",
        result: "failure",
        intentId: "a1",
        error: describeError(result.error as Parameters<typeof describeError>[0]),
        details: { api: "integrations", remoteId: id },
        metrics: { requests: 5, retries: 0 },
      });
      expect(stored(id)).toEqual({
        id,
        name: "orders-source",
        integrationTypeId: "amazon-eventbridge-source",
        notes: ownerNote(owner),
        intendedState: "DISABLED",
        stateChanged: expect.any(String),
        config: { name: "orders-source", version: 1, properties: {}, advanced: {}, notes: "", credentials: {} },
      });

      const from = mark();
      const again = ok(await api().create(createRequest(), memoryAudit()));
      expect(summary(again)).toEqual({ status: "completed", source: ours(id, "2"), requests: 4, retries: 0, conflicts: 0 });
      // The listing shows the config (and its version); the PUT's and PATCH's answers show the result.
      expect(callsSince(from)).toEqual([
        "POST /oauth/token 200",
        `GET ${base} 200`,
        ...putAndPatch(id),
      ]);
    });

    it("completes an interrupted create (its marker, no config yet) with one config write and no second POST", async () => {
      const id = await postIntegration("orders-source", ownerNote(owner));
      const from = mark();
      const audit = memoryAudit();
      const outcome = ok(await api().create(createRequest(), audit));
      expect(summary(outcome)).toEqual({ status: "completed", source: ours(id, "2"), requests: 4, retries: 0, conflicts: 0 });
      expect(callsSince(from)).toEqual([
        "POST /oauth/token 200",
        `GET ${base} 200`,
        ...putAndPatch(id),
      ]);
      expect(audit.records[0]).toEqual({
        action: "create",
        sourceId: "orders-source",
        payloadHash: "hash",
        result: "intent",
        details: { api: "integrations", owner, remoteId: id, expectedToken: "1" },
      });
      expect(writes()).toEqual([`POST ${base} 200`, `PUT ${configPath(id)} 200`, `PATCH ${integrationPath(id)} 200`]);
    });

    it("repeating a create of its own complete integration finds it in the listing and neither writes nor reads it again", async () => {
      const first = await created(api());
      const from = mark();
      const again = ok(await api().create(createRequest(), memoryAudit()));
      expect(summary(again)).toEqual({ status: "completed", source: ours(first.id, "2"), requests: 2, retries: 0, conflicts: 0 });
      expect(callsSince(from)).toEqual(["POST /oauth/token 200", `GET ${base} 200`]);
    });

    it("refuses a same-named integration without its marker, says how to adopt it, and writes nothing", async () => {
      const id = await postIntegration("orders-source", "made in the console");
      const audit = memoryAudit();
      const result = failed(await api().create(createRequest(), audit));
      expect(result).toEqual({
        error: {
          _tag: "Conflict",
          method: "POST",
          path: "orders-source",
          message: `a source named 'orders-source' already exists (${id}) and was not created by this resource; set adoptExisting: true on the resource to take it over, or choose another id`,
          currentEtag: "1",
        },
        auditHead: "h1",
      });
      // Refused before any write: no intent, only the failure on record.
      expect(recordKinds(audit)).toEqual(["failure:create"]);
      expect(writes()).toEqual([`POST ${base} 200`]);
      expect(stored(id)?.config.version).toBe(1);
    });

    it("refuses an integration marked by another resource like any foreign one", async () => {
      const id = await postIntegration("orders-source", ownerNote("project/other-stack/orders"));
      const result = failed(await api().create(createRequest(), memoryAudit()));
      expect([result.error._tag, "message" in result.error && result.error.message]).toEqual([
        "Conflict",
        `a source named 'orders-source' already exists (${id}) and was not created by this resource; set adoptExisting: true on the resource to take it over, or choose another id`,
      ]);
    });

    it("adopts a same-named integration found on a later page when adoptExisting is set, keeping its notes", async () => {
      for (const name of ["alpha", "beta", "gamma"]) await postIntegration(name);
      const id = await postIntegration("orders-source", "made in the console");
      const from = mark();
      const outcome = ok(await api({ pageSize: 2 }).create(createRequest(definition(), { adoptExisting: true }), memoryAudit()));
      expect(summary(outcome)).toEqual({
        status: "adopted",
        source: { remoteId: id, etag: "2", state: expectedState(), facts: { partnerEventSourceName: partnerName() } },
        requests: 5,
        retries: 0,
        conflicts: 0,
      });
      expect(callsSince(from)).toEqual([
        "POST /oauth/token 200",
        `GET ${base} 200`,
        `GET ${base} 200`,
        ...putAndPatch(id),
      ]);
      expect(stored(id)?.notes).toBe("made in the console");
    });

    it("refuses to create or adopt when two integrations carry the name", async () => {
      const ids = [await postIntegration("orders-source"), await postIntegration("orders-source")].sort();
      const result = failed(await api().create(createRequest(definition(), { adoptExisting: true }), memoryAudit()));
      expect(result.error).toEqual({
        _tag: "Conflict",
        method: "GET",
        path: "orders-source",
        message: `2 sources are named 'orders-source' (${ids.join(", ")}); delete all but one, then run \`pulumi up\` again`,
      });
    });

    it("creates DISABLED when asked: the POST already leaves it so, no PATCH", async () => {
      const outcome = ok(await api().create(createRequest(definition(), { options: { intendedState: "DISABLED" } }), memoryAudit()));
      const id = outcome.source?.remoteId ?? "";
      expect(summary(outcome)).toEqual({ status: "created", source: ours(id, "2", expectedState("DISABLED")), requests: 5, retries: 0, conflicts: 0 });
      expect(stored(id)?.intendedState).toBe("DISABLED");
      expect(callsSince(0)).toEqual(["POST /oauth/token 200", `GET ${base} 200`, `POST ${base} 200`, `GET ${configPath(id)} 200`, `PUT ${configPath(id)} 200`]);
    });

    it("answers Forbidden when the client may not write", async () => {
      expect(await admin("POST", "permissions", { write: false })).toBe(200);
      const audit = memoryAudit();
      const result = failed(await api().create(createRequest(), audit));
      expect(result).toEqual({
        error: {
          _tag: "Forbidden",
          method: "POST",
          path: base,
          status: 403,
          code: "missing.any.permissions",
          message: "You are missing the following permission(s): integrations:integration:edit",
          correlationId: expect.any(String),
        },
        auditHead: "h2",
      });
      expect(recordKinds(audit)).toEqual(["intent:create", "failure:create"]);
    });

    it("counts the HTTP policy's retries in the outcome", async () => {
      emulator.get().addFault({ method: "GET", path: base, action: { reset: true } });
      emulator.get().addFault({ method: "PUT", path: `${base}/*`, action: { status: 503, body: { message: "busy", code: "service.unavailable", status: 503 } } });
      const outcome = ok(await api().create(createRequest(), memoryAudit()));
      expect([outcome.status, outcome.requests, outcome.retries, outcome.conflicts]).toEqual(["created", 8, 2, 0]);
      const id = outcome.source?.remoteId ?? "";
      expect(callsSince(0)).toEqual([
        "POST /oauth/token 200",
        `GET ${base} 0`,
        `GET ${base} 200`,
        `POST ${base} 200`,
        `GET ${configPath(id)} 200`,
        `PUT ${configPath(id)} 503`,
        ...putAndPatch(id),
      ]);
    });
  });

  describe("the desired state", () => {
    it("is the name, the intended state (ENABLED unless asked) and the config properties", () => {
      expect(api().desiredState(prepared(definition()))).toEqual(expectedState());
      expect(api().desiredState(prepared(definition()), { intendedState: "DISABLED" })).toEqual(expectedState("DISABLED"));
    });

    it("keeps the topic list sorted, so declaring filters in another order is no change", () => {
      const a = api();
      const sorted = ["v2.audits.entitytype.{id}.entityid.{id}", "v2.detail.events.conversation.{id}.customer.start"];
      expect(a.desiredState(prepared(twoFilters([...sorted].reverse())))).toEqual(expectedState("ENABLED", sorted));
      expect(a.desiredState(prepared(twoFilters(sorted)))).toEqual(a.desiredState(prepared(twoFilters([...sorted].reverse()))));
    });
  });

  describe("update", () => {
    it("reads the integration and its config, PUTs the config with the recorded version, and re-reads nothing; no PATCH when the intended state holds", async () => {
      const a = api();
      const first = await created(a);
      const from = mark();
      const def = twoFilters(["v2.detail.events.conversation.{id}.user.end", "v2.detail.events.conversation.{id}.customer.start"]);
      const outcome = ok(await a.update(updateRequest(first.id, "2", def), memoryAudit()));
      expect(summary(outcome)).toEqual({
        status: "updated",
        source: ours(first.id, "3", expectedState("ENABLED", ["v2.detail.events.conversation.{id}.customer.start", "v2.detail.events.conversation.{id}.user.end"])),
        requests: 3,
        retries: 0,
        conflicts: 0,
      });
      expect(callsSince(from)).toEqual([
        ...readAndPut(first.id),
      ]);
    });

    it("PATCHes the intended state only when it differs", async () => {
      const a = api();
      const first = ok(await a.create(createRequest(definition(), { options: { intendedState: "DISABLED" } }), memoryAudit()));
      const id = first.source?.remoteId ?? "";
      const from = mark();
      const outcome = ok(await a.update(updateRequest(id, "2", definition()), memoryAudit()));
      expect(summary(outcome)).toEqual({ status: "updated", source: ours(id, "3"), requests: 4, retries: 0, conflicts: 0 });
      expect(callsSince(from)).toEqual([...readBoth(id), ...putAndPatch(id)]);
      expect(stored(id)?.intendedState).toBe("ENABLED");
    });

    it("returns the name the server holds after a config PUT that renames an integration renamed in the console", async () => {
      const a = api();
      const first = await created(a);
      // The config's name is the integration's name: the PUT gives the integration its name back.
      expect(await admin("PATCH", `integrations/${first.id}`, { name: "renamed-in-console" })).toBe(200);
      const outcome = ok(await a.update(updateRequest(first.id, "2", definition()), memoryAudit()));
      expect(stored(first.id)?.name).toBe("orders-source");
      expect([outcome.source, await a.read(first.id)]).toEqual([ours(first.id, "3"), right(ours(first.id, "3"))]);
    });

    it("keeps the remote config's notes, advanced settings, credentials and property keys the definition does not set", async () => {
      const a = api();
      const first = await created(a);
      const kept = {
        notes: "edited in the console",
        advanced: { batchSize: 10 },
        credentials: { basic: { id: "credential-1", type: "userDefined" } },
        properties: { ...properties(), customerTag: "blue" },
      };
      expect(await admin("PATCH", `integrations/${first.id}`, { config: kept })).toBe(200);
      ok(await a.update(updateRequest(first.id, "3", twoFilters(["v2.detail.events.conversation.{id}.user.end", "v2.detail.events.conversation.{id}.customer.start"])), memoryAudit()));
      expect(stored(first.id)?.config).toEqual({
        name: "orders-source",
        version: 4,
        properties: { ...properties(), eventFilter: ["v2.detail.events.conversation.{id}.customer.start", "v2.detail.events.conversation.{id}.user.end"], customerTag: "blue" },
        advanced: { batchSize: 10 },
        notes: "edited in the console",
        credentials: { basic: { id: "credential-1", type: "userDefined" } },
      });
    });

    it("sends nothing when the desired state hashes to the recorded state hash (a change the API does not carry)", async () => {
      const a = api();
      const first = await created(a);
      const from = mark();
      const audit = memoryAudit();
      const recordedStateHash = payloadHash(a.desiredState(prepared(definition())));
      // Another condition value: EventBridge's concern, not the integration's.
      const outcome = ok(await a.update(updateRequest(first.id, "2", definition("orders-source", "mobile"), { recordedStateHash }), audit));
      expect(summary(outcome)).toEqual({ status: "unchanged", source: null, requests: 0, retries: 0, conflicts: 0 });
      expect(callsSince(from)).toEqual([]);
      expect(audit.records).toEqual([
        {
          action: "update",
          sourceId: "orders-source",
          payloadHash: "hash",
          result: "success",
          details: { api: "integrations", status: "unchanged", remoteWrite: false, remoteId: first.id },
          metrics: { requests: 0, retries: 0, conflicts: 0 },
        },
      ]);
    });

    it("says no remote write happened when the outcome of a change the API does not carry cannot be audited", async () => {
      const a = api();
      const first = await created(a);
      const recordedStateHash = payloadHash(a.desiredState(prepared(definition())));
      const result = failed(await a.update(updateRequest(first.id, "2", definition("orders-source", "mobile"), { recordedStateHash }), memoryAudit({ refuse: true })));
      expect(result.error).toEqual({
        _tag: "AuditUnavailable",
        refusal: { _tag: "AuditRefusal", cause: "IoFailure", reason: "the log is read-only" },
        outcome: { action: "update", sourceId: "orders-source", remoteWrite: false, status: "unchanged", remoteId: first.id },
      });
      expect(describeWriteError(result.error)).toBe(
        `no remote write happened (update of source 'orders-source' (${first.id}): unchanged, nothing needed sending to Genesys), ` +
          "but its outcome could not be audited: the log is read-only. Nothing changed in Genesys. " +
          "Make the audit log writable (genesys:auditLogPath), then run `pulumi up` again.",
      );
    });

    it("says which remote write happened when only its outcome cannot be audited", async () => {
      const a = api();
      const first = await created(a);
      const result = failed(await a.update(updateRequest(first.id, "2", twoFilters(["v2.detail.events.conversation.{id}.user.end"])), memoryAudit({ refuseAfter: 1 })));
      expect(result.error).toEqual({
        _tag: "AuditUnavailable",
        refusal: { _tag: "AuditRefusal", cause: "IoFailure", reason: "the log is read-only" },
        outcome: { action: "update", sourceId: "orders-source", remoteWrite: true, status: "updated", remoteId: first.id, intentId: "a1" },
      });
      expect(describeWriteError(result.error)).toMatch(
        /^the remote write happened \(update of source 'orders-source' \(.+\): updated\), but its outcome could not be audited: the log is read-only\. The intent entry a1 stays in doubt in the log\. Genesys holds the change\./,
      );
      expect(stored(first.id)?.config.version).toBe(3);
    });

    it("writes nothing when the audit log refuses the intent", async () => {
      const a = api();
      const first = await created(a);
      const from = mark();
      const result = failed(await a.update(updateRequest(first.id, "2", twoFilters(["v2.detail.events.conversation.{id}.user.end"])), memoryAudit({ refuse: true })));
      expect(result).toEqual({ error: { _tag: "AuditUnavailable", refusal: { _tag: "AuditRefusal", cause: "IoFailure", reason: "the log is read-only" } } });
      expect(callsSince(from)).toEqual([]);
      expect(stored(first.id)?.config.version).toBe(2);
    });
  });

  describe("a stale config version", () => {
    /** A created integration whose region was then changed behind the client's back (config version 3). */
    async function changedRemotely() {
      const a = api();
      const first = await created(a);
      expect(await admin("PATCH", `integrations/${first.id}`, { config: { properties: properties("eu-west-1") } })).toBe(200);
      return { a, id: first.id };
    }

    /**
     * Runs `update` while the region is changed behind its back between its
     * read and its config PUT: the PUT is held on the wire until the change
     * is in, so the server answers it with a real 409.
     */
    async function racedPut(id: string, update: () => Promise<unknown>) {
      emulator.get().addFault({ method: "PUT", path: configPath(id), action: { delayMs: 300 } });
      const from = mark();
      const pending = update();
      await journalShows(from, "GET", configPath(id));
      expect(await admin("PATCH", `integrations/${id}`, { config: { properties: properties("eu-west-1") } })).toBe(200);
      await pending;
      return from;
    }

    const failMessage = (token: string, held: string) =>
      `source 'orders-source' changed remotely (${token === held ? `the server refused token ${token} as stale` : `token ${token} is stale, the server holds ${held}`}); run \`pulumi refresh\`, then \`pulumi up\` to apply on top of the current version, or set conflictPolicy 'overwrite'`;

    it("fails under 'fail' without a PUT, naming the paths that changed remotely and the server's version", async () => {
      const { a, id } = await changedRemotely();
      const from = mark();
      const result = failed(await a.update(updateRequest(id, "2", definition()), memoryAudit()));
      expect(result).toEqual({
        error: { _tag: "Conflict", method: "PUT", path: id, message: failMessage("2", "3"), changedPaths: ["configuration.region"], currentEtag: "3" },
        auditHead: "h2",
        remoteId: id,
      });
      expect(callsSince(from).filter((c) => !c.startsWith("GET"))).toEqual([]);
      expect(stored(id)?.config.properties["awsAccountRegion"]).toBe("eu-west-1");
    });

    it("re-applies with the fresh version under 'overwrite'", async () => {
      const { a, id } = await changedRemotely();
      const from = mark();
      const outcome = ok(await a.update(updateRequest(id, "2", definition(), { policy: "overwrite" }), memoryAudit()));
      // The adapter's read that found the version stale serves the protocol too: no second read.
      expect(summary(outcome)).toEqual({ status: "updated", source: ours(id, "4"), requests: 3, retries: 0, conflicts: 1 });
      expect(callsSince(from)).toEqual(readAndPut(id));
      expect(stored(id)?.config.properties["awsAccountRegion"]).toBe("us-east-1");
    });

    it("a version that moves between the read and the PUT meets a 409 and fails under 'fail'", async () => {
      const a = api();
      const { id } = await created(a);
      let result: unknown;
      const from = await racedPut(id, async () => {
        result = failed(await a.update(updateRequest(id, "2", definition()), memoryAudit()));
      });
      expect(result).toEqual({
        error: { _tag: "Conflict", method: "PUT", path: id, message: failMessage("2", "3"), changedPaths: ["configuration.region"], currentEtag: "3" },
        auditHead: "h2",
        remoteId: id,
      });
      expect(callsSince(from)).toEqual([
        ...readAndPut(id, 409),
        ...readBoth(id),
      ]);
      expect(stored(id)?.config.properties["awsAccountRegion"]).toBe("eu-west-1");
    });

    it("a version that moves between the read and the PUT meets a 409 and is written again under 'overwrite'", async () => {
      const a = api();
      const { id } = await created(a);
      let outcome: WriteOutcome | undefined;
      const from = await racedPut(id, async () => {
        outcome = ok(await a.update(updateRequest(id, "2", definition(), { policy: "overwrite" }), memoryAudit()));
      });
      expect(outcome === undefined ? undefined : summary(outcome)).toEqual({ status: "updated", source: ours(id, "4"), requests: 6, retries: 0, conflicts: 1 });
      expect(callsSince(from)).toEqual([
        ...readAndPut(id, 409),
        ...readAndPut(id),
      ]);
      expect(stored(id)?.config.properties["awsAccountRegion"]).toBe("us-east-1");
    });

    describe("a 400 'does not match the current version' is a stale version too", () => {
      const stale = { status: 400, body: { message: "Version 2 does not match the current version 3", code: "bad.request", status: 400 } };

      it("under 'overwrite': read for the fresh version and written again", async () => {
        const a = api();
        const { id } = await created(a);
        emulator.get().addFault({ method: "PUT", path: configPath(id), action: stale });
        const from = mark();
        const outcome = ok(await a.update(updateRequest(id, "2", twoFilters(["v2.detail.events.conversation.{id}.user.end"]), { policy: "overwrite" }), memoryAudit()));
        expect(summary(outcome)).toEqual({ status: "updated", source: ours(id, "3", expectedState("ENABLED", ["v2.detail.events.conversation.{id}.user.end"])), requests: 6, retries: 0, conflicts: 1 });
        expect(callsSince(from)).toEqual([
          ...readAndPut(id, 400),
          ...readAndPut(id),
        ]);
      });

      it("under 'fail': a Conflict with the server's version, not a BadRequest", async () => {
        const a = api();
        const { id } = await created(a);
        emulator.get().addFault({ method: "PUT", path: configPath(id), action: stale });
        const result = failed(await a.update(updateRequest(id, "2", twoFilters(["v2.detail.events.conversation.{id}.user.end"])), memoryAudit()));
        expect(result.error).toEqual({
          _tag: "Conflict",
          method: "PUT",
          path: id,
          message: failMessage("2", "2"),
          changedPaths: ["filters[].eventType"],
          currentEtag: "2",
        });
      });
    });

    it("gives up after a bounded number of conditional writes", async () => {
      const { id } = await created(api());
      const from = mark();
      emulator.get().addFault({ method: "PUT", path: configPath(id), times: 5, action: { status: 409, body: { message: "conflict", code: "conflict", status: 409 } } });
      const result = failed(await api({ conflictAttempts: 2 }).update(updateRequest(id, "2", definition(), { policy: "overwrite" }), memoryAudit()));
      expect(result.error).toEqual({
        _tag: "Conflict",
        method: "PUT",
        path: id,
        message: "source 'orders-source' kept changing remotely: gave up after 2 conditional writes; run `pulumi up` again when the other writer is done",
        changedPaths: [],
        currentEtag: "2",
      });
      expect(writes(from)).toEqual([`PUT ${configPath(id)} 409`, `PUT ${configPath(id)} 409`]);
    });

    it("reports an integration deleted remotely as NotFound, with the fix", async () => {
      const { a, id } = await changedRemotely();
      expect(await admin("DELETE", `integrations/${id}`)).toBe(204);
      const result = failed(await a.update(updateRequest(id, "2", definition(), { policy: "overwrite" }), memoryAudit()));
      expect(result.error).toEqual({
        _tag: "NotFound",
        method: "GET",
        path: integrationPath(id),
        message: `source 'orders-source' (${id}) was deleted remotely; run \`pulumi refresh\`, then \`pulumi up\` to create it again`,
      });
    });
  });

  describe("read and find", () => {
    it("shows a remote edit as differing state; notes are not compared", async () => {
      const a = api();
      const { id } = await created(a);
      expect(await admin("PATCH", `integrations/${id}`, { intendedState: "DISABLED", notes: "edited in the console", config: { notes: "" } })).toBe(200);
      const read = await a.read(id);
      // The console's notes replaced the marker: the integration no longer names its owner.
      expect(read).toEqual(right({ remoteId: id, etag: "3", state: expectedState("DISABLED"), facts: { partnerEventSourceName: partnerName() } }));
      expect(isLeft(read) || read.right === null ? [] : changedPaths(a.desiredState(prepared(definition())), read.right.state)).toEqual(["intendedState"]);
    });

    it("reads only the property keys it writes: a missing key is drift, an extra one is not", async () => {
      const a = api();
      const { id } = await created(a);
      const props = { awsAccountId: "123456789012", awsAccountRegion: "us-east-1", eventFilter: ["v2.detail.events.conversation.{id}.customer.start"], addedByServer: true };
      expect(await admin("PATCH", `integrations/${id}`, { config: { properties: props } })).toBe(200);
      const read = await a.read(id);
      expect(read).toEqual(right({
        remoteId: id,
        etag: "3",
        state: { name: "orders-source", intendedState: "ENABLED", properties: { awsAccountId: "123456789012", awsAccountRegion: "us-east-1", eventFilter: ["v2.detail.events.conversation.{id}.customer.start"] } },
        facts: {},
        owner,
      }));
      expect(isLeft(read) || read.right === null ? [] : changedPaths(a.desiredState(prepared(definition())), read.right.state)).toEqual(["properties.eventSourceSuffix"]);
    });

    it("reads an unknown or deleted integration as null", async () => {
      const a = api();
      expect(await a.read("00000000-0000-4000-8000-000000000000")).toEqual(right(null));
      const { id } = await created(a);
      expect(await admin("DELETE", `integrations/${id}`)).toBe(204);
      expect(await a.read(id)).toEqual(right(null));
    });

    it("finds by name, paging through the list", async () => {
      for (const name of ["alpha", "beta", "gamma"]) await postIntegration(name);
      const { id } = await created(api());
      const a = api({ pageSize: 2 });
      const from = mark();
      expect(await a.find("orders-source")).toEqual(right([ours(id, "2")]));
      expect(await a.find("nothing-here")).toEqual(right([]));
      // Four integrations, two per page: two pages, config expanded, once per process; the second lookup reads the kept listing.
      expect(callsSince(from)).toEqual(["POST /oauth/token 200", `GET ${base} 200`, `GET ${base} 200`]);
    });

    it("keeps the listing current with what the process creates and deletes, without listing again", async () => {
      const a = api();
      const from = mark();
      expect(await a.find("orders-source")).toEqual(right([]));
      const { id } = await created(a);
      const found = await a.find("orders-source");
      expect(isLeft(found) ? [] : found.right.map((f) => f.remoteId)).toEqual([id]);
      expect(await a.remove(id)).toEqual(right(true));
      expect(await a.find("orders-source")).toEqual(right([]));
      expect(callsSince(from).filter((c) => c === `GET ${base} 200`)).toHaveLength(1);
    });

    it("lists every EventBridge source integration, paging through the list", async () => {
      const ids = [];
      for (const name of ["gamma", "alpha", "beta"]) ids.push(await postIntegration(name));
      const { id } = await created(api());
      const a = new IntegrationsApi(clientFor(emulator.get()), { pageSize: 2 });
      const from = mark();
      const empty = (remoteId: string, name: string) => ({ remoteId, etag: "1", state: { name, intendedState: "DISABLED", properties: {} }, facts: {} });
      expect(await a.list()).toEqual(right([empty(ids[1], "alpha"), empty(ids[2], "beta"), empty(ids[0], "gamma"), ours(id, "2")]));
      // Four integrations, two per page: two pages, config expanded, no further reads.
      expect(callsSince(from)).toEqual(["POST /oauth/token 200", `GET ${base} 200`, `GET ${base} 200`]);
    });

    it("decodes every body: an integration without an id is a Decode error", async () => {
      const a = api();
      const { id } = await created(a);
      emulator.get().addFault({ method: "GET", path: integrationPath(id), action: { status: 200, body: { name: "orders-source" } } });
      const result = await a.read(id);
      expect(isLeft(result) && { ...result.left, reason: "" }).toEqual({ _tag: "Decode", method: "GET", path: integrationPath(id), status: 200, correlationId: expect.any(String), reason: "" });
      // io-ts names the missing field at the end of the path it reports.
      expect(isLeft(result) && result.left._tag === "Decode" && result.left.reason).toMatch(/\/id: string$/);
    });

    it("decodes the listing too: a create whose lookup answers nonsense fails before any write", async () => {
      emulator.get().addFault({ method: "GET", path: base, action: { status: 200, body: { entities: [{ name: "orders-source" }] } } });
      const audit = memoryAudit();
      const result = failed(await api().create(createRequest(), audit));
      expect([result.error._tag, "path" in result.error && result.error.path]).toEqual([
        "Decode",
        `${base}?integrationType=amazon-eventbridge-source&expand=config.current&pageSize=100&pageNumber=1`,
      ]);
      expect(recordKinds(audit)).toEqual(["failure:create"]);
      expect(writes()).toEqual([]);
    });
  });

  describe("delete", () => {
    it("deletes, counts an already deleted integration as success, and confirms with a read", async () => {
      const a = api();
      const { id } = await created(a);
      const from = mark();
      const audit = memoryAudit();
      const deleted = ok(await a.delete(deleteRequest(id), audit));
      expect(summary(deleted)).toEqual({ status: "deleted", source: null, requests: 2, retries: 0, conflicts: 0 });
      expect(summary(ok(await a.delete(deleteRequest(id), memoryAudit())))).toEqual({ status: "absent", source: null, requests: 2, retries: 0, conflicts: 0 });
      expect(callsSince(from)).toEqual([`DELETE ${integrationPath(id)} 200`, `GET ${integrationPath(id)} 404`, `DELETE ${integrationPath(id)} 404`, `GET ${integrationPath(id)} 404`]);
      expect(audit.records).toEqual([
        { action: "delete", sourceId: "orders-source", payloadHash: "hash", result: "intent", details: { api: "integrations", remoteId: id } },
        {
          action: "delete",
          sourceId: "orders-source",
          payloadHash: "hash",
          result: "success",
          intentId: "a1",
          details: { api: "integrations", status: "deleted", remoteWrite: true, remoteId: id },
          metrics: { requests: 2, retries: 0, conflicts: 0 },
        },
      ]);
      expect(emulator.get().state.collection(INTEGRATIONS).list()).toEqual([]);
    });

    it("polls after delete until reads stop finding the integration", async () => {
      const a = api();
      const { id } = await created(a);
      expect(await admin("POST", "integrations/lag", { reads: 2 })).toBe(200);
      const from = mark();
      expect(ok(await a.delete(deleteRequest(id), memoryAudit())).status).toBe("deleted");
      expect(callsSince(from)).toEqual([`DELETE ${integrationPath(id)} 200`, ...readBoth(id), `GET ${integrationPath(id)} 404`]);
    });

    it("writes nothing when the audit log refuses the intent", async () => {
      const a = api();
      const { id } = await created(a);
      const from = mark();
      expect(failed(await a.delete(deleteRequest(id), memoryAudit({ refuse: true })))).toEqual({ error: { _tag: "AuditUnavailable", refusal: { _tag: "AuditRefusal", cause: "IoFailure", reason: "the log is read-only" } } });
      expect(callsSince(from)).toEqual([]);
      expect(stored(id)?.id).toBe(id);
    });
  });

  describe("the minimal request chains", () => {
    it("create = list, POST, GET config, PUT config, PATCH (after the token); update = GET integration, GET config, PUT config (+ PATCH when the state changes); no change = nothing; delete = DELETE and one GET; each answer shows what a read would", async () => {
      const a = api();
      const journal: Record<string, { calls: string[]; requests: number }> = {};
      async function step(name: string, operation: () => Promise<WriteOutcome>): Promise<WriteOutcome> {
        const from = mark();
        const outcome = await operation();
        journal[name] = { calls: callsSince(from), requests: outcome.requests };
        return outcome;
      }
      const made = await step("create", async () => ok(await a.create(createRequest(), memoryAudit())));
      const id = made.source?.remoteId ?? "";
      expect(await a.read(id)).toEqual(right(made.source));
      const filters = twoFilters(["v2.detail.events.conversation.{id}.user.end", "v2.detail.events.conversation.{id}.customer.start"]);
      const updated = await step("update", async () => ok(await a.update(updateRequest(id, made.source?.etag ?? "", filters), memoryAudit())));
      expect(await a.read(id)).toEqual(right(updated.source));
      const disabled = { options: { intendedState: "DISABLED" as const } };
      const switched = await step("update of the state", async () => ok(await a.update(updateRequest(id, updated.source?.etag ?? "", filters, disabled), memoryAudit())));
      expect(await a.read(id)).toEqual(right(switched.source));
      const recordedStateHash = payloadHash(a.desiredState(prepared(filters), disabled.options));
      await step("no change", async () => ok(await a.update(updateRequest(id, switched.source?.etag ?? "", filters, { ...disabled, recordedStateHash }), memoryAudit())));
      await step("delete", async () => ok(await a.delete(deleteRequest(id), memoryAudit())));
      expect(journal).toEqual({
        create: {
          calls: ["POST /oauth/token 200", `GET ${base} 200`, `POST ${base} 200`, `GET ${configPath(id)} 200`, `PUT ${configPath(id)} 200`, `PATCH ${integrationPath(id)} 200`],
          requests: 6,
        },
        update: { calls: readAndPut(id), requests: 3 },
        "update of the state": {
          calls: [...readBoth(id), ...putAndPatch(id)],
          requests: 4,
        },
        "no change": { calls: [], requests: 0 },
        delete: { calls: [`DELETE ${integrationPath(id)} 200`, `GET ${integrationPath(id)} 404`], requests: 2 },
      });
      expect([made.source?.etag, updated.source?.etag, switched.source?.state]).toEqual(["2", "3", expectedState("DISABLED", ["v2.detail.events.conversation.{id}.customer.start", "v2.detail.events.conversation.{id}.user.end"])]);
    });
  });

  describe("the partner event source name", () => {
    /** Runs `body` against an emulator of its own, so that the organization has not been looked up yet. */
    async function withOwnEmulator(organizationId: string, body: (own: RunningEmulator) => Promise<void>): Promise<void> {
      const own = await startEmulator({ organizationId });
      try {
        await body(own);
      } finally {
        await own.close();
      }
    }

    it("is named after the organization; two concurrent creates share one GET organizations/me", async () => {
      const org = "0f0e0d0c-1111-4222-8333-444455556666";
      await withOwnEmulator(org, async (own) => {
        // Hold the lookup on the wire so that the second create arrives while it is in flight.
        own.addFault({ method: "GET", path: orgPath, action: { delayMs: 200 } });
        const [a, b] = await Promise.all([
          apiOn(own).create(createRequest(definition("orders-a"), { owner: "project/stack/a" }), memoryAudit()),
          apiOn(own).create(createRequest(definition("orders-b"), { owner: "project/stack/b" }), memoryAudit()),
        ]);
        expect([ok(a).source?.facts, ok(b).source?.facts]).toEqual([
          { partnerEventSourceName: partnerName("orders-a", org) },
          { partnerEventSourceName: partnerName("orders-b", org) },
        ]);
        expect(await apiOn(own).read(ok(a).source?.remoteId ?? "")).toEqual(right(expect.objectContaining({ facts: { partnerEventSourceName: partnerName("orders-a", org) } })));
        expect(own.journal().filter((e) => e.path === orgPath).map((e) => `${e.method} ${e.path} ${e.status}`)).toEqual([`GET ${orgPath} 200`]);
      });
    });

    it("lets creates that start together share one listing of the organization's integrations", async () => {
      const org = "2b3c4d5e-6666-4777-8888-999900001111";
      await withOwnEmulator(org, async (own) => {
        // Hold the first listing on the wire so that the other creates start while it is in flight.
        own.addFault({ method: "GET", path: base, action: { delayMs: 200 } });
        const shared = apiOn(own);
        const ids = ["orders-a", "orders-b", "orders-c"];
        const made = await Promise.all(ids.map((id) => shared.create(createRequest(definition(id), { owner: `project/stack/${id}` }), memoryAudit())));
        expect(made.map((m) => ok(m).status)).toEqual(["created", "created", "created"]);
        expect(own.journal().filter((e) => e.method === "GET" && e.path === base).length).toBe(1);
      });
    });

    it("asks again after a failed lookup; the create that met it is completed by the next one without writing", async () => {
      const org = "1a2b3c4d-5555-4666-8777-888899990000";
      await withOwnEmulator(org, async (own) => {
        own.addFault({ method: "GET", path: orgPath, action: { status: 403, body: { message: "missing organization:view", code: "missing.any.permissions", status: 403 } } });
        const result = failed(await apiOn(own).create(createRequest(), memoryAudit()));
        const [id] = own.state.collection(INTEGRATIONS).list().map((d) => d.id);
        expect([result.error._tag, "path" in result.error && result.error.path, result.remoteId]).toEqual(["Forbidden", orgPath, id]);
        const from = own.journal().length;
        const again = ok(await apiOn(own).create(createRequest(), memoryAudit()));
        expect([again.status, again.source]).toEqual(["completed", { ...ours(id, "2"), facts: { partnerEventSourceName: partnerName("orders-source", org) } }]);
        expect(own.journal().slice(from).map((e) => `${e.method} ${e.path} ${e.status}`)).toEqual(["POST /oauth/token 200", `GET ${base} 200`, `GET ${orgPath} 200`]);
      });
    });
  });

  it("is the 'integrations' choice of the factory", () => {
    const made = sourceApiFor({ api: "integrations" }, clientFor(emulator.get()));
    expect(isLeft(made) ? made.left : made.right.kind).toBe("integrations");
  });
});

describe("one pass per operation", () => {
  it("computes the desired state once for a create that writes the config of the integration it made, and once for an update", async () => {
    const adapter = new IntegrationsApi(clientFor(emulator.get()), { pollIntervalMs: 5 });
    const computed: string[] = [];
    const desiredState = adapter.desiredState.bind(adapter);
    adapter.desiredState = (p, options) => {
      computed.push(p.definition.id);
      return desiredState(p, options);
    };
    const a = sourceApi(adapter);
    const created = ok(await a.create(createRequest(), memoryAudit()));
    expect([created.status, computed.length]).toEqual(["created", 1]);
    const updated = ok(await a.update(updateRequest(created.source?.remoteId ?? "", created.source?.etag ?? "", twoFilters(["v2.detail.events.conversation.{id}.customer.start", "v2.detail.events.conversation.{id}.user.end"])), memoryAudit()));
    expect([updated.status, computed]).toEqual(["updated", ["orders-source", "orders-source"]]);
  });
});
