import { isLeft, right } from "fp-ts/Either";
import { EVENT_STREAMS } from "../../src/emulator";
import { payloadHash } from "../../src/definition";
import type { WriteOutcome } from "../../src/genesys/port";
import {
  apiFor,
  calls,
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
const path = "/api/v2/configuration/event-streams/orders-source";
const stored = () => emulator.get().state.collection(EVENT_STREAMS).get("orders-source");

function summary(outcome: WriteOutcome) {
  return { status: outcome.status, etag: outcome.source?.etag, state: outcome.source?.state, retries: outcome.retries, conflicts: outcome.conflicts };
}

describe("event-streams through the write protocol", () => {
  it("creates with one If-None-Match: * PUT (no lookup first, no read after) and returns what the server now holds", async () => {
    const api = apiFor(emulator.get());
    const audit = memoryAudit();
    const created = ok(await api.create(createRequest(), audit));
    expect(summary(created)).toEqual({ status: "created", etag: stored()?.etag, state: definitionJson(), retries: 0, conflicts: 0 });
    expect(api.desiredState(prepared(definition()))).toEqual(definitionJson());
    // The PUT's answer is the stored object with its ETag: no GET follows it.
    expect(calls(emulator.get())).toEqual(["POST /oauth/token 200", `PUT ${path} 201`]);
    // The token request counts too: it is part of this operation's chain (later operations reuse the token).
    expect(created.requests).toBe(2);
  });

  it("appends the intent before the write and the outcome after it, linked by intentId", async () => {
    const api = apiFor(emulator.get());
    const audit = memoryAudit();
    const created = ok(await api.create(createRequest(), audit));
    expect(audit.records).toEqual([
      { action: "create", sourceId: "orders-source", payloadHash: "hash", result: "intent", details: { api: "event-streams", owner: "project/stack/orders", expectedToken: null } },
      {
        action: "create",
        sourceId: "orders-source",
        payloadHash: "hash",
        result: "success",
        intentId: "a1",
        details: { api: "event-streams", status: "created", remoteWrite: true, remoteId: "orders-source", etag: stored()?.etag },
        metrics: { requests: 2, retries: 0, conflicts: 0 },
      },
    ]);
    expect(created.audit).toEqual({ auditId: "a2", hash: "h2", timestamp: "2026-01-01T00:00:02.000Z" });
  });

  it("writes nothing when the audit log refuses the intent", async () => {
    const api = apiFor(emulator.get());
    const result = failed(await api.create(createRequest(), memoryAudit({ refuse: true })));
    expect(result.error).toEqual({ _tag: "AuditUnavailable", refusal: { _tag: "AuditRefusal", cause: "IoFailure", reason: "the log is read-only" } });
    expect(calls(emulator.get())).toEqual([]);
    expect(stored()).toBeUndefined();
  });

  it("completes its own earlier create (the marker matches) without writing again", async () => {
    const api = apiFor(emulator.get());
    ok(await api.create(createRequest(), memoryAudit()));
    const again = ok(await api.create(createRequest(), memoryAudit()));
    expect(again.status).toBe("completed");
    expect(stored()?.version).toBe(1);
  });

  it("refuses to take over a same-named source it did not create, and says how to adopt it", async () => {
    const api = apiFor(emulator.get());
    ok(await api.create(createRequest(definition(), { owner: "someone/else/x" }), memoryAudit()));
    const audit = memoryAudit();
    const refused = failed(await api.create(createRequest(), audit));
    expect([refused.error._tag, "message" in refused.error && refused.error.message]).toEqual([
      "Conflict",
      "a source named 'orders-source' already exists (orders-source) and was not created by this resource; set adoptExisting: true on the resource to take it over, or choose another id",
    ]);
    expect(recordKinds(audit)).toEqual(["intent:create", "failure:create"]);
  });

  it("adopts a foreign source when asked, overwriting it with the definition", async () => {
    const api = apiFor(emulator.get());
    ok(await api.create(createRequest(definition("orders-source", "kiosk"), { owner: "someone/else/x" }), memoryAudit()));
    const adopted = ok(await api.create(createRequest(definition(), { adoptExisting: true }), memoryAudit()));
    expect(summary(adopted)).toEqual({ status: "adopted", etag: stored()?.etag, state: definitionJson(), retries: 0, conflicts: 0 });
  });

  it("reads a missing source as null, and find is read by definition id", async () => {
    const api = apiFor(emulator.get());
    expect(await api.read("nothing-here")).toEqual(right(null));
    ok(await api.create(createRequest(), memoryAudit()));
    expect(await api.find("orders-source")).toEqual(right([{ remoteId: "orders-source", etag: stored()?.etag, state: definitionJson(), facts: {}, owner: "project/stack/orders" }]));
  });

  it("updates with If-Match when the ETag is current", async () => {
    const api = apiFor(emulator.get());
    const created = ok(await api.create(createRequest(), memoryAudit()));
    const updated = ok(await api.update(updateRequest("orders-source", created.source?.etag ?? "", definition("orders-source", "mobile")), memoryAudit()));
    expect(summary(updated)).toEqual({ status: "updated", etag: stored()?.etag, state: definitionJson("orders-source", "mobile"), retries: 0, conflicts: 0 });
    expect(stored()?.version).toBe(2);
  });

  it("sends nothing for an update whose remote state would not change", async () => {
    const api = apiFor(emulator.get());
    const created = ok(await api.create(createRequest(), memoryAudit()));
    const before = calls(emulator.get()).length;
    const { payloadHash } = await import("../../src/definition");
    const audit = memoryAudit();
    const updated = ok(await api.update(updateRequest("orders-source", created.source?.etag ?? "", definition(), { recordedStateHash: payloadHash(definitionJson()) }), audit));
    expect([updated.status, updated.source, updated.requests, calls(emulator.get()).length - before]).toEqual(["unchanged", null, 0, 0]);
    expect(audit.records.map((r) => [r.result, r.details.remoteWrite])).toEqual([["success", false]]);
  });

  describe("a 409 race (changed behind the client's back)", () => {
    async function raced() {
      const api = apiFor(emulator.get());
      const created = ok(await api.create(createRequest(), memoryAudit()));
      emulator.get().state.collection(EVENT_STREAMS).write("orders-source", definitionJson("orders-source", "phone"));
      return { api, staleEtag: created.source?.etag ?? "" };
    }

    it("fails under the 'fail' policy with the paths that changed remotely and the fix", async () => {
      const { api, staleEtag } = await raced();
      const result = failed(await api.update(updateRequest("orders-source", staleEtag, definition("orders-source", "mobile")), memoryAudit()));
      expect(result.error).toEqual({
        _tag: "Conflict",
        method: "PUT",
        path: "orders-source",
        message: `source 'orders-source' changed remotely (token ${staleEtag} is stale, the server holds ${stored()?.etag}); run \`pulumi refresh\`, then \`pulumi up\` to apply on top of the current version, or set conflictPolicy 'overwrite'`,
        changedPaths: ["filters[0].conditions[0].value"],
        currentEtag: stored()?.etag,
      });
      expect(stored()?.body).toEqual(definitionJson("orders-source", "phone"));
    });

    it("re-applies the desired definition with the fresh ETag under the 'overwrite' policy", async () => {
      const { api, staleEtag } = await raced();
      const result = ok(await api.update(updateRequest("orders-source", staleEtag, definition("orders-source", "mobile"), { policy: "overwrite" }), memoryAudit()));
      expect(summary(result)).toEqual({ status: "updated", etag: stored()?.etag, state: definitionJson("orders-source", "mobile"), retries: 0, conflicts: 1 });
      // The 409 needs a read for the fresh ETag; the second PUT's answer is the re-read.
      expect(calls(emulator.get()).slice(-3)).toEqual([`PUT ${path} 409`, `GET ${path} 200`, `PUT ${path} 200`]);
    });

    it("gives up after a bounded number of conflicting writes", async () => {
      const { staleEtag } = await raced();
      const api = apiFor(emulator.get(), { conflictAttempts: 2 });
      emulator.get().addFault({ method: "PUT", path, times: 5, action: { status: 409, body: { message: "conflict", code: "conflict", status: 409 } } });
      const result = failed(await api.update(updateRequest("orders-source", staleEtag, definition("orders-source", "mobile"), { policy: "overwrite" }), memoryAudit()));
      expect([result.error._tag, "message" in result.error && result.error.message]).toEqual([
        "Conflict",
        "source 'orders-source' kept changing remotely: gave up after 2 conditional writes; run `pulumi up` again when the other writer is done",
      ]);
    });

    it("reports a source deleted during the update as NotFound, with the fix", async () => {
      const { api, staleEtag } = await raced();
      emulator.get().state.collection(EVENT_STREAMS).remove("orders-source");
      const result = failed(await api.update(updateRequest("orders-source", staleEtag, definition(), { policy: "overwrite" }), memoryAudit()));
      expect([result.error._tag, "message" in result.error && result.error.message]).toEqual([
        "NotFound",
        "source 'orders-source' (orders-source) was deleted remotely while it was being written; run `pulumi refresh`, then `pulumi up`",
      ]);
    });
  });

  it("deletes with one DELETE and no wait (a 204 means gone), and counts an already deleted source as success", async () => {
    const api = apiFor(emulator.get());
    ok(await api.create(createRequest(), memoryAudit()));
    const from = calls(emulator.get()).length;
    expect(ok(await api.delete(deleteRequest("orders-source"), memoryAudit())).status).toBe("deleted");
    expect(ok(await api.delete(deleteRequest("orders-source"), memoryAudit())).status).toBe("absent");
    expect(await api.read("orders-source")).toEqual(right(null));
    // The last GET is this test's own read.
    expect(calls(emulator.get()).slice(from)).toEqual([`DELETE ${path} 204`, `DELETE ${path} 404`, `GET ${path} 404`]);
  });

  it("minimal request chains: create = one PUT (after the token), update = one PUT, no change = nothing, delete = one DELETE; each answer shows what a read would", async () => {
    const api = apiFor(emulator.get());
    const journal: Record<string, { calls: string[]; requests: number }> = {};
    async function step(name: string, operation: () => Promise<WriteOutcome>): Promise<WriteOutcome> {
      const from = calls(emulator.get()).length;
      const outcome = await operation();
      journal[name] = { calls: calls(emulator.get()).slice(from), requests: outcome.requests };
      return outcome;
    }
    const created = await step("create", async () => ok(await api.create(createRequest(), memoryAudit())));
    expect(await api.read("orders-source")).toEqual(right(created.source));
    const mobile = definition("orders-source", "mobile");
    const updated = await step("update", async () => ok(await api.update(updateRequest("orders-source", created.source?.etag ?? "", mobile), memoryAudit())));
    expect(await api.read("orders-source")).toEqual(right(updated.source));
    const recordedStateHash = payloadHash(api.desiredState(prepared(mobile)));
    await step("unchanged", async () => ok(await api.update(updateRequest("orders-source", updated.source?.etag ?? "", mobile, { recordedStateHash }), memoryAudit())));
    await step("delete", async () => ok(await api.delete(deleteRequest("orders-source"), memoryAudit())));
    expect(journal).toEqual({
      create: { calls: ["POST /oauth/token 200", `PUT ${path} 201`], requests: 2 },
      update: { calls: [`PUT ${path} 200`], requests: 1 },
      unchanged: { calls: [], requests: 0 },
      delete: { calls: [`DELETE ${path} 204`], requests: 1 },
    });
    expect(stored()).toBeUndefined();
  });

  it("decodes every body: a read without an id is a Decode error", async () => {
    const api = apiFor(emulator.get());
    emulator.get().state.collection(EVENT_STREAMS).write("orders-source", ["not", "an", "object"]);
    const result = await api.read("orders-source");
    expect(isLeft(result) && result.left._tag).toBe("Decode");
  });

  it("counts the HTTP policy's retries in the write outcome and its audit record", async () => {
    const api = apiFor(emulator.get());
    // A create is one PUT, so both retries are of that PUT.
    emulator.get().addFault({ method: "PUT", path, times: 2, action: { status: 503, body: { message: "busy", code: "service.unavailable", status: 503 } } });
    const audit = memoryAudit();
    const created = ok(await api.create(createRequest(), audit));
    expect(summary(created)).toEqual({ status: "created", etag: stored()?.etag, state: definitionJson(), retries: 2, conflicts: 0 });
    expect(calls(emulator.get())).toEqual(["POST /oauth/token 200", `PUT ${path} 503`, `PUT ${path} 503`, `PUT ${path} 201`]);
    expect(audit.records[1].metrics).toEqual({ requests: 4, retries: 2, conflicts: 0 });
  });

  it("counts the attempts answered 429 in the write outcome", async () => {
    const api = apiFor(emulator.get());
    const busy = { message: "slow down", code: "too.many.requests.retry.after", status: 429 };
    emulator.get().addFault({ method: "PUT", path, times: 1, action: { status: 429, headers: { "Retry-After": "0" }, body: busy } });
    emulator.get().addFault({ method: "PUT", path, times: 1, action: { status: 503, body: { message: "busy", code: "service.unavailable", status: 503 } } });
    const created = ok(await api.create(createRequest(), memoryAudit()));
    // The token, then the PUT three times.
    expect({ requests: created.requests, retries: created.retries, answered429: created.answered429 }).toEqual({ requests: 4, retries: 2, answered429: 1 });
  });
});
