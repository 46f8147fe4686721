import * as path from "node:path";
import { defaultAuditLogPath } from "../../src/audit";

describe("defaultAuditLogPath", () => {
  const cwd = path.resolve("/project");

  it("is .genesys-eventbridge/audit.jsonl under the working directory when no variable is set", () => {
    expect(defaultAuditLogPath({}, cwd)).toBe(path.join(cwd, ".genesys-eventbridge", "audit.jsonl"));
  });

  it("prefers GENESYS_EVENTBRIDGE_AUDIT_LOG, then GENESYS_AUDIT_LOG, resolving relative paths", () => {
    expect({
      both: defaultAuditLogPath({ GENESYS_EVENTBRIDGE_AUDIT_LOG: "a.jsonl", GENESYS_AUDIT_LOG: "b.jsonl" }, cwd),
      alias: defaultAuditLogPath({ GENESYS_EVENTBRIDGE_AUDIT_LOG: "", GENESYS_AUDIT_LOG: "logs/b.jsonl" }, cwd),
    }).toEqual({ both: path.join(cwd, "a.jsonl"), alias: path.join(cwd, "logs", "b.jsonl") });
  });
});
