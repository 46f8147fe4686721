import { redactSecrets } from "../../src/audit";

describe("redactSecrets", () => {
  it("replaces every occurrence of each given secret, longest first", () => {
    expect(redactSecrets("token abc and abcdef and abc", ["abc", "abcdef"])).toBe("token [REDACTED] and [REDACTED] and [REDACTED]");
  });

  it("removes bearer tokens, Authorization values and client secrets it was not told about", () => {
    expect(
      redactSecrets('POST /oauth/token failed: Authorization: Basic dXNlcjpwYXNz; body client_secret=s3cr3t&grant_type=x; "Bearer eyJhbGciOi.abc"'),
    ).toBe('POST /oauth/token failed: Authorization: Basic [REDACTED]; body client_secret=[REDACTED]&grant_type=x; "Bearer [REDACTED]"');
  });

  it("leaves text without secrets unchanged and ignores empty secrets", () => {
    expect(redactSecrets("HTTP 409 conflict on source src-1", ["", undefined])).toBe("HTTP 409 conflict on source src-1");
  });
});
