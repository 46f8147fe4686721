import { isLeft } from "fp-ts/Either";
import { describeError, toError } from "../../src/genesys/describe";
import { apiFor, createRequest, definition, deleteRequest, emulatorFixture, memoryAudit, updateRequest } from "./support";

const secret = "very-secret-client-value-42";
const emulator = emulatorFixture({ clientId: "secret-test-client", clientSecret: secret });
const path = "/api/v2/configuration/event-streams/orders-source";

describe("secrets", () => {
  it("never appear in error messages or log lines, whatever went wrong", async () => {
    const printed: string[] = [];
    const logger = (line: string) => printed.push(line);
    const api = apiFor(emulator.get(), { clientId: "secret-test-client", clientSecret: secret, logger, timeoutMs: 300 });
    const wrong = apiFor(emulator.get(), { clientId: "secret-test-client", clientSecret: `${secret}-wrong`, logger });
    const collect = (result: { _tag: string; left?: unknown }) => {
      if (isLeft(result as never)) {
        const raw = (result as { left: unknown }).left as { error?: unknown };
        // Protocol operations fail with { error }, reads with the error itself.
        const e = (typeof raw === "object" && raw !== null && "error" in raw ? raw.error : raw) as Parameters<typeof describeError>[0];
        printed.push(describeError(e), toError(e).message, JSON.stringify(e));
      }
    };
    const e = emulator.get();
    const echo = (status: number) => ({ status, body: { message: `echo Bearer ${e.state.tokens.issuedTokens().at(-1) ?? ""} and ${secret}`, code: "echo", status } });

    collect(await api.create(createRequest(), memoryAudit()));
    collect(await wrong.read("orders-source"));
    e.addFault({ method: "GET", path, times: 2, action: { status: 429, headers: { "Retry-After": "0" }, body: echo(429).body } });
    collect(await api.read("orders-source"));
    e.addFault({ method: "GET", path, action: { status: 503 } });
    collect(await api.read("orders-source"));
    e.addFault({ method: "GET", path, action: { status: 501, body: echo(501).body } });
    collect(await api.read("orders-source"));
    e.addFault({ method: "GET", path, action: { reset: true } });
    collect(await api.read("orders-source"));
    e.addFault({ method: "GET", path, action: { delayMs: 800 } });
    collect(await api.read("orders-source"));
    e.addFault({ method: "GET", path, action: { malformedJson: true } });
    collect(await api.read("orders-source"));
    e.addFault({ method: "PUT", path, action: echo(400) });
    collect(await api.update(updateRequest("orders-source", '"stale"', definition("orders-source", "x")), memoryAudit()));
    collect(await api.update(updateRequest("orders-source", '"stale"', definition("orders-source", "x")), memoryAudit()));
    e.state.tokens.revokeAll();
    collect(await api.read("orders-source"));
    await fetch(`${e.url}/__emulator/permissions`, { method: "POST", body: JSON.stringify({ write: false }) });
    collect(await api.delete(deleteRequest("orders-source"), memoryAudit()));

    const tokens = e.state.tokens.issuedTokens();
    expect(tokens.length).toBeGreaterThanOrEqual(2);
    expect(printed.length).toBeGreaterThan(20);
    const text = printed.join("\n");
    const leaks = [secret, ...tokens, Buffer.from(`secret-test-client:${secret}`).toString("base64")].filter((s) => text.includes(s));
    expect(leaks).toEqual([]);
    // The server echoed the secret and a token: they reached the output, scrubbed.
    expect(text).toContain("[REDACTED]");
    // The scenarios did run: each kind of failure was reported.
    expect(printed.filter((l) => l.startsWith("{")).map((l) => (JSON.parse(l) as { _tag: string })._tag)).toEqual([
      "Unauthorized", "ServerError", "Network", "Decode", "BadRequest", "Conflict", "Forbidden",
    ]);
  });
});
