/**
 * The stack program under the real Pulumi engine with its audit log in S3
 * (moto's S3-compatible server): every entry the provider writes lands in the
 * bucket as one object, the chain verifies through the CLI, and nothing is
 * written to a local audit file.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { GetObjectCommand, ListObjectsV2Command } from "@aws-sdk/client-s3";
import { engineOrSkip } from "../../scripts/engine-env";
import { startEmulator, RunningEmulator } from "../../src/emulator";
import { verifyAuditLog } from "../../src/audit/verify";
import { main } from "../../src/cli";
import { MOTO_CREDENTIALS, MotoServer, motoOrSkip, startMoto } from "../audit/support/moto";
import { createEngineStack, EngineStack, exampleDefinition, filesBelow } from "./support/engine-stack";

const engine = engineOrSkip();
const moto = motoOrSkip();
const describeEngine = engine && moto ? describe : describe.skip;
const T = 180_000;
const CLIENT = { clientId: "e2e-client", clientSecret: "e2e-client-secret-S3a9" };

describeEngine("pulumi up through the real engine with the S3 audit store", () => {
  let emulator: RunningEmulator;
  let server: MotoServer;
  let s: EngineStack;
  let location: string;
  const definition = exampleDefinition();
  const id = definition.id as string;

  async function entries(): Promise<Array<Record<string, any>>> {
    const [bucket, ...prefix] = location.slice("s3://".length).split("/");
    const listed = await server.client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: `${prefix.join("/")}/` }));
    return Promise.all(
      (listed.Contents ?? []).map(async (c) =>
        JSON.parse(await (await server.client.send(new GetObjectCommand({ Bucket: bucket, Key: c.Key }))).Body!.transformToString()),
      ),
    );
  }

  async function cliVerify(...extra: string[]): Promise<{ code: number; out: string; err: string }> {
    let out = "";
    let err = "";
    const code = await main(["audit", "verify", location, "--s3-endpoint", server.url, ...extra], {
      out: (t) => (out += `${t}\n`),
      err: (t) => (err += `${t}\n`),
    });
    return { code, out, err };
  }

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, ...CLIENT });
    server = await startMoto(moto!);
    const bucket = await server.bucket("e2e-audit-trail");
    location = `s3://${bucket}/stacks/e2e`;
    s = await createEngineStack(engine!, "audit-s3", {
      apiBaseUrl: emulator.url,
      ...CLIENT,
      extraConfig: { "genesys:auditLogPath": location, "genesys:auditS3Endpoint": server.url },
      // Credentials from the standard AWS chain (here: the environment); the endpoint only from the stack config.
      extraEnv: { ...MOTO_CREDENTIALS, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
    });
    await s.useDefinition(definition, [require("../../stacks/examples/samples/customer-start.json")]);
  }, T);

  afterAll(async () => {
    await s?.remove();
    await server?.stop();
    await emulator?.close();
  }, T);

  test("up writes its audit entries as objects in the bucket, chained, and no local audit file", async () => {
    const up = await s.stack.up();
    expect(up.summary.resourceChanges).toEqual({ create: 2 });
    const out = up.outputs.sources.value[id];
    const written = await entries();
    expect(written.filter((e) => e.result !== "intent").map((e) => [e.action, e.result, e.sourceId, e.auditId])).toEqual([
      ["create", "success", id, out.auditId],
    ]);
    expect(await verifyAuditLog(location, { s3Endpoint: server.url })).toMatchObject({ _tag: "Intact", entries: written.length, inDoubt: [] });
    expect(filesBelow(s.dir).filter((f) => f.file.endsWith(".jsonl")).map((f) => path.relative(s.dir, f.file))).toEqual([]);
    expect(fs.existsSync(path.join(s.dir, ".genesys-eventbridge"))).toBe(false);
  }, T);

  test("an update and a destroy extend the same chain, which audit verify walks with --head", async () => {
    const changed = exampleDefinition();
    changed.filters[0].conditions[0].value = "OUTBOUND";
    await s.useDefinition(changed);
    const up = await s.stack.up();
    expect(up.summary.resourceChanges).toEqual({ same: 1, update: 1 });
    const destroyed = await s.stack.destroy();
    expect(destroyed.summary.resourceChanges).toEqual({ delete: 2 });

    const written = await entries();
    expect(written.filter((e) => e.result !== "intent").map((e) => [e.action, e.result])).toEqual([
      ["create", "success"],
      ["update", "success"],
      ["delete", "success"],
    ]);
    const head = written[written.length - 1].hash as string;
    expect(await cliVerify("--head", head)).toEqual({
      code: 0,
      out: `audit log intact: ${written.length} entries\nhead ${head} found at entry ${written.length}\n`,
      err: "",
    });
  }, T);
});
