import { isLeft } from "fp-ts/Either";
import { validateDefinition } from "../../definition";
import { StoredDocument, parseEtagList } from "../collection";
import { Reply, genesysError } from "../http-io";
import type { EmulatorRequest, Route, RouteModule } from "../router";
import type { EmulatorState } from "../state";

/** The collection name of the event-streams contract. */
export const EVENT_STREAMS = "event-streams";

const base = "/api/v2/configuration/event-streams";

/** The request header that carries the creator's ownership marker (lower case, as requests arrive). */
export const OWNER_HEADER = "genesys-eventbridge-owner";

function present(doc: StoredDocument): Reply {
  const body = doc.body !== null && typeof doc.body === "object" && !Array.isArray(doc.body)
    ? { ...(doc.body as Record<string, unknown>), selfUri: `${base}/${encodeURIComponent(doc.id)}` }
    : doc.body;
  return { status: 200, headers: { ETag: doc.etag }, body };
}

function notFound(request: EmulatorRequest): Reply {
  return genesysError(404, "not.found", `event stream '${request.params.id}' not found`, request.correlationId);
}

async function put(state: EmulatorState, request: EmulatorRequest): Promise<Reply> {
  const id = request.params.id;
  const checked = validateDefinition(request.body);
  if (isLeft(checked)) {
    const details = checked.left.map((i) => ({ errorCode: "invalid.value", fieldName: i.path, entityName: i.message }));
    const first = checked.left[0];
    const message = first === undefined ? "The request body is invalid" : `${first.path === "" ? "body" : first.path}: ${first.message}`;
    return genesysError(400, "bad.request", message, request.correlationId, details);
  }
  if (checked.right.id !== id) {
    return genesysError(400, "bad.request", `id '${checked.right.id}' does not match the path id '${id}'`, request.correlationId, [
      { errorCode: "invalid.value", fieldName: "id", entityName: "must equal the id in the path" },
    ]);
  }
  const ifMatch = parseEtagList(request.headers["if-match"]);
  const ifNoneMatch = parseEtagList(request.headers["if-none-match"]) === "*" ? ("*" as const) : undefined;
  // The ownership marker a creator sends is kept with the object (and shown as `owner`), across later writes too.
  const previous = state.collection(EVENT_STREAMS).get(id)?.body as { owner?: unknown } | undefined;
  const marker = ifNoneMatch === "*" ? request.headers[OWNER_HEADER] : previous?.owner;
  const stored = typeof marker === "string" && marker !== "" ? { ...(request.body as Record<string, unknown>), owner: marker } : request.body;
  const result = state.collection(EVENT_STREAMS).write(id, stored, {
    ...(ifMatch === undefined ? {} : { ifMatch }),
    ...(ifNoneMatch === undefined ? {} : { ifNoneMatch }),
  });
  if (result._tag === "PreconditionFailed") {
    const why = result.current === undefined
      ? `event stream '${id}' does not exist`
      : ifNoneMatch === "*"
        ? `event stream '${id}' already exists`
        : `the ETag does not match the current version ${result.current.etag} of event stream '${id}'`;
    return genesysError(409, "conflict", why, request.correlationId);
  }
  await state.persist();
  return { ...present(result.document), status: result.created ? 201 : 200 };
}

/**
 * The event-streams contract of the original design:
 * `GET/PUT/DELETE /api/v2/configuration/event-streams/{id}` with strong ETags
 * (`If-None-Match: *` creates, `If-Match` updates, a stale ETag answers 409),
 * server-side validation equal to the client's, plus admin routes under
 * `/__emulator/event-streams` that change stored objects behind the client's back.
 */
export const eventStreamRoutes: RouteModule = (state): ReadonlyArray<Route> => {
  const streams = () => state.collection(EVENT_STREAMS);
  return [
    {
      method: "GET",
      pattern: `${base}/:id`,
      access: "read",
      handle(request) {
        const doc = streams().get(request.params.id);
        return doc === undefined ? notFound(request) : present(doc);
      },
    },
    { method: "PUT", pattern: `${base}/:id`, access: "write", handle: (request) => put(state, request) },
    {
      method: "DELETE",
      pattern: `${base}/:id`,
      access: "write",
      async handle(request) {
        const outcome = streams().remove(request.params.id, parseEtagList(request.headers["if-match"]));
        if (outcome === "absent") return notFound(request);
        if (outcome === "precondition-failed") {
          return genesysError(409, "conflict", `the ETag does not match the current version of event stream '${request.params.id}'`, request.correlationId);
        }
        await state.persist();
        return { status: 204 };
      },
    },
    {
      method: "GET",
      pattern: "/__emulator/event-streams",
      access: "admin",
      handle: () => ({ status: 200, body: { entities: streams().list() } }),
    },
    {
      method: "GET",
      pattern: "/__emulator/event-streams/:id",
      access: "admin",
      handle(request) {
        const doc = streams().get(request.params.id);
        return doc === undefined ? notFound(request) : { status: 200, headers: { ETag: doc.etag }, body: doc };
      },
    },
    {
      method: "PUT",
      pattern: "/__emulator/event-streams/:id",
      access: "admin",
      async handle(request) {
        // Unvalidated on purpose: drift tests store what a console user or another tool might.
        const result = streams().write(request.params.id, request.body);
        await state.persist();
        return result._tag === "Written" ? { status: 200, headers: { ETag: result.document.etag }, body: result.document } : { status: 500 };
      },
    },
    {
      method: "DELETE",
      pattern: "/__emulator/event-streams/:id",
      access: "admin",
      async handle(request) {
        const outcome = streams().remove(request.params.id);
        await state.persist();
        return outcome === "removed" ? { status: 204 } : notFound(request);
      },
    },
  ];
};
