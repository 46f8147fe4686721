import { redact, REDACTED } from "../../src/http/redact";

describe("redact", () => {
  it("replaces every occurrence of each known secret, longest first", () => {
    expect(redact("token-value abc123 and abc123def and abc123", ["abc123", "abc123def"])).toBe(`token-value ${REDACTED} and ${REDACTED} and ${REDACTED}`);
  });

  it("removes bearer tokens, Authorization values and client secrets it was not told about", () => {
    expect(
      redact('POST /oauth/token failed: Authorization: Basic dXNlcjpwYXNz; body client_secret=s3cr3t&grant_type=x; "Bearer eyJhbGciOi.abc"'),
    ).toBe('POST /oauth/token failed: Authorization: [REDACTED]; body client_secret=[REDACTED]&grant_type=x; "Bearer [REDACTED]"');
  });

  it("removes password, secret and token values in text", () => {
    expect(redact("login failed: password=hunter2x; secret: 'abc'; token=eyJ0eXAi")).toBe("login failed: password=[REDACTED]; secret: '[REDACTED]'; token=[REDACTED]");
  });

  it("replaces sensitive keys of objects at any depth and leaves other values", () => {
    expect(redact({ headers: { Authorization: "Basic x", accept: "json" }, body: [{ client_secret: "s" }], n: 1 })).toEqual({
      headers: { Authorization: REDACTED, accept: "json" },
      body: [{ client_secret: REDACTED }],
      n: 1,
    });
  });

  it("leaves text without secrets unchanged and ignores short known strings", () => {
    expect(redact("HTTP 409 conflict on source src-1", ["", "src"])).toBe("HTTP 409 conflict on source src-1");
  });
});
