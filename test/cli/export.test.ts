import * as fs from "fs";
import * as path from "path";
import { RunningEmulator, startEmulator } from "../../src/emulator";
import { removeTempDirs, runCli, tempDir } from "./run-cli";
import { eventBridgeProperties, seedIntegrations } from "./seed-integrations";
import { ordersEventFilter, ordersFile } from "../genesys/integrations/orders-file";

const CLIENT = { clientId: "export-client", clientSecret: "export-client-secret-Ex4" };
const ROLE = "arn:aws:iam::123456789012:role/genesys-eb-role";
const ENV_KEYS = [
  "GENESYSCLOUD_OAUTHCLIENT_ID",
  "GENESYSCLOUD_OAUTHCLIENT_SECRET",
  "GENESYSCLOUD_REGION",
  "GENESYSCLOUD_API_BASE_URL",
  "GENESYSCLOUD_AUTH_BASE_URL",
  "GENESYS_EVENTBRIDGE_API",
] as const;

let emulator: RunningEmulator;
const saved: Record<string, string | undefined> = {};
const savedCwd = process.cwd();

/** Points the CLI at the emulator through the provider's environment variables. */
function useEnv(values: Partial<Record<(typeof ENV_KEYS)[number], string>>): void {
  for (const key of ENV_KEYS) delete process.env[key];
  Object.assign(process.env, values);
}

const emulatorEnv = () => ({ GENESYSCLOUD_OAUTHCLIENT_ID: CLIENT.clientId, GENESYSCLOUD_OAUTHCLIENT_SECRET: CLIENT.clientSecret, GENESYSCLOUD_API_BASE_URL: emulator.url });

/** A fresh project folder (with Pulumi.yaml) as the working folder. */
function inProject(): string {
  const dir = fs.realpathSync(tempDir());
  fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: p\nruntime: nodejs\n");
  process.chdir(dir);
  return dir;
}

const readJson = (file: string) => JSON.parse(fs.readFileSync(file, "utf8"));

/**
 * An integration whose config lacks the event source suffix (the API refuses
 * such a config write, so it is edited behind the API's back): its
 * definition derives a suffix from the id, so adopting it writes the suffix.
 */
async function withoutSuffix(name: string): Promise<string> {
  const [id] = await seedIntegrations(emulator.url, CLIENT, [{ name, properties: eventBridgeProperties("123456789012", "us-east-1", name, ["v2.detail.events.conversation.{id}.customer.start"]) }]);
  const properties = { awsAccountId: "123456789012", awsAccountRegion: "us-east-1", eventFilter: ["v2.detail.events.conversation.{id}.customer.start"] };
  const answer = await fetch(`${emulator.url}/__emulator/integrations/${id}`, { method: "PATCH", body: JSON.stringify({ config: { properties } }), headers: { "content-type": "application/json" } });
  expect(answer.status).toBe(200);
  return id;
}

beforeAll(async () => {
  for (const key of ENV_KEYS) saved[key] = process.env[key];
  emulator = await startEmulator({ port: 0, ...CLIENT });
});

beforeEach(async () => {
  await emulator.reset();
  useEnv(emulatorEnv());
});

afterEach(() => process.chdir(savedCwd));

afterAll(async () => {
  for (const key of ENV_KEYS) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
  await emulator?.close();
  removeTempDirs();
});

describe("export", () => {
  it("writes one definition file per integration and prints the stack config that adopts them", async () => {
    const [ordersId, auditId] = await seedIntegrations(emulator.url, CLIENT, [
      { name: "orders", properties: eventBridgeProperties("123456789012", "us-east-1", "orders-prod", ordersEventFilter) },
      { name: "audit-trail", intendedState: "DISABLED", properties: eventBridgeProperties("210987654321", "cn-north-1", "audit", ["audits.entity"]) },
    ]);
    const project = inProject();
    const run = await runCli("export", "--out", "definitions", "--role-arn", ROLE);
    expect(run).toEqual({
      code: 0,
      out: [
        `# 2 amazon-eventbridge-source integrations exported to ${path.join(project, "definitions")}`,
        `#   definitions/audit-trail.json <- integration ${auditId} (DISABLED)`,
        `#   definitions/orders.json <- integration ${ordersId} (ENABLED)`,
        "# Stack config for Pulumi.<stack>.yaml (add the entries to a sources list the stack has already);",
        "# `pulumi up` then adopts the integrations:",
        "config:",
        "  genesys-eventbridge:adoptExisting: true",
        "  genesys-eventbridge:sources:",
        '    - definition: "definitions/audit-trail.json"',
        '    - definition: "definitions/orders.json"',
      ].join("\n"),
      err: "note: definitions/audit-trail.json: configuration.roleArn is a placeholder; pass --role-arn for account 210987654321 or edit the file",
    });
    expect(readJson(path.join(project, "definitions", "orders.json"))).toEqual(ordersFile("ENABLED", ROLE));
    expect(fs.readFileSync(path.join(project, "definitions", "audit-trail.json"), "utf8")).toBe(
      `${JSON.stringify(
        {
          id: "audit-trail",
          eventSourceSuffix: "audit",
          intendedState: "DISABLED",
          configuration: { awsAccountId: "210987654321", roleArn: "<set: arn:aws-cn:iam::210987654321:role/NAME>", region: "cn-north-1" },
          filters: [{ eventType: "audits.entity", conditions: [] }],
        },
        null,
        2,
      )}\n`,
    );
  });

  it("writes files that validate, except for the placeholder role, which validation names", async () => {
    await seedIntegrations(emulator.url, CLIENT, [
      { name: "orders", properties: eventBridgeProperties("123456789012", "us-east-1", "orders-prod", ["v2.detail.events.conversation.{id}.customer.start"]) },
      { name: "other-account", properties: eventBridgeProperties("210987654321", "eu-west-1", "other", ["v2.detail.events.conversation.{id}.customer.start"]) },
    ]);
    const out = tempDir();
    expect((await runCli("export", "--out", out, "--role-arn", ROLE)).code).toBe(0);
    const valid = await runCli("validate", path.join(out, "orders.json"));
    expect([valid.code, valid.out.split("\n").slice(0, 2)]).toEqual([0, ["valid: orders", "  intended state: ENABLED"]]);
    expect(await runCli("validate", path.join(out, "other-account.json"))).toEqual({
      code: 1,
      out: "",
      err:
        "configuration.roleArn: expected an IAM role ARN arn:<aws|aws-us-gov|aws-cn>:iam::<12-digit account>:role/<name>, " +
        'found "<set: arn:aws:iam::210987654321:role/NAME>"',
    });
  });

  it("names the stack config paths absolutely when the folder is outside the Pulumi project", async () => {
    await seedIntegrations(emulator.url, CLIENT, [{ name: "orders", properties: eventBridgeProperties("123456789012", "us-east-1", "orders", ["v2.detail.events.conversation.{id}.customer.start"]) }]);
    inProject();
    const out = fs.realpathSync(tempDir());
    const run = await runCli("export", "--out", out, "--role-arn", ROLE, "--json");
    expect([run.code, run.err, JSON.parse(run.out).config]).toEqual([
      0,
      "",
      { "genesys-eventbridge:adoptExisting": true, "genesys-eventbridge:sources": [{ definition: path.join(out, "orders.json") }] },
    ]);
  });

  it("prints one JSON document with --json", async () => {
    const id = await withoutSuffix("orders");
    const project = inProject();
    const run = await runCli("export", "--json", "--out", "defs");
    expect([run.code, run.err, run.out.split("\n").length, JSON.parse(run.out)]).toEqual([
      0,
      "",
      1,
      {
        ok: true,
        directory: path.join(project, "defs"),
        sources: [{ id: "orders", remoteId: id, file: "defs/orders.json", intendedState: "ENABLED", roleArnMissing: true, writes: ["eventSourceSuffix"] }],
        config: { "genesys-eventbridge:adoptExisting": true, "genesys-eventbridge:sources": [{ definition: "defs/orders.json" }] },
        problems: [],
      },
    ]);
  });

  it("says when adopting an integration would write, because it differs from its definition", async () => {
    await withoutSuffix("orders");
    const run = await runCli("export", "--out", tempDir(), "--role-arn", ROLE);
    expect([run.code, run.err]).toEqual([0, "note: orders: the integration differs from its definition at eventSourceSuffix; adopting it writes them"]);
  });

  it("exports what it can and exits 1 naming the integrations it cannot export", async () => {
    const [spaced, empty, twinA, twinB] = await seedIntegrations(emulator.url, CLIENT, [
      { name: "Console source", properties: eventBridgeProperties("123456789012", "us-east-1", "console", ["v2.detail.events.conversation.{id}.customer.start"]) },
      { name: "empty", intendedState: "DISABLED" },
      { name: "twin", properties: eventBridgeProperties("123456789012", "us-east-1", "twin-a", ["v2.detail.events.conversation.{id}.customer.start"]) },
      { name: "Twin", properties: eventBridgeProperties("123456789012", "us-east-1", "twin-b", ["v2.detail.events.conversation.{id}.customer.start"]) },
      { name: "orders", properties: eventBridgeProperties("123456789012", "us-east-1", "orders", ["v2.detail.events.conversation.{id}.customer.start"]) },
    ]);
    const out = tempDir();
    const run = await runCli("export", "--out", out, "--role-arn", ROLE);
    expect([run.code, run.err.split("\n"), fs.readdirSync(out)]).toEqual([
      1,
      [
        `"Console source" (${spaced}): id: expected an id of 1..128 letters, digits, '.', '_' or '-', found "Console source" (from the integration's name)`,
        `"Twin" (${twinB}): shares its name with ${twinA} "twin": a definition id names one integration; rename or delete all but one in Genesys Cloud`,
        `"empty" (${empty}): configuration.awsAccountId: is required: expected a 12-digit AWS account id (from the integration's properties.awsAccountId)`,
        `"empty" (${empty}): configuration.region: is required: expected an AWS region name such as us-east-1 (from the integration's properties.awsAccountRegion)`,
        `"empty" (${empty}): filters: expected a non-empty array of Filter, found [] (from the integration's properties.eventFilter)`,
        `"twin" (${twinA}): shares its name with ${twinB} "Twin": a definition id names one integration; rename or delete all but one in Genesys Cloud`,
      ],
      ["orders.json"],
    ]);
    expect(run.out.split("\n").slice(-2)).toEqual(["  genesys-eventbridge:sources:", `    - definition: ${JSON.stringify(path.join(out, "orders.json"))}`]);
  });

  it("refuses to overwrite existing files without --force, writing nothing", async () => {
    await seedIntegrations(emulator.url, CLIENT, [
      { name: "alpha", properties: eventBridgeProperties("123456789012", "us-east-1", "alpha", ["v2.detail.events.conversation.{id}.customer.start"]) },
      { name: "beta", properties: eventBridgeProperties("123456789012", "us-east-1", "beta", ["v2.detail.events.conversation.{id}.customer.start"]) },
    ]);
    const out = tempDir();
    fs.writeFileSync(path.join(out, "beta.json"), "edited by hand");
    expect(await runCli("export", "--out", out)).toEqual({
      code: 1,
      out: "",
      err: `${path.join(out, "beta.json")}: exists; pass --force to overwrite it, or choose another --out`,
    });
    expect(fs.readdirSync(out)).toEqual(["beta.json"]);
    expect((await runCli("export", "--out", out, "--force")).code).toBe(0);
    expect([fs.readdirSync(out), readJson(path.join(out, "beta.json")).id]).toEqual([["alpha.json", "beta.json"], "beta"]);
  });

  it("prints a comment and no config when the organization has no EventBridge integrations", async () => {
    expect(await runCli("export", "--out", tempDir())).toEqual({ code: 0, out: "# no amazon-eventbridge-source integrations to export", err: "" });
  });

  it("exits 1 with the Genesys error when the credentials are refused", async () => {
    useEnv({ ...emulatorEnv(), GENESYSCLOUD_OAUTHCLIENT_ID: "someone-else" });
    const run = await runCli("export", "--out", tempDir());
    expect([run.code, run.out]).toEqual([1, ""]);
    expect(run.err).toMatch(/^POST \/oauth\/token \(HTTP 401\)/);
    expect(run.err).not.toContain(CLIENT.clientSecret);
  });

  it.each([
    [
      "missing settings",
      {},
      [],
      "missing or invalid Genesys Cloud settings:\n  GENESYSCLOUD_OAUTHCLIENT_ID: missing\n  GENESYSCLOUD_OAUTHCLIENT_SECRET: missing\n" +
        "  GENESYSCLOUD_REGION: missing: set a region (e.g. us-east-1) or GENESYSCLOUD_API_BASE_URL",
    ],
    [
      "an unknown region",
      { GENESYSCLOUD_OAUTHCLIENT_ID: "a", GENESYSCLOUD_OAUTHCLIENT_SECRET: "b", GENESYSCLOUD_REGION: "mars-1" },
      [],
      "missing or invalid Genesys Cloud settings:\n  GENESYSCLOUD_REGION: unknown region 'mars-1'",
    ],
    ["a malformed --role-arn", null, ["--role-arn", "role/x"], "option --role-arn: expected an IAM role ARN"],
    [
      "two roles for one account",
      null,
      ["--role-arn", ROLE, "--role-arn", "arn:aws:iam::123456789012:role/other"],
      `option --role-arn: two roles for account 123456789012 (${ROLE}, arn:aws:iam::123456789012:role/other); give one per account`,
    ],
    ["an argument", null, ["defs"], "unexpected argument 'defs'"],
  ])("exits 2 on %s", async (_, env, args, message) => {
    if (env !== null) useEnv(env);
    const run = await runCli("export", ...args);
    expect([run.code, run.out, run.err.startsWith(`genesys-eventbridge export: ${message}`)]).toEqual([2, "", true]);
    expect(run.err.endsWith("\nusage: genesys-eventbridge export [--out <dir>] [--role-arn <arn>]... [--force] [--json]")).toBe(true);
  });
});
