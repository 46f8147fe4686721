import * as path from "node:path";
import { readSettings } from "../../src/pulumi/settings";

const base: Record<string, string> = { clientId: "id", clientSecret: "secret", region: "us-east-1" };
const settingsOf = (config: Record<string, string>, env: Record<string, string> = {}) =>
  readSettings((key) => ({ ...base, ...config })[key], env).settings;

describe("the provider's audit settings", () => {
  it("carry an s3:// audit log and its endpoint through unchanged", () => {
    const settings = settingsOf({ auditLogPath: "s3://audit-bucket/prod", auditS3Endpoint: "http://127.0.0.1:9000" });
    expect({ auditLogPath: settings?.auditLogPath, auditS3Endpoint: settings?.auditS3Endpoint }).toEqual({
      auditLogPath: "s3://audit-bucket/prod",
      auditS3Endpoint: "http://127.0.0.1:9000",
    });
  });

  it("resolve a relative audit log path to an absolute one and leave the endpoint out when not set", () => {
    const settings = settingsOf({ auditLogPath: "audit.jsonl" });
    expect({ absolute: path.isAbsolute(settings!.auditLogPath), name: path.basename(settings!.auditLogPath), endpoint: "auditS3Endpoint" in settings! }).toEqual({
      absolute: true,
      name: "audit.jsonl",
      endpoint: false,
    });
  });

  it("take GENESYS_EVENTBRIDGE_AUDIT_LOG when stack config names no audit log", () => {
    expect(settingsOf({}, { GENESYS_EVENTBRIDGE_AUDIT_LOG: "s3://from-env-bucket" })?.auditLogPath).toBe("s3://from-env-bucket");
  });
});
