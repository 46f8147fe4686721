import { randomUUID } from "node:crypto";
import { Reply, genesysError } from "../http-io";
import type { EmulatorRequest, Route, RouteModule } from "../router";
import type { EmulatorState } from "../state";
import { IntegrationReadLag } from "./integration-lag";
import {
  INTEGRATIONS,
  StoredIntegration,
  asIntegration,
  eventBridgePropertyProblems,
  eventBridgeSourceType,
  integrationsBase,
  presentConfig,
  presentIntegration,
} from "./integration-records";
import { integrationAdminRoutes } from "./integrations-admin";
import { integrationTypeRoutes } from "./integration-types";

const intendedStates: ReadonlyArray<string> = ["ENABLED", "DISABLED"];

function field(body: unknown, name: string): unknown {
  return body !== null && typeof body === "object" && !Array.isArray(body) ? (body as Record<string, unknown>)[name] : undefined;
}

function notFound(request: EmulatorRequest): Reply {
  return genesysError(404, "not.found", `integration '${request.params.id}' not found`, request.correlationId);
}

function invalid(request: EmulatorRequest, fieldName: string, message: string): Reply {
  return genesysError(400, "bad.request", `${fieldName}: ${message}`, request.correlationId, [{ errorCode: "invalid.value", fieldName, entityName: message }]);
}

function expandsConfig(request: EmulatorRequest): boolean {
  return request.query.getAll("expand").flatMap((e) => e.split(",")).map((e) => e.trim()).includes("config.current");
}

function positiveInt(text: string | null, fallback: number): number | undefined {
  if (text === null) return fallback;
  return /^\d+$/.test(text) && Number(text) >= 1 ? Number(text) : undefined;
}

/** Reads an integration as a client would see it right now: through the read lag. */
function visible(state: EmulatorState, lag: IntegrationReadLag, id: string): StoredIntegration | "absent" | "malformed" {
  const seen = lag.take(id);
  if (seen._tag === "NotYetVisible") return "absent";
  if (seen._tag === "StillVisible") return seen.record;
  const doc = state.collection(INTEGRATIONS).get(id);
  if (doc === undefined) return "absent";
  return asIntegration(doc.body) ?? "malformed";
}

/** Stores a changed integration if it is still the one read (compare-and-set on the store's ETag), then persists. */
async function store(state: EmulatorState, request: EmulatorRequest, next: StoredIntegration, etag: string | undefined): Promise<Reply | undefined> {
  const result = state.collection(INTEGRATIONS).write(next.id, next, etag === undefined ? { ifNoneMatch: "*" } : { ifMatch: [etag] });
  if (result._tag === "PreconditionFailed") return genesysError(409, "conflict", `integration '${next.id}' changed concurrently`, request.correlationId);
  await state.persist();
  return undefined;
}

function current(state: EmulatorState, id: string): { record: StoredIntegration; etag: string } | "absent" | "malformed" {
  const doc = state.collection(INTEGRATIONS).get(id);
  if (doc === undefined) return "absent";
  const record = asIntegration(doc.body);
  return record === undefined ? "malformed" : { record, etag: doc.etag };
}

function malformed(request: EmulatorRequest): Reply {
  return genesysError(500, "internal.server.error", `stored integration '${request.params.id}' is malformed`, request.correlationId);
}

async function create(state: EmulatorState, lag: IntegrationReadLag, request: EmulatorRequest): Promise<Reply> {
  const type = field(field(request.body, "integrationType"), "id");
  if (type !== eventBridgeSourceType.id) {
    return invalid(request, "integrationType.id", `integration type ${JSON.stringify(type)} not found; the emulator knows '${eventBridgeSourceType.id}'`);
  }
  const name = field(request.body, "name") ?? eventBridgeSourceType.name;
  if (typeof name !== "string" || name.trim() === "") return invalid(request, "name", "expected a non-empty string");
  const notes = field(request.body, "notes") ?? "";
  if (typeof notes !== "string") return invalid(request, "notes", "expected a string");
  const id = randomUUID();
  // A new integration starts disabled with an empty config at version 1, like one added in the admin UI.
  const record: StoredIntegration = {
    id,
    name,
    integrationTypeId: eventBridgeSourceType.id,
    notes,
    intendedState: "DISABLED",
    stateChanged: new Date().toISOString(),
    config: { name, version: 1, properties: {}, advanced: {}, notes: "", credentials: {} },
  };
  const refused = await store(state, request, record, undefined);
  if (refused !== undefined) return refused;
  lag.created(id, state.integrationReadLag);
  return { status: 200, body: presentIntegration(record, false) };
}

function list(state: EmulatorState, request: EmulatorRequest): Reply {
  const pageSize = positiveInt(request.query.get("pageSize"), 25);
  const pageNumber = positiveInt(request.query.get("pageNumber"), 1);
  if (pageSize === undefined || pageSize > 100) return invalid(request, "pageSize", "expected 1..100");
  if (pageNumber === undefined) return invalid(request, "pageNumber", "expected a positive integer");
  const type = request.query.get("integrationType");
  const all = state.collection(INTEGRATIONS).list()
    .map((d) => asIntegration(d.body))
    .filter((r): r is StoredIntegration => r !== undefined && (type === null || r.integrationTypeId === type))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const total = all.length;
  const pageCount = Math.ceil(total / pageSize);
  const expand = expandsConfig(request);
  const entities = all.slice((pageNumber - 1) * pageSize, pageNumber * pageSize).map((r) => presentIntegration(r, expand));
  const uri = (n: number) => {
    const q = new URLSearchParams(request.query);
    q.set("pageSize", String(pageSize));
    q.set("pageNumber", String(n));
    return `${integrationsBase}?${q.toString()}`;
  };
  return {
    status: 200,
    body: {
      entities,
      pageSize,
      pageNumber,
      total,
      pageCount,
      firstUri: uri(1),
      selfUri: uri(pageNumber),
      lastUri: uri(Math.max(1, pageCount)),
      ...(pageNumber < pageCount ? { nextUri: uri(pageNumber + 1) } : {}),
      ...(pageNumber > 1 ? { previousUri: uri(pageNumber - 1) } : {}),
    },
  };
}

async function patch(state: EmulatorState, request: EmulatorRequest): Promise<Reply> {
  const found = current(state, request.params.id);
  if (found === "absent") return notFound(request);
  if (found === "malformed") return malformed(request);
  const intendedState = field(request.body, "intendedState");
  const name = field(request.body, "name");
  const notes = field(request.body, "notes");
  if (intendedState !== undefined && (typeof intendedState !== "string" || !intendedStates.includes(intendedState))) {
    return invalid(request, "intendedState", "expected ENABLED or DISABLED");
  }
  if (name !== undefined && (typeof name !== "string" || name.trim() === "")) return invalid(request, "name", "expected a non-empty string");
  if (notes !== undefined && typeof notes !== "string") return invalid(request, "notes", "expected a string");
  const before = found.record;
  const next: StoredIntegration = {
    ...before,
    ...(intendedState === undefined ? {} : { intendedState }),
    ...(name === undefined ? {} : { name, config: { ...before.config, name } }),
    ...(notes === undefined ? {} : { notes }),
    stateChanged: intendedState === undefined || intendedState === before.intendedState ? before.stateChanged : new Date().toISOString(),
  };
  const refused = await store(state, request, next, found.etag);
  return refused ?? { status: 200, body: presentIntegration(next, false) };
}

async function putConfig(state: EmulatorState, request: EmulatorRequest): Promise<Reply> {
  const id = request.params.id;
  const found = current(state, id);
  if (found === "absent") return notFound(request);
  if (found === "malformed") return malformed(request);
  const before = found.record;
  const version = field(request.body, "version");
  if (typeof version !== "number" || !Number.isInteger(version)) return invalid(request, "version", "expected the integer version of the current configuration");
  if (version !== before.config.version) {
    return genesysError(409, "conflict", `Version ${version} does not match the current version ${before.config.version} of the configuration of integration '${id}'`, request.correlationId);
  }
  const name = field(request.body, "name") ?? before.config.name;
  if (typeof name !== "string" || name.trim() === "") return invalid(request, "name", "expected a non-empty string");
  const problems = eventBridgePropertyProblems(field(request.body, "properties"));
  if (problems.length > 0) {
    const [first] = problems;
    return genesysError(400, "bad.request", `${first.fieldName ?? "properties"}: ${first.entityName ?? "invalid"}`, request.correlationId, problems);
  }
  const objectOr = (key: string): Record<string, unknown> | undefined => {
    const v = field(request.body, key);
    if (v === undefined) return {};
    return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  };
  const advanced = objectOr("advanced");
  const credentials = objectOr("credentials");
  if (advanced === undefined) return invalid(request, "advanced", "expected an object");
  if (credentials === undefined) return invalid(request, "credentials", "expected an object");
  const notes = field(request.body, "notes") ?? "";
  if (typeof notes !== "string") return invalid(request, "notes", "expected a string");
  const next: StoredIntegration = {
    ...before,
    name,
    config: { name, version: before.config.version + 1, properties: field(request.body, "properties") as Record<string, unknown>, advanced, notes, credentials },
  };
  const refused = await store(state, request, next, found.etag);
  return refused ?? { status: 200, body: presentConfig(next) };
}

/**
 * The Genesys Cloud Integrations API as far as an `amazon-eventbridge-source`
 * needs it: `POST/GET /api/v2/integrations` (list with `integrationType`
 * filter, `expand=config.current`, paging), `GET/PATCH/DELETE
 * /api/v2/integrations/{id}` and `GET/PUT /api/v2/integrations/{id}/config/current`
 * (the config `version` must match: stale -> 409; properties validated like
 * the real constraints -> 400 with `details[].fieldName`). Reads can lag
 * writes (`integrationReadLag`). The integration types (`/api/v2/integrations/types...`)
 * come first. Admin routes under `/__emulator/integrations`
 * change integrations behind the client's back.
 */
export const integrationRoutes: RouteModule = (state): ReadonlyArray<Route> => {
  const lag = new IntegrationReadLag();
  const readable = (request: EmulatorRequest, show: (r: StoredIntegration) => unknown): Reply => {
    const seen = visible(state, lag, request.params.id);
    if (seen === "absent") return notFound(request);
    if (seen === "malformed") return malformed(request);
    return { status: 200, body: show(seen) };
  };
  return [
    // Before `/api/v2/integrations/:id`: `types` is not an integration id.
    ...integrationTypeRoutes(),
    { method: "POST", pattern: integrationsBase, access: "write", handle: (request) => create(state, lag, request) },
    { method: "GET", pattern: integrationsBase, access: "read", handle: (request) => list(state, request) },
    { method: "GET", pattern: `${integrationsBase}/:id`, access: "read", handle: (request) => readable(request, (r) => presentIntegration(r, expandsConfig(request))) },
    { method: "PATCH", pattern: `${integrationsBase}/:id`, access: "write", handle: (request) => patch(state, request) },
    {
      method: "DELETE",
      pattern: `${integrationsBase}/:id`,
      access: "write",
      async handle(request) {
        const found = current(state, request.params.id);
        if (found === "absent") return notFound(request);
        if (found === "malformed") return malformed(request);
        state.collection(INTEGRATIONS).remove(request.params.id);
        lag.deleted(request.params.id, state.integrationReadLag, found.record);
        await state.persist();
        return { status: 200, body: presentIntegration(found.record, false) };
      },
    },
    { method: "GET", pattern: `${integrationsBase}/:id/config/current`, access: "read", handle: (request) => readable(request, presentConfig) },
    { method: "PUT", pattern: `${integrationsBase}/:id/config/current`, access: "write", handle: (request) => putConfig(state, request) },
    ...integrationAdminRoutes(state, lag),
  ];
};
