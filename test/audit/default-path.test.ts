import * as path from "node:path";
import { defaultAuditLogPath } from "../../src/audit";

describe("defaultAuditLogPath", () => {
  const cwd = path.resolve("/project");

  it("is .genesys-eventbridge/audit.jsonl under the working directory when no variable is set", () => {
    expect(defaultAuditLogPath({}, cwd)).toBe(path.join(cwd, ".genesys-eventbridge", "audit.jsonl"));
  });

  it("takes GENESYS_EVENTBRIDGE_AUDIT_LOG (the provider's variable), resolving relative paths; empty counts as unset", () => {
    expect({
      named: defaultAuditLogPath({ GENESYS_EVENTBRIDGE_AUDIT_LOG: "logs/a.jsonl" }, cwd),
      empty: defaultAuditLogPath({ GENESYS_EVENTBRIDGE_AUDIT_LOG: "" }, cwd),
    }).toEqual({ named: path.join(cwd, "logs", "a.jsonl"), empty: path.join(cwd, ".genesys-eventbridge", "audit.jsonl") });
  });
});
