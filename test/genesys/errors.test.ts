import { badRequest, conflict, forbidden, rateLimited, unauthorized } from "../../src/genesys/errors";
import { describeError, describeWriteError, toError } from "../../src/genesys/describe";
import { auditRefusal } from "../../src/genesys/port";
import { redact } from "../../src/http/redact";

const where = { method: "PUT", path: "/api/v2/configuration/event-streams/a", correlationId: "c-1" };

describe("error messages", () => {
  it("say what to do for each status", () => {
    expect(describeError(unauthorized({ ...where, status: 401, code: "bad.credentials" }))).toBe(
      "PUT /api/v2/configuration/event-streams/a (HTTP 401) [bad.credentials]. Genesys refused the credentials: check the OAuth client id and secret, that the client uses the client-credentials grant in this region, and the permissions of its role. (ININ-Correlation-Id: c-1)",
    );
    expect(describeError(forbidden({ ...where, status: 403 }))).toMatch(/integrations:integration:.*AWS side/);
    expect(describeError(conflict({ ...where, status: 409 }, ["filters[0].conditions[0].value"]))).toMatch(
      /changed concurrently\. Changed remotely: filters\[0\]\.conditions\[0\]\.value\. Run `pulumi refresh`, then `pulumi up`/,
    );
    expect(describeError(badRequest({ ...where, status: 400 }, [{ fieldName: "configuration.region", message: "expected an AWS region" }]))).toMatch(
      /rejected these fields: configuration\.region \(expected an AWS region\)/,
    );
    expect(describeError(rateLimited({ ...where, status: 429 }, 120000))).toMatch(/Rate limited by Genesys \(Retry-After 120 s\): retry later/);
  });

  it("become Errors named by tag that keep the value as cause", () => {
    const e = forbidden({ ...where, status: 403 });
    const error = toError(e);
    expect({ name: error.name, cause: error.cause, message: error.message }).toEqual({ name: "GenesysForbidden", cause: e, message: describeError(e) });
  });
});

describe("write error messages", () => {
  it.each([
    ["DamagedLog", "Run `genesys-eventbridge audit verify` to see which entry is damaged and restore the log from its backup or remove what was put there"],
    ["LockTimeout", "Wait for the other writer to finish (or remove the lock file if no process is writing)"],
    ["IoFailure", "Make the audit log writable (genesys:auditLogPath)"],
    ["StoreFailure", "Make the audit log writable (genesys:auditLogPath)"],
  ])("choose the fix for an audit log that refused the intent from its %s tag", (cause, fix) => {
    const message = describeWriteError({ _tag: "AuditUnavailable", refusal: auditRefusal(cause, "the log said no") });
    expect(message).toBe(`nothing was written to Genesys because the audit log refused the intent entry: the log said no. ${fix}, then run \`pulumi up\` again.`);
  });
});

describe("redact", () => {
  it("removes authorization headers, client secrets, access tokens and bearer credentials", () => {
    const value = {
      headers: { Authorization: "Bearer abc.def", accept: "json" },
      form: "grant_type=client_credentials&client_secret=s3cr3t-value",
      body: '{"access_token":"tok-123456","expires_in":60}',
      note: "sent Basic ZW11bGF0b3I6c2VjcmV0 and bearer xyz",
      nested: [{ client_secret: "x" }],
    };
    expect(redact(value)).toEqual({
      headers: { Authorization: "[REDACTED]", accept: "json" },
      form: "grant_type=client_credentials&client_secret=[REDACTED]",
      body: '{"access_token":"[REDACTED]","expires_in":60}',
      note: "sent Basic [REDACTED] and bearer [REDACTED]",
      nested: [{ client_secret: "[REDACTED]" }],
    });
  });

  it("removes known secret values wherever they appear", () => {
    expect(redact("the secret hunter2-long appears here", ["hunter2-long"])).toBe("the secret [REDACTED] appears here");
  });
});
