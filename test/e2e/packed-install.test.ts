/**
 * The package as a user meets it: `npm pack`, installed from the tarball into
 * a fresh Pulumi project of their own (its own TypeScript program compiled
 * with `tsc` to bin/, Pulumi.yaml `main: bin/`), then the real engine against
 * the emulator: preview, up, a changed condition shown by `preview --diff`,
 * up, refresh; the project folder moved, preview again; destroy without the
 * package installed, then destroy. The user's project is on the lowest
 * `@pulumi/pulumi` the package's peer range admits, so the range is proven.
 */
import axios from "axios";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { LocalWorkspace, PulumiCommand, Stack } from "@pulumi/pulumi/automation";
import { engineEnv, engineOrSkip } from "../../scripts/engine-env";
import { startEmulator, RunningEmulator } from "../../src/emulator";
import { lowestPulumiSdk, packPackage, run } from "../support/pack";

const engine = engineOrSkip();
const describeEngine = engine ? describe : describe.skip;
const T = 180_000;
const CLIENT = { clientId: "packed-client", clientSecret: "packed-client-secret-4Rw9" };
const STACK = "packed";
const SOURCE_ID = "packed-source-01";

/** The user's program: one source, its definition written inline as the README shows. */
function program(excludedChannel: string): string {
  return `import * as pulumi from "@pulumi/pulumi";
import { EventBridgeSource } from "genesys-eventbridge";
import { validateDefinition } from "genesys-eventbridge/definition";
import type { VerifyOptions } from "genesys-eventbridge/webhook";
import type { EmulatorOptions } from "genesys-eventbridge/emulator";

const definition = {
  id: "${SOURCE_ID}",
  configuration: { awsAccountId: "123456789012", region: "us-east-1", roleArn: "arn:aws:iam::123456789012:role/genesys-eb-role" },
  filters: [{
    eventType: "v2.detail.events.conversation.{id}.customer.start",
    conditions: [
      { field: "mediaType", operator: "neq", value: "${excludedChannel}" },
      { field: "eventTime", operator: "gte", value: 2 },
    ],
  }],
  transformations: [{ sourceField: "eventTime", targetField: "eventTime", type: "transform", format: "iso8601" }],
  attributeMappings: [{ source: "divisionId", target: "custom.division" }],
} as const;

if (validateDefinition(definition)._tag === "Left") throw new Error("invalid definition");

const source = new EventBridgeSource("conversations", {
  ...definition,
  samples: [{ eventType: "v2.detail.events.conversation.{id}.customer.start", event: { mediaType: "VOICE", eventTime: 1705312800000, divisionId: "d-42" } }],
});

export const payloadHash = source.payloadHash;
export const eventPattern = source.eventPattern;
export const remoteId = source.remoteId;
export type Unused = [VerifyOptions, EmulatorOptions, pulumi.Output<string>];
`;
}

describeEngine("a packed install in a user's own Pulumi project", () => {
  let work: string;
  let app: string;
  let emulator: RunningEmulator;
  let stack: Stack;
  let envVars: Record<string, string>;
  const output: string[] = [];
  const remote = async () => (await axios.get(`${emulator.url}/__emulator/integrations`)).data.entities as Array<Record<string, any>>;
  const writes = () => emulator.journal().filter((j) => j.method !== "GET" && j.path.startsWith("/api/"));
  const tsc = () => run(process.execPath, [path.join(app, "node_modules", "typescript", "bin", "tsc"), "-p", app], app);
  const workspace = async (dir: string) =>
    LocalWorkspace.selectStack(
      { stackName: STACK, workDir: dir },
      { pulumiCommand: await PulumiCommand.get({ root: engine!.root, skipVersionCheck: true }), envVars },
    );
  const failure = async (p: Promise<unknown>): Promise<string> => {
    const e = await p.then(() => undefined, (err) => err);
    if (e === undefined) throw new Error("the operation succeeded but should have failed");
    const text = String(e.message ?? e) + String(e.stdout ?? "") + String(e.stderr ?? "");
    output.push(text);
    return text;
  };

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), "geb-packed-e2e-"));
    const tarball = packPackage(work);
    app = path.join(work, "app");
    fs.mkdirSync(app);
    // Pinned as a user's lock file would pin them; installed from the npm cache when it holds them.
    // The SDK is the oldest the peer range admits: what that range promises works is run here.
    const manifest = {
      name: "user-program",
      version: "1.0.0",
      private: true,
      dependencies: { "genesys-eventbridge": `file:${tarball}`, "@pulumi/pulumi": lowestPulumiSdk() },
      devDependencies: { typescript: "~5.9.3", "@types/node": "^20.19.43" },
    };
    fs.writeFileSync(path.join(app, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
    const install = run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund"], app);
    if (install.code !== 0) throw new Error(`npm install failed: ${install.out}`);
    fs.writeFileSync(path.join(app, "Pulumi.yaml"), "name: user-program\nruntime: nodejs\nmain: bin/\n");
    fs.writeFileSync(
      path.join(app, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: { strict: true, outDir: "bin", target: "es2020", module: "commonjs", moduleResolution: "node", skipLibCheck: true, types: ["node"] },
        files: ["index.ts"],
      }),
    );
    fs.writeFileSync(path.join(app, "index.ts"), program("EMAIL"));

    emulator = await startEmulator({ port: 0, ...CLIENT });
    envVars = engineEnv({ stateDir: path.join(work, "state"), home: path.join(work, "pulumi-home"), binDir: engine!.binDir });
    stack = await LocalWorkspace.createStack(
      { stackName: STACK, workDir: app },
      { pulumiCommand: await PulumiCommand.get({ root: engine!.root, skipVersionCheck: true }), envVars },
    );
    await stack.setAllConfig({
      "genesys:apiBaseUrl": { value: emulator.url },
      "genesys:clientId": { value: CLIENT.clientId },
      "genesys:clientSecret": { value: CLIENT.clientSecret, secret: true },
    });
  }, T);

  afterAll(async () => {
    // Whatever a failed step left: the stack's resources go with its state folder.
    await emulator?.close();
    if (work !== undefined) fs.rmSync(work, { recursive: true, force: true });
  }, T);

  test("the user's project holds one @pulumi/pulumi, the version it chose", () => {
    const sdk = JSON.parse(fs.readFileSync(path.join(app, "node_modules", "@pulumi", "pulumi", "package.json"), "utf8")).version;
    expect([sdk, fs.existsSync(path.join(app, "node_modules", "genesys-eventbridge", "node_modules", "@pulumi", "pulumi"))]).toEqual([lowestPulumiSdk(), false]);
  });

  test("the installed package's entry points load: resource, hook, definition tools, webhook verification and receiver, emulator", () => {
    const script = `
      const names = (m, keys) => keys.map((k) => k + ":" + typeof require(m)[k]).join(" ");
      console.log(names("genesys-eventbridge", ["EventBridgeSource", "webhookHook", "eventBridgeSourceProvider"]));
      console.log(names("genesys-eventbridge/definition", ["validateDefinition", "projectSamples", "compileRoute"]));
      console.log(names("genesys-eventbridge/webhook", ["verifyWebhookSignature", "startWebhookReceiver"]));
      console.log(names("genesys-eventbridge/emulator", ["startEmulator"]));
      console.log(names("genesys-eventbridge/provider", ["check", "create", "delete"]));
      try { require("genesys-eventbridge/aws"); } catch (e) { console.log("aws: " + e.code + " " + e.message.split("\\n")[0]); }`;
    expect(run(process.execPath, ["-e", script], app)).toEqual({
      code: 0,
      out: [
        "EventBridgeSource:function webhookHook:function eventBridgeSourceProvider:object",
        "validateDefinition:function projectSamples:function compileRoute:function",
        "verifyWebhookSignature:function startWebhookReceiver:function",
        "startEmulator:function",
        "check:function create:function delete:function",
        // `@pulumi/aws` is an optional peer dependency: only the component needs it.
        "aws: MODULE_NOT_FOUND Cannot find module '@pulumi/aws'",
        "",
      ].join("\n"),
    });
  });

  test("the user's program compiles with tsc against the shipped declarations", () => {
    expect(tsc()).toEqual({ code: 0, out: "" });
    expect(fs.existsSync(path.join(app, "bin", "index.js"))).toBe(true);
  });

  test("preview shows the source to create and writes nothing", async () => {
    const preview = await stack.preview({ color: "never" });
    output.push(preview.stdout, preview.stderr);
    expect(preview.changeSummary).toEqual({ create: 2 });
    expect(writes()).toEqual([]);
  }, T);

  test("up creates the source", async () => {
    const up = await stack.up({ color: "never" });
    output.push(up.stdout, up.stderr);
    expect(up.summary.resourceChanges).toEqual({ create: 2 });
    const [integration] = await remote();
    expect([up.outputs.remoteId.value, up.outputs.payloadHash.value]).toEqual([integration.id, expect.stringMatching(/^[0-9a-f]{64}$/)]);
    expect(JSON.parse(up.outputs.eventPattern.value).detail.eventBody.mediaType).toEqual([{ "anything-but": "EMAIL" }]);
  }, T);

  test("a changed condition: preview --diff names the property, up updates the source in place", async () => {
    fs.writeFileSync(path.join(app, "index.ts"), program("MESSAGE"));
    expect(tsc()).toEqual({ code: 0, out: "" });
    const preview = await stack.preview({ diff: true, color: "never" });
    output.push(preview.stdout, preview.stderr);
    expect(preview.changeSummary).toEqual({ same: 1, update: 1 });
    const changed = preview.stdout.split("\n").filter((l) => /^\s+[~+-] /.test(l)).map((l) => l.trim());
    // The one condition value, at its path, in place (no replacement).
    expect(changed).toEqual([
      "~ pulumi-nodejs:dynamic/genesys:EventBridgeSource: (update)",
      "~ filters          : [",
      "~ [0]: {",
      "~ conditions: [",
      "~ [0]: {",
      '~ value   : "EMAIL" => "MESSAGE"',
      "~ 1 to update",
    ]);
    const up = await stack.up({ color: "never" });
    output.push(up.stdout, up.stderr);
    expect(up.summary.resourceChanges).toEqual({ same: 1, update: 1 });
    expect(JSON.parse(up.outputs.eventPattern.value).detail.eventBody.mediaType).toEqual([{ "anything-but": "MESSAGE" }]);
  }, T);

  test("refresh finds the source as it was left", async () => {
    const refresh = await stack.refresh({ color: "never" });
    output.push(refresh.stdout, refresh.stderr);
    expect(refresh.summary.resourceChanges).toEqual({ same: 2 });
  }, T);

  test("the project folder moved: preview shows no change", async () => {
    const moved = path.join(work, "moved-app");
    fs.renameSync(app, moved);
    app = moved;
    stack = await workspace(app);
    const preview = await stack.preview({ color: "never" });
    output.push(preview.stdout, preview.stderr);
    expect(preview.changeSummary).toEqual({ same: 2 });
  }, T);

  test("without the package installed, destroy names the project folder and the fix, and removes nothing", async () => {
    const installed = path.join(app, "node_modules", "genesys-eventbridge");
    const aside = path.join(work, "genesys-eventbridge-aside");
    fs.renameSync(installed, aside);
    try {
      const text = await failure(stack.destroy({ color: "never" }));
      expect(text).toContain(`genesys-eventbridge is not installed in ${app}; run npm ci`);
      expect(text).not.toContain("operations.js");
      expect(text).not.toMatch(/^\s+.*\bat .*<anonymous>/m); // no stack trace of the provider's closure
    } finally {
      fs.renameSync(aside, installed);
    }
    expect((await remote()).length).toBe(1);
  }, T);

  test("destroy removes the source", async () => {
    const destroy = await stack.destroy({ color: "never" });
    output.push(destroy.stdout, destroy.stderr);
    expect(destroy.summary.resourceChanges).toEqual({ delete: 2 });
    expect(await remote()).toEqual([]);
    // Nothing of the client secret reached what the engine printed.
    expect(output.join("\n")).not.toContain(CLIENT.clientSecret);
  }, T);
});
