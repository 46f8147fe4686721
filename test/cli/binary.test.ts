import { spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { appendAuditEntry } from "../../src/audit/append";
import { RunningEmulator, startEmulator } from "../../src/emulator";
import { EXAMPLES, FIXTURES, removeTempDirs, tempDir, writeJson } from "./run-cli";
import { eventBridgeProperties, seedIntegrations } from "./seed-integrations";

/*
 * Runs the real `bin/genesys-eventbridge.js` against a private build of the
 * CLI (compiled here, so the test neither needs nor disturbs a shared `dist/`).
 */
const ROOT = path.join(__dirname, "..", "..");
const BASE = path.join(ROOT, "dist", `.cli-test-${process.pid}`);
const BIN = path.join(BASE, "bin", "genesys-eventbridge.js");

function run(...args: string[]): { code: number | null; out: string; err: string } {
  return runWith({}, ...args);
}

/**
 * Runs the binary without blocking this process, so that an emulator served
 * from this process can answer it.
 */
function runAsync(env: Record<string, string | undefined>, ...args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  const merged = { ...process.env, ...env };
  for (const [k, v] of Object.entries(merged)) if (v === undefined) delete merged[k];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: merged, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.setEncoding("utf8").on("data", (t: string) => (out += t));
    child.stderr.setEncoding("utf8").on("data", (t: string) => (err += t));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, out, err }));
  });
}

/** Runs the binary with standard input and environment variables of its own. */
function runWith(options: { input?: string | Buffer; env?: Record<string, string | undefined> }, ...args: string[]): { code: number | null; out: string; err: string } {
  const env = { ...process.env, ...options.env };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete env[k];
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", cwd: ROOT, env, ...(options.input === undefined ? {} : { input: options.input }) });
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
    const r = run("validate", path.join(FIXTURES, "definition.json"), "--samples", path.join(FIXTURES, "samples"));
    expect([r.code, r.err, r.out.split("\n")[0]]).toEqual([0, "", "valid: eventbridge-source-prod-01"]);
  });

  it("exits 1 with the mismatch on stderr for the original sample", () => {
    const r = run("validate", path.join(EXAMPLES, "original-definition.json"), "--samples", path.join(EXAMPLES, "original-sample.json"));
    expect(r).toEqual({
      code: 1,
      out: "",
      err: "transformations[2].sourceField: does not resolve on samples[0] (v2.detail.events.conversation.{id}.customer.start): metadata is missing\n",
    });
  });

  it("exits 2 with a usage line for an unknown flag", () => {
    expect(run("validate", "--bogus")).toEqual({
      code: 2,
      out: "",
      err: "genesys-eventbridge validate: unknown option --bogus\nusage: genesys-eventbridge validate <definition.json | -> [--samples <file | dir | ->] [--catalog <file>] [--json]\n",
    });
  });

  it("prints the projected event as JSON on one line", () => {
    const r = run("project", path.join(FIXTURES, "definition.json"), "--event", path.join(FIXTURES, "samples", "conversation-created.json"));
    expect([r.code, r.err, r.out.split("\n").length, JSON.parse(r.out)]).toEqual([
      0,
      "",
      2,
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
    const text = fs.readFileSync(path.join(FIXTURES, "definition.json"), "utf8");
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
    fs.writeFileSync(deep, `{"eventType": "v2.detail.events.conversation.{id}.customer.start", "event": ${"{\"a\":".repeat(100_000)}1${"}".repeat(100_000)}}`);
    expect(run("validate", path.join(FIXTURES, "definition.json"), "--samples", deep)).toEqual({
      code: 1,
      out: "",
      err: `${deep}:1:${77 + 5 * 63}: event${".a".repeat(63)}: nested deeper than 64 levels of objects and arrays\n`,
    });
  });

  it("compiles the AWS route as JSON", () => {
    const r = run("compile", path.join(FIXTURES, "definition.json"), "--partner-event-source", "aws.partner/genesys.com/cloud/org/genesys-prod-01", "--json");
    const route = JSON.parse(r.out);
    expect([r.code, r.err, JSON.parse(route.eventPattern).source, route.inputTransformer.inputTemplate, route.transform.kind, route.undelivered]).toEqual([
      0,
      "",
      ["aws.partner/genesys.com/cloud/org/genesys-prod-01"],
      '{"convId":<convId>,"custom":{"tenant":<customTenant>}}',
      "jsonata",
      [],
    ]);
  });

  it("exits 1 from compile, with the condition's path, when the pattern cannot express it", () => {
    const def = JSON.parse(fs.readFileSync(path.join(FIXTURES, "definition.json"), "utf8"));
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

  it("prints help on stdout with exit 0, and the version of the package", () => {
    const version = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).version;
    expect(run("--version")).toEqual({ code: 0, out: `${version}\n`, err: "" });
    const help = run("--help");
    expect([help.code, help.err, help.out.split("\n")[0], help.out]).toEqual([0, "", "usage: genesys-eventbridge <command> [options]", expect.stringContaining("\nexit codes:\n  0  success\n")]);
  });

  it("reads a definition piped into standard input", () => {
    const r = runWith({ input: fs.readFileSync(path.join(FIXTURES, "definition.json")) }, "validate", "-", "--json");
    expect([r.code, r.err, JSON.parse(r.out).id]).toEqual([0, "", "eventbridge-source-prod-01"]);
    const broken = runWith({ input: '{\n  "id": "x",\n  oops\n}' }, "validate", "-");
    expect(broken).toEqual({ code: 1, out: "", err: "<stdin>:3:3: not valid JSON: unexpected character \"o\"; expected a property name in double quotes\n" });
  });
});

/*
 * The exit-code table, per command, through the real binary: 0 success (and
 * --help), 1 invalid input or a failed check (a file that cannot be read,
 * missing or a directory, is invalid input too), 2 usage errors. With
 * --json, exits 0 and 1 print one JSON document on stdout and nothing on stderr.
 */
describe("the exit-code table of every command", () => {
  let emulator: RunningEmulator;
  let files: Record<string, string>;
  const CLIENT = { clientId: "binary-client", clientSecret: "binary-client-secret-Bn3" };
  const genesysEnv = () => ({
    GENESYSCLOUD_OAUTHCLIENT_ID: CLIENT.clientId,
    GENESYSCLOUD_OAUTHCLIENT_SECRET: CLIENT.clientSecret,
    GENESYSCLOUD_API_BASE_URL: emulator.url,
    GENESYSCLOUD_REGION: undefined,
    GENESYSCLOUD_AUTH_BASE_URL: undefined,
  });
  const noGenesysEnv = { GENESYSCLOUD_OAUTHCLIENT_ID: undefined, GENESYSCLOUD_OAUTHCLIENT_SECRET: undefined, GENESYSCLOUD_REGION: undefined, GENESYSCLOUD_API_BASE_URL: undefined };

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, ...CLIENT });
    const dir = tempDir();
    const invalid = JSON.parse(fs.readFileSync(path.join(FIXTURES, "definition.json"), "utf8"));
    invalid.filters[0].conditions[0].operator = "like";
    const inexpressible = JSON.parse(fs.readFileSync(path.join(FIXTURES, "definition.json"), "utf8"));
    inexpressible.filters[0].conditions.push({ field: "flags.vip", operator: "neq", value: true });
    const entry = { action: "delete" as const, sourceId: "s", payloadHash: "e".repeat(64), result: "success" as const };
    const log = path.join(dir, "audit.jsonl");
    const broken = path.join(dir, "broken.jsonl");
    for (let i = 0; i < 2; i++) await appendAuditEntry(log, entry);
    for (let i = 0; i < 2; i++) await appendAuditEntry(broken, entry);
    fs.writeFileSync(broken, fs.readFileSync(broken, "utf8").replace('"s"', '"t"'));
    const notADirectory = path.join(dir, "out-file");
    fs.writeFileSync(notADirectory, "");
    files = {
      dir,
      definition: path.join(FIXTURES, "definition.json"),
      sample: path.join(FIXTURES, "samples", "conversation-created.json"),
      invalid: writeJson(dir, "invalid.json", invalid),
      inexpressible: writeJson(dir, "inexpressible.json", inexpressible),
      missing: path.join(dir, "missing.json"),
      log,
      broken,
      notADirectory,
      out: path.join(dir, "export"),
    };
  });

  afterAll(async () => {
    await emulator?.close();
  });

  // Every row has four values: it.each passes a `done` callback to a test function with more parameters than the row.
  type Row = [string, () => string[], number, Record<string, string | undefined>];
  const rows: Row[] = ([
    ["validate: a valid definition", () => ["validate", files.definition], 0],
    ["validate: an invalid definition", () => ["validate", files.invalid], 1],
    ["validate: a missing file", () => ["validate", files.missing], 1],
    ["validate: a directory", () => ["validate", files.dir], 1],
    ["validate: no file", () => ["validate"], 2],
    ["project: a sample that resolves", () => ["project", files.definition, "--event", files.sample], 0],
    ["project: a sample that does not resolve", () => ["project", path.join(EXAMPLES, "original-definition.json"), "--event", path.join(EXAMPLES, "original-sample.json")], 1],
    ["project: a missing sample file", () => ["project", files.definition, "--event", files.missing], 1],
    ["project: a directory as the definition", () => ["project", files.dir, "--event", files.sample], 1],
    ["project: no --event", () => ["project", files.definition], 2],
    ["compile: a definition the pattern expresses", () => ["compile", files.definition], 0],
    ["compile: a condition the pattern cannot express", () => ["compile", files.inexpressible], 1],
    ["compile: a missing file", () => ["compile", files.missing], 1],
    ["compile: a directory", () => ["compile", files.dir], 1],
    ["compile: both --org-id and --partner-event-source", () => ["compile", files.definition, "--org-id", "o", "--partner-event-source", "p"], 2],
    ["audit verify: an intact log", () => ["audit", "verify", files.log], 0],
    ["audit verify: an edited log", () => ["audit", "verify", files.broken], 1],
    ["audit verify: a missing log", () => ["audit", "verify", files.missing], 1],
    ["audit verify: a directory", () => ["audit", "verify", files.dir], 1],
    ["audit verify: two logs", () => ["audit", "verify", files.log, files.broken], 2],
    ["export: an organization", () => ["export", "--out", files.out, "--force"], 0],
    ["export: --out naming a file", () => ["export", "--out", files.notADirectory], 1],
    ["export: refused credentials", () => ["export", "--out", files.out], 1, { GENESYSCLOUD_OAUTHCLIENT_SECRET: "wrong-secret" }],
    ["export: no Genesys Cloud settings", () => ["export", "--out", files.out], 2, noGenesysEnv],
    ["export: an argument", () => ["export", files.out], 2],
    ["emulator: an argument", () => ["emulator", "extra"], 2],
    ["emulator: a remote address without an admin token", () => ["emulator", "--host", "0.0.0.0", "--allow-remote"], 2],
  ] as Array<[string, () => string[], number, Record<string, string | undefined>?]>).map(([label, args, code, env]) => [`${label} exits ${code}`, args, code, env ?? {}]);

  it.each(rows)("%s", async (_, args, code, env) => {
    const r = await runAsync({ ...genesysEnv(), ...env }, ...args());
    expect([r.code, code === 0 ? r.err : r.out]).toEqual([code, ""]);
    expect(code === 0 ? r.out : r.err).not.toBe("");
    if (code === 2) expect(r.err).toMatch(/\nusage: genesys-eventbridge /);
  });

  it.each(rows.filter(([label, , code]) => code !== 2 && !label.startsWith("emulator")))(
    "%s, printing one JSON document with --json",
    async (_, args, code, env) => {
      const r = await runAsync({ ...genesysEnv(), ...env }, ...args(), "--json");
      expect([r.code, r.err, r.out.split("\n").length, JSON.parse(r.out).ok]).toEqual([code, "", 2, code === 0]);
    },
  );

  it.each([["validate"], ["project"], ["compile"], ["audit"], ["export"], ["emulator"]])("%s --help prints its usage on stdout and exits 0", (name) => {
    for (const flag of ["--help", "-h"]) {
      const r = run(name, flag);
      expect([r.code, r.err, r.out.split("\n")[0].startsWith(`usage: genesys-eventbridge ${name}`), r.out.includes("\nexit codes:\n")]).toEqual([0, "", true, true]);
    }
  });

  it("exports an organization's integrations with the credentials from the environment", async () => {
    await seedIntegrations(emulator.url, CLIENT, [{ name: "orders", properties: eventBridgeProperties("123456789012", "us-east-1", "orders", ["v2.detail.events.conversation.{id}.customer.start"]) }]);
    const out = path.join(files.dir, "exported");
    const r = await runAsync(genesysEnv(), "export", "--out", out, "--role-arn", "arn:aws:iam::123456789012:role/r");
    expect([r.code, r.err, r.out.trimEnd().split("\n").slice(-2), fs.readdirSync(out)]).toEqual([
      0,
      "",
      ["  genesys-eventbridge:sources:", `    - definition: ${JSON.stringify(path.join(out, "orders.json"))}`],
      ["orders.json"],
    ]);
  });
});
