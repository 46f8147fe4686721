import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { findProjectRoot, resolveAuditLocation } from "../../src/audit/default-path";

let project: string;
let outside: string;
beforeAll(async () => {
  const base = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), "audit-location-")));
  project = path.join(base, "project");
  outside = path.join(base, "outside");
  await fs.mkdir(path.join(project, "bin", "deeper"), { recursive: true });
  await fs.mkdir(outside, { recursive: true });
  await fs.writeFile(path.join(project, "Pulumi.yaml"), "name: p\nruntime: nodejs\nmain: bin/\n");
});
afterAll(async () => {
  await fs.rm(path.dirname(project), { recursive: true, force: true });
});

describe("findProjectRoot", () => {
  it("finds the folder holding Pulumi.yaml from the folder itself and from below it, and nothing outside a project", () => {
    expect({
      root: findProjectRoot(project),
      program: findProjectRoot(path.join(project, "bin")),
      deeper: findProjectRoot(path.join(project, "bin", "deeper")),
      outside: findProjectRoot(outside),
    }).toEqual({ root: project, program: project, deeper: project, outside: undefined });
  });
});

describe("resolveAuditLocation", () => {
  const defaultLog = (root: string) => path.join(root, ".genesys-eventbridge", "audit.jsonl");

  it("puts the default log in the project root whether it runs in the root or in the compiled program's folder", () => {
    expect({
      root: resolveAuditLocation(undefined, project, {}),
      program: resolveAuditLocation(undefined, path.join(project, "bin"), {}),
    }).toEqual({ root: defaultLog(project), program: defaultLog(project) });
  });

  it("resolves a relative path against the project root and keeps absolute paths", () => {
    expect({
      relative: resolveAuditLocation("logs/audit.jsonl", path.join(project, "bin"), {}),
      absolute: resolveAuditLocation("/var/log/audit.jsonl", path.join(project, "bin"), {}),
    }).toEqual({ relative: path.join(project, "logs", "audit.jsonl"), absolute: path.resolve("/var/log/audit.jsonl") });
  });

  it("falls back to the working folder outside any project", () => {
    expect(resolveAuditLocation(undefined, outside, {})).toBe(defaultLog(outside));
  });

  it("takes GENESYS_EVENTBRIDGE_AUDIT_LOG when no location is given, resolving it the same way; empty counts as unset", () => {
    const cwd = path.join(project, "bin");
    expect({
      named: resolveAuditLocation(undefined, cwd, { GENESYS_EVENTBRIDGE_AUDIT_LOG: "logs/a.jsonl" }),
      emptyVariable: resolveAuditLocation(undefined, cwd, { GENESYS_EVENTBRIDGE_AUDIT_LOG: "" }),
      emptyArgument: resolveAuditLocation("", cwd, { GENESYS_EVENTBRIDGE_AUDIT_LOG: "logs/a.jsonl" }),
      givenWins: resolveAuditLocation("b.jsonl", cwd, { GENESYS_EVENTBRIDGE_AUDIT_LOG: "logs/a.jsonl" }),
    }).toEqual({
      named: path.join(project, "logs", "a.jsonl"),
      emptyVariable: defaultLog(project),
      emptyArgument: path.join(project, "logs", "a.jsonl"),
      givenWins: path.join(project, "b.jsonl"),
    });
  });

  it("returns an s3:// location unchanged, from an argument or the environment", () => {
    expect({
      given: resolveAuditLocation("s3://audit-bucket/team/prod", project, {}),
      env: resolveAuditLocation(undefined, project, { GENESYS_EVENTBRIDGE_AUDIT_LOG: "S3://audit-bucket" }),
    }).toEqual({ given: "s3://audit-bucket/team/prod", env: "S3://audit-bucket" });
  });
});
