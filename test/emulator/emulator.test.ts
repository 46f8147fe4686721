import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { isLeft } from "fp-ts/Either";
import { EVENT_STREAMS, startEmulator } from "../../src/emulator";
import { canonicalJson } from "../../src/definition";
import { apiFor, clientFor, createRequest, definitionJson, emulatorFixture, memoryAudit } from "../genesys/support";

const emulator = emulatorFixture();
const streamPath = "/api/v2/configuration/event-streams/orders-source";

describe("emulator", () => {
  it("lets exactly one of 20 parallel writers with the same ETag win; the rest get 409 and the store stays intact", async () => {
    const client = clientFor(emulator.get());
    const created = await client.request({ method: "PUT", path: streamPath, headers: { "If-None-Match": "*" }, json: definitionJson() });
    if (isLeft(created)) throw new Error("create failed");
    const etag = created.right.headers["etag"];
    const bodies = Array.from({ length: 20 }, (_, i) => definitionJson("orders-source", `writer-${i}`));
    const answers = await Promise.all(bodies.map((json) => client.request({ method: "PUT", path: streamPath, headers: { "If-Match": etag }, json })));
    const statuses = answers.map((a) => (isLeft(a) ? a.left.status : a.right.status)).sort();
    expect(statuses).toEqual([200, ...Array.from({ length: 19 }, () => 409)]);
    const losers = answers.filter(isLeft).map((a) => [a.left._tag, a.left.code]);
    expect(losers).toEqual(Array.from({ length: 19 }, () => ["Conflict", "conflict"]));
    const final = emulator.get().state.collection(EVENT_STREAMS).get("orders-source");
    expect(final?.version).toBe(2);
    expect(bodies.map((b) => canonicalJson(b))).toContain(canonicalJson(final?.body));
  });

  it("validates like the client and answers 400 with the Genesys error body", async () => {
    const client = clientFor(emulator.get());
    const bad = { ...definitionJson(), configuration: { awsAccountId: "12", roleArn: "arn:aws:iam::123456789012:role/r", region: "us-east-1" } };
    const answer = await client.request({ method: "PUT", path: streamPath, json: bad });
    expect(isLeft(answer) && answer.left).toEqual({
      _tag: "BadRequest",
      method: "PUT",
      path: streamPath,
      status: 400,
      code: "bad.request",
      message: expect.stringMatching(/^configuration\.awsAccountId: /),
      correlationId: expect.any(String),
      fields: [{ fieldName: "configuration.awsAccountId", errorCode: "invalid.value", message: expect.any(String) }],
    });
  });

  it("puts ININ-Correlation-Id on every answer and the contextId in error bodies", async () => {
    const r = await fetch(`${emulator.get().url}${streamPath}`);
    const body = (await r.json()) as Record<string, unknown>;
    expect({ status: r.status, body }).toEqual({
      status: 401,
      body: { message: "No authentication bearer token specified in authorization header.", code: "authentication.required", status: 401, contextId: r.headers.get("inin-correlation-id"), details: [], errors: [] },
    });
    const missing = await fetch(`${emulator.get().url}/nowhere`);
    expect(missing.headers.get("inin-correlation-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("rate limits per client with Retry-After and the Genesys body", async () => {
    await fetch(`${emulator.get().url}/__emulator/rate-limit`, { method: "POST", body: JSON.stringify({ capacity: 2, refillPerSecond: 0.5 }) });
    const client = clientFor(emulator.get(), { retry: { maxRetries: 0 } });
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await client.request({ method: "GET", path: streamPath }));
    expect(answers.map((a) => (isLeft(a) ? [a.left._tag, a.left.code, a.left._tag === "RateLimited" ? a.left.retryAfterMs : undefined] : "ok"))).toEqual([
      ["NotFound", "not.found", undefined],
      ["NotFound", "not.found", undefined],
      ["RateLimited", "too.many.requests.retry.after", 2000],
    ]);
  });

  it("journals method, path, status, time and client id, never secrets or tokens", async () => {
    const client = clientFor(emulator.get());
    await client.request({ method: "GET", path: streamPath });
    const r = await fetch(`${emulator.get().url}/__emulator/journal`);
    const { entries } = (await r.json()) as { entries: Array<Record<string, unknown>> };
    expect(entries.map(({ method, path: p, status, clientId }) => ({ method, path: p, status, clientId }))).toEqual([
      { method: "POST", path: "/oauth/token", status: 200, clientId: "emulator-client" },
      { method: "GET", path: streamPath, status: 404, clientId: "emulator-client" },
    ]);
    const text = JSON.stringify(entries);
    for (const secret of ["emulator-secret", ...emulator.get().state.tokens.issuedTokens()]) expect(text).not.toContain(secret);
  });

  it("delays every API request by the configured latency, but not the admin API", async () => {
    const e = emulator.get();
    const admin = await fetch(`${e.url}/__emulator/latency`, { method: "POST", body: JSON.stringify({ ms: 150 }) });
    const bad = await fetch(`${e.url}/__emulator/latency`, { method: "POST", body: JSON.stringify({ ms: -1 }) });
    const started = Date.now();
    const api = await fetch(`${e.url}/api/v2/organizations/me`);
    const apiMs = Date.now() - started;
    const adminStarted = Date.now();
    await fetch(`${e.url}/__emulator/journal`);
    const adminMs = Date.now() - adminStarted;
    expect([admin.status, bad.status, api.status, apiMs >= 150, adminMs < 150]).toEqual([200, 400, 401, true, true]);
  });

  it("refuses an invalid fault spec and arms a valid one over HTTP", async () => {
    const url = `${emulator.get().url}/__emulator/faults`;
    const bad = await fetch(url, { method: "POST", body: JSON.stringify({ path: "/x", action: { nonsense: 1 } }) });
    const good = await fetch(url, { method: "POST", body: JSON.stringify({ method: "GET", path: "/api/v2/*", times: 2, action: { status: 418 } }) });
    const listed = (await (await fetch(url)).json()) as { faults: unknown[] };
    expect([bad.status, good.status, listed.faults]).toEqual([400, 201, [{ id: 1, spec: { method: "GET", path: "/api/v2/*", times: 2, action: { status: 418 } }, remaining: 2 }]]);
  });

  it("edits and deletes stored sources behind the client's back (drift)", async () => {
    const api = apiFor(emulator.get());
    await api.create(createRequest(), memoryAudit());
    const url = `${emulator.get().url}/__emulator/event-streams/orders-source`;
    await fetch(url, { method: "PUT", body: JSON.stringify(definitionJson("orders-source", "kiosk")) });
    const drifted = await api.read("orders-source");
    expect(isLeft(drifted) || drifted.right?.state).toEqual(definitionJson("orders-source", "kiosk"));
    expect((await fetch(url, { method: "DELETE" })).status).toBe(204);
    expect(await api.read("orders-source")).toEqual({ _tag: "Right", right: null });
  });
});

describe("emulator persistence", () => {
  it("keeps stored sources between runs in an atomically written file", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "emulator-store-"));
    const storePath = path.join(dir, "state.json");
    const first = await startEmulator({ storePath });
    const created = await apiFor(first).create(createRequest(), memoryAudit());
    await first.close();
    const second = await startEmulator({ storePath });
    const read = await apiFor(second).read("orders-source");
    await second.close();
    expect(isLeft(created) || isLeft(read) ? "failed" : read.right).toEqual(isLeft(created) ? "created" : created.right.source);
    expect((await fs.readdir(dir)).sort()).toEqual(["state.json"]);
    await fs.rm(dir, { recursive: true, force: true });
  });
});
