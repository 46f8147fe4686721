/**
 * The real engine end to end on the smallest possible program: the Pulumi CLI,
 * our Node.js language host, the SDK's program runner and the dynamic-provider
 * plugin, against a file backend in a temporary directory.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { LocalWorkspace, PulumiCommand, Stack } from "@pulumi/pulumi/automation";
import { engineEnv, engineOrSkip } from "../../scripts/engine-env";

const engine = engineOrSkip();
const describeEngine = engine ? describe : describe.skip;

const fixtureDir = path.join(__dirname, "fixtures", "smoke");
const stackName = `smoke-${process.pid}`;
const engineTimeout = 120_000;

describeEngine("engine smoke test (file backend, dynamic provider)", () => {
  let tmp: string;
  let stack: Stack;

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "engine-smoke-"));
    const envVars = engineEnv({ stateDir: path.join(tmp, "state"), home: path.join(tmp, "home") });
    const pulumiCommand = await PulumiCommand.get({ root: engine!.root });
    stack = await LocalWorkspace.createOrSelectStack(
      { stackName, workDir: fixtureDir },
      { pulumiCommand, envVars },
    );
    await stack.setConfig("greeting", { value: "hi" });
    await stack.setConfig("secretWord", { value: "swordfish", secret: true });
  }, engineTimeout);

  afterAll(async () => {
    try {
      await stack?.workspace.removeStack(stackName, { force: true });
    } finally {
      // The stack's config file lands in the fixture directory; never leave it behind.
      fs.rmSync(path.join(fixtureDir, `Pulumi.${stackName}.yaml`), { force: true });
      if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
    }
  }, engineTimeout);

  test("up creates the dynamic resource and exports its outputs and the config", async () => {
    const result = await stack.up();

    expect(result.summary.result).toBe("succeeded");
    expect(result.summary.resourceChanges).toEqual({ create: 2 });
    expect(result.outputs).toEqual({
      greetingId: { value: "greeting-2", secret: false },
      shout: { value: "HI", secret: false },
      secretWord: { value: "swordfish", secret: true },
    });
  }, engineTimeout);

  test("a second up finds nothing to change", async () => {
    const result = await stack.up({ expectNoChanges: true });

    expect(result.summary.result).toBe("succeeded");
    expect(result.summary.resourceChanges).toEqual({ same: 2 });
  }, engineTimeout);

  test("preview reports a config change as an update of the dynamic resource", async () => {
    await stack.setConfig("greeting", { value: "howdy" });
    try {
      const result = await stack.preview({ diff: true });

      expect(result.changeSummary).toEqual({ same: 1, update: 1 });
      expect(result.stdout).toContain('greeting: "hi" => "howdy"');
    } finally {
      await stack.setConfig("greeting", { value: "hi" });
    }
  }, engineTimeout);

  test("a failed provider check names the resource and the property", async () => {
    await stack.setConfig("greeting", { value: "" });
    try {
      const failure = await stack.preview().then(
        () => new Error("preview succeeded"),
        (error: unknown) => error,
      );

      expect(String(failure)).toContain(
        "pulumi-nodejs:dynamic:Resource resource 'hello': property greeting value {} has a problem: " +
          "greeting must be a non-empty string",
      );
    } finally {
      await stack.setConfig("greeting", { value: "hi" });
    }
  }, engineTimeout);

  test("destroy removes everything", async () => {
    const result = await stack.destroy();

    expect(result.summary.result).toBe("succeeded");
    expect(result.summary.resourceChanges).toEqual({ delete: 2 });
    expect(await stack.outputs()).toEqual({});
  }, engineTimeout);
});
