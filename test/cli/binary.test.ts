import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { EXAMPLES, removeTempDirs, tempDir, writeJson } from "./run-cli";

/*
 * Runs the real `bin/genesys-eventbridge.js` against a private build of the
 * CLI (compiled here, so the test neither needs nor disturbs a shared `dist/`).
 */
const ROOT = path.join(__dirname, "..", "..");
const BASE = path.join(ROOT, "dist", `.cli-test-${process.pid}`);
const BIN = path.join(BASE, "bin", "genesys-eventbridge.js");

function run(...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", cwd: ROOT });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  const tsc = path.join(ROOT, "node_modules", "typescript", "bin", "tsc");
  const options = ["--outDir", path.join(BASE, "dist"), "--rootDir", ROOT, "--module", "commonjs", "--target", "ES2022"];
  const flags = ["--esModuleInterop", "--skipLibCheck", "--resolveJsonModule", "--noCheck", "--types", "node"];
  spawnSync(process.execPath, [tsc, path.join(ROOT, "src", "cli.ts"), ...options, ...flags], { cwd: ROOT, encoding: "utf8" });
  fs.mkdirSync(path.dirname(BIN), { recursive: true });
  fs.copyFileSync(path.join(ROOT, "bin", "genesys-eventbridge.js"), BIN);
}, 120000);

afterAll(() => {
  fs.rmSync(BASE, { recursive: true, force: true });
  removeTempDirs();
});

describe("the genesys-eventbridge binary", () => {
  it("exits 0 for the corrected example", () => {
    const r = run("validate", path.join(EXAMPLES, "definition.json"), "--samples", path.join(EXAMPLES, "samples"));
    expect([r.code, r.err, r.out.split("\n")[0]]).toEqual([0, "", "valid: eventbridge-source-prod-01"]);
  });

  it("exits 1 with the mismatch on stderr for the original sample", () => {
    const r = run("validate", path.join(EXAMPLES, "original-definition.json"), "--samples", path.join(EXAMPLES, "original-sample.json"));
    expect(r).toEqual({
      code: 1,
      out: "",
      err: "transformations[2].sourceField: does not resolve on samples[0] (conversation.created): metadata is missing\n",
    });
  });

  it("exits 2 with a usage line for an unknown flag", () => {
    expect(run("validate", "--bogus")).toEqual({
      code: 2,
      out: "",
      err: "genesys-eventbridge validate: unknown option --bogus\nusage: genesys-eventbridge validate <definition.json> [--samples <file-or-dir>]\n",
    });
  });

  it("prints the projected event as JSON", () => {
    const r = run("project", path.join(EXAMPLES, "definition.json"), "--event", path.join(EXAMPLES, "samples", "conversation-created.json"));
    expect([r.code, r.err, JSON.parse(r.out)]).toEqual([
      0,
      "",
      { convId: "c7d1a5f2-3b9e-4c1a-9f0e-2d6b8a4e1c35", agentIds: ["agent-001", "agent-002"], eventTime: "2024-01-15T10:00:00.000Z", custom: { tenant: "tenant-42" } },
    ]);
  });

  it("returns at once with a clear error for /dev/urandom", () => {
    const started = Date.now();
    expect(run("validate", "/dev/urandom")).toEqual({
      code: 1,
      out: "",
      err: "/dev/urandom: not a regular file (a character device); expected a JSON file\n",
    });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("refuses duplicate keys and accepts a byte order mark, one line on stderr, no stack trace", () => {
    const dir = fs.mkdtempSync(path.join(BASE, "files-"));
    const text = fs.readFileSync(path.join(EXAMPLES, "definition.json"), "utf8");
    const dup = path.join(dir, "dup.json");
    fs.writeFileSync(dup, text.replace('"id": "eventbridge-source-prod-01",', '"id": "eventbridge-source-prod-01",\n  "id": "other",'));
    expect(run("validate", dup)).toEqual({
      code: 1,
      out: "",
      err: `${dup}:3:3: id: duplicate key "id"; it is first given at 2:3 (JSON parsers keep only one of them: keep one key)\n`,
    });
    const bom = path.join(dir, "bom.json");
    fs.writeFileSync(bom, `\uFEFF${text}`);
    const r = run("validate", bom);
    expect([r.code, r.err, r.out.split("\n")[0]]).toEqual([0, "", "valid: eventbridge-source-prod-01"]);
  });

  it("refuses a 100k-deep sample with a depth error instead of a RangeError", () => {
    const dir = fs.mkdtempSync(path.join(BASE, "files-"));
    const deep = path.join(dir, "deep.json");
    fs.writeFileSync(deep, `{"eventType": "conversation.created", "event": ${"{\"a\":".repeat(100_000)}1${"}".repeat(100_000)}}`);
    expect(run("validate", path.join(EXAMPLES, "definition.json"), "--samples", deep)).toEqual({
      code: 1,
      out: "",
      err: `${deep}:1:${48 + 5 * 63}: event${".a".repeat(63)}: nested deeper than 64 levels of objects and arrays\n`,
    });
  });

  it("compiles the AWS route as JSON", () => {
    const r = run("compile", path.join(EXAMPLES, "definition.json"), "--partner-event-source", "aws.partner/genesys.com/cloud/org/genesys-prod-01", "--json");
    const route = JSON.parse(r.out);
    expect([r.code, r.err, JSON.parse(route.eventPattern).source, route.inputTransformer.inputTemplate, route.undelivered.map((u: { path: string }) => u.path)]).toEqual([
      0,
      "",
      ["aws.partner/genesys.com/cloud/org/genesys-prod-01"],
      '{"convId":<convId>,"custom":{"tenant":<customTenant>}}',
      ["transformations[1]", "transformations[2]"],
    ]);
  });

  it("exits 1 from compile, with the condition's path, when the pattern cannot express it", () => {
    const def = JSON.parse(fs.readFileSync(path.join(EXAMPLES, "definition.json"), "utf8"));
    def.filters[0].conditions.push({ field: "flags.vip", operator: "neq", value: true });
    const r = run("compile", writeJson(tempDir(), "neq-boolean.json", def));
    expect(r).toEqual({
      code: 1,
      out: "",
      err:
        "eventbridge-source-prod-01: the event pattern cannot express these conditions, so a rule would deliver events the definition filters out:\n" +
        "  filters[0].conditions[2]: neq true cannot be expressed: EventBridge anything-but matching takes strings and numbers only\n",
    });
  });
});
