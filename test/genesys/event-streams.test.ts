import { Either, isLeft, left, right } from "fp-ts/Either";
import { EVENT_STREAMS } from "../../src/emulator";
import { WriteOutcome } from "../../src/genesys";
import { apiFor, calls, definition, definitionJson, emulatorFixture } from "./support";

const emulator = emulatorFixture();
const path = "/api/v2/configuration/event-streams/orders-source";
const stored = () => emulator.get().state.collection(EVENT_STREAMS).get("orders-source");

function summary(result: Either<unknown, WriteOutcome>) {
  return isLeft(result) ? result : right({ etag: result.right.source.etag, state: result.right.source.state, retries: result.right.retries, conflicts: result.right.conflicts });
}

describe("EventStreamsApi", () => {
  it("creates with If-None-Match: * and returns what the server now holds", async () => {
    const api = apiFor(emulator.get());
    const created = await api.create(definition());
    expect(summary(created)).toEqual(right({ etag: stored()?.etag, state: definitionJson(), retries: 0, conflicts: 0 }));
    expect(api.desiredState(definition())).toEqual(definitionJson());
    expect(calls(emulator.get())).toEqual(["POST /oauth/token 200", `PUT ${path} 201`, `GET ${path} 200`]);
  });

  it("refuses to create over an existing source", async () => {
    const api = apiFor(emulator.get());
    await api.create(definition());
    const again = await api.create(definition());
    expect(isLeft(again) && { tag: again.left._tag, status: again.left.status, message: again.left.message }).toEqual({
      tag: "Conflict",
      status: 409,
      message: "an event stream with id 'orders-source' already exists; adopt it instead of creating it",
    });
  });

  it("reads a missing source as null, and find is read by definition id", async () => {
    const api = apiFor(emulator.get());
    expect(await api.read("nothing-here")).toEqual(right(null));
    await api.create(definition());
    expect(await api.find("orders-source")).toEqual(right({ remoteId: "orders-source", etag: stored()?.etag, state: definitionJson(), facts: {} }));
  });

  it("replaces with If-Match when the ETag is current", async () => {
    const api = apiFor(emulator.get());
    const created = await api.create(definition());
    if (isLeft(created)) throw new Error("create failed");
    const replaced = await api.replace("orders-source", definition("orders-source", "mobile"), created.right.source.etag, "fail");
    expect(summary(replaced)).toEqual(right({ etag: stored()?.etag, state: definitionJson("orders-source", "mobile"), retries: 0, conflicts: 0 }));
    expect(stored()?.version).toBe(2);
  });

  describe("a 409 race (changed behind the client's back)", () => {
    async function raced() {
      const api = apiFor(emulator.get());
      const created = await api.create(definition());
      if (isLeft(created)) throw new Error("create failed");
      emulator.get().state.collection(EVENT_STREAMS).write("orders-source", definitionJson("orders-source", "phone"));
      return { api, staleEtag: created.right.source.etag };
    }

    it("fails with the paths that changed remotely under the 'fail' policy", async () => {
      const { api, staleEtag } = await raced();
      const result = await api.replace("orders-source", definition("orders-source", "mobile"), staleEtag, "fail");
      expect(result).toEqual(left({
        _tag: "Conflict",
        method: "PUT",
        path,
        status: 409,
        code: "conflict",
        message: `event stream 'orders-source' changed remotely (ETag ${staleEtag} is stale, the server holds ${stored()?.etag})`,
        correlationId: expect.any(String),
        changedPaths: ["filters[0].conditions[0].value"],
        currentEtag: stored()?.etag,
      }));
      expect(stored()?.body).toEqual(definitionJson("orders-source", "phone"));
    });

    it("re-applies the desired definition with the fresh ETag under the 'overwrite' policy", async () => {
      const { api, staleEtag } = await raced();
      const result = await api.replace("orders-source", definition("orders-source", "mobile"), staleEtag, "overwrite");
      expect(summary(result)).toEqual(right({ etag: stored()?.etag, state: definitionJson("orders-source", "mobile"), retries: 0, conflicts: 1 }));
      expect(calls(emulator.get()).slice(-4)).toEqual([`PUT ${path} 409`, `GET ${path} 200`, `PUT ${path} 200`, `GET ${path} 200`]);
    });

    it("gives up after a bounded number of conflicting writes", async () => {
      const { staleEtag } = await raced();
      const api = apiFor(emulator.get(), { conflictAttempts: 2 });
      emulator.get().addFault({ method: "PUT", path, times: 5, action: { status: 409, body: { message: "conflict", code: "conflict", status: 409 } } });
      const result = await api.replace("orders-source", definition("orders-source", "mobile"), staleEtag, "overwrite");
      expect(isLeft(result) && [result.left._tag, result.left.message]).toEqual(["Conflict", "event stream 'orders-source' kept changing remotely: gave up after 2 conditional writes"]);
    });

    it("reports a source deleted during the update as NotFound", async () => {
      const { api, staleEtag } = await raced();
      emulator.get().state.collection(EVENT_STREAMS).remove("orders-source");
      const result = await api.replace("orders-source", definition(), staleEtag, "overwrite");
      expect(isLeft(result) && [result.left._tag, result.left.message]).toEqual(["NotFound", "event stream 'orders-source' was deleted while it was being updated"]);
    });
  });

  it("deletes, and counts an already deleted source as success", async () => {
    const api = apiFor(emulator.get());
    await api.create(definition());
    expect(await api.delete("orders-source")).toEqual(right(undefined));
    expect(await api.delete("orders-source")).toEqual(right(undefined));
    expect(await api.read("orders-source")).toEqual(right(null));
    expect(calls(emulator.get()).slice(-3)).toEqual([`DELETE ${path} 204`, `DELETE ${path} 404`, `GET ${path} 404`]);
  });

  it("decodes every body: a read without an id is a Decode error", async () => {
    const api = apiFor(emulator.get());
    emulator.get().state.collection(EVENT_STREAMS).write("orders-source", ["not", "an", "object"]);
    const result = await api.read("orders-source");
    expect(isLeft(result) && result.left._tag).toBe("Decode");
  });

  it("counts the HTTP policy's retries in the write outcome", async () => {
    const api = apiFor(emulator.get());
    emulator.get().addFault({ method: "PUT", path, action: { status: 503, body: { message: "busy", code: "service.unavailable", status: 503 } } });
    emulator.get().addFault({ method: "GET", path, action: { reset: true } });
    const created = await api.create(definition());
    expect(summary(created)).toEqual(right({ etag: stored()?.etag, state: definitionJson(), retries: 2, conflicts: 0 }));
  });
});
