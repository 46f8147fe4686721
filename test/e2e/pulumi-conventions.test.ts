/**
 * What a person running the real engine sees, against the emulated
 * Integrations API: long waits (read-after-write lag, `Retry-After`, webhook
 * retries) print lines on the resource while they last; a refresh that found
 * drift makes the next preview name the drifted inputs; a webhook that is
 * not delivered warns on the resource; the `import` resource option is
 * refused on the resource, naming `adoptExisting: true`.
 */
import * as fs from "node:fs";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import * as path from "node:path";
import axios from "axios";
import { engineOrSkip } from "../../scripts/engine-env";
import { configPath } from "../../src/genesys/integrations/paths";
import { startEmulator, RunningEmulator } from "../../src/emulator";
import { startWebhookReceiver, WebhookReceiver } from "../../src/webhook";
import { createEngineStack, EngineStack, exampleDefinition } from "./support/engine-stack";

const engine = engineOrSkip();
const describeEngine = engine ? describe : describe.skip;
const T = 240_000;
const CLIENT = { clientId: "e2e-client", clientSecret: "e2e-client-secret-Cv3" };
const WEBHOOK_KEY = "e2e-webhook-key-Cv8";
const TYPE = "pulumi-nodejs:dynamic/genesys:EventBridgeSource";
const STACK_TYPE = "pulumi:pulumi:Stack";
/** A line of a JavaScript stack trace (`    at fn (file.js:1:2)`). */
const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;

/** One chunk of engine output and when it arrived (ms since the operation started). */
interface Chunk {
  readonly at: number;
  readonly text: string;
}

/** The "Diagnostics:" section of an engine run, grouped by the resource row they are listed under (`<type> (<name>)`). */
function diagnostics(stdout: string): Map<string, string[]> {
  const start = stdout.indexOf("\nDiagnostics:\n");
  const groups = new Map<string, string[]>();
  if (start < 0) return groups;
  const section = stdout.slice(start + "\nDiagnostics:\n".length).split(/\n(?:Outputs:|Resources:)/)[0]!;
  let current: string[] | undefined;
  for (const line of section.split("\n")) {
    const header = /^ {2}(\S+ \([^)]*\)):$/.exec(line);
    if (header !== null) {
      current = [];
      groups.set(header[1]!, current);
    } else if (current !== undefined && line.trim() !== "") {
      current.push(line.trim());
    }
  }
  return groups;
}

/** The time the first chunk containing `text` arrived. */
function arrival(chunks: ReadonlyArray<Chunk>, pattern: RegExp): number {
  const found = chunks.find((c) => pattern.test(c.text));
  if (found === undefined) throw new Error(`no output matched ${pattern}`);
  return found.at;
}

describeEngine("Pulumi conventions under the engine", () => {
  let emulator: RunningEmulator;
  let receiver: WebhookReceiver;
  let busy: http.Server;
  let busyUrl: string;
  let s: EngineStack;
  const definition = exampleDefinition();
  const id = definition.id as string;
  const row = `${TYPE} (${id})`;
  const stackRow = (name: string) => `${STACK_TYPE} (genesys-eventbridge-${name})`;
  const outputs = async () => (await s.stack.outputs()).sources.value[id];
  const adminUrl = (remoteId = "") => `${emulator.url}/__emulator/integrations${remoteId ? `/${remoteId}` : ""}`;
  const apiCalls = () => emulator.journal().filter((j) => !j.path.startsWith("/__emulator")).length;

  /** Runs an operation, keeping each chunk of its output with its arrival time. */
  async function timed<R>(run: (onOutput: (text: string) => void) => Promise<R>): Promise<{ result: R; chunks: Chunk[] }> {
    const chunks: Chunk[] = [];
    const started = Date.now();
    const result = await run((text) => chunks.push({ at: Date.now() - started, text }));
    return { result, chunks };
  }

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, ...CLIENT });
    receiver = await startWebhookReceiver({ secret: WEBHOOK_KEY });
    // A warehouse endpoint that is always busy: 503 with `Retry-After: 2`.
    busy = http.createServer((req, res) => {
      req.resume();
      req.on("end", () => res.writeHead(503, { "Retry-After": "2", "Content-Type": "text/plain" }).end("busy"));
    });
    await new Promise<void>((resolve) => busy.listen(0, "127.0.0.1", resolve));
    busyUrl = `http://127.0.0.1:${(busy.address() as AddressInfo).port}/events`;
    s = await createEngineStack(engine!, "conventions", {
      apiBaseUrl: emulator.url,
      ...CLIENT,
      api: "integrations",
      extraConfig: { "genesys:webhookUrl": receiver.url },
    });
    await s.stack.setConfig("genesys:webhookSecret", { value: WEBHOOK_KEY, secret: true });
    await s.useDefinition(definition);
  }, T);

  afterAll(async () => {
    await s?.remove();
    await receiver?.close();
    busy?.closeAllConnections();
    await new Promise<void>((resolve) => (busy ? busy.close(() => resolve()) : resolve()));
    await emulator?.close();
  }, T);

  test("read-after-write lag prints a line on the resource every 3 s while up creates it", async () => {
    await axios.post(`${emulator.url}/__emulator/integrations/lag`, { reads: 30 }); // 30 reads 250 ms apart: ~7.5 s
    const { result: up, chunks } = await timed((onOutput) => s.stack.up({ onOutput }));
    expect(up.summary.resourceChanges).toEqual({ create: 2 });
    const remoteId = (await outputs()).remoteId as string;
    const waiting = `${id}: waiting for the config of integration '${id}' (${remoteId}) to become readable`;

    // On the resource's row, while it is being created.
    const onRow = new RegExp(`^ \\+  ${TYPE} ${id} creating \\(\\d+s\\) ${waiting.replace(/[()]/g, "\\$&")} \\((\\d+\\.\\d) s\\)$`, "gm");
    const seconds = [...up.stdout.matchAll(onRow)].map((m) => Number(m[1]));
    expect(seconds.length).toBeGreaterThanOrEqual(2);
    // At most every few seconds: 3 s apart.
    seconds.slice(1).forEach((t, i) => expect(t - seconds[i]!).toBeGreaterThanOrEqual(2.9));
    // As it happens: the first line arrived seconds before the resource was created.
    expect(arrival(chunks, /created \(\d+s\)/) - arrival(chunks, /to become readable \(3\.\d s\)/)).toBeGreaterThanOrEqual(2500);

    // Listed again under the resource, not under the stack.
    const diags = diagnostics(up.stdout);
    expect(diags.get(row)!.filter((l) => l.startsWith(`${id}: waiting`))).toEqual(seconds.map((t) => `${waiting} (${t.toFixed(1)} s)`));
    expect(diags.get(stackRow("conventions")) ?? []).toEqual([]);
  }, T);

  test("a Retry-After of 2 s on a write prints a line on the resource", async () => {
    const remoteId = (await outputs()).remoteId as string;
    const config = configPath(remoteId);
    await axios.post(`${emulator.url}/__emulator/faults`, {
      method: "PUT",
      path: config,
      times: 1,
      action: { status: 429, headers: { "Retry-After": "2" }, body: { message: "slow down", code: "too.many.requests.retry.after", status: 429 } },
    });
    const changed = exampleDefinition();
    changed.filters.push({ eventType: "v2.detail.events.conversation.{id}.acw", conditions: [] });
    await s.useDefinition(changed);
    const up = await s.stack.up();
    expect(up.summary.resourceChanges).toEqual({ same: 1, update: 1 });
    const line = new RegExp(`^${id}: PUT ${config.replace(/[.{}]/g, "\\$&")}: .*; retrying in 2\\.\\d s$`);
    expect(diags(up.stdout).filter((l) => line.test(l))).toHaveLength(1);
    expect(up.stdout).toMatch(new RegExp(`^ ~  ${TYPE} ${id} updating \\(\\d+s\\) \\[diff: ~filters\\]; ${id}: PUT `, "m"));
    await s.useDefinition(definition);
    await s.stack.up();

    function diags(stdout: string): string[] {
      return diagnostics(stdout).get(row) ?? [];
    }
  }, T);

  test("after a refresh that found drift, preview names the drifted inputs and up puts the declaration back", async () => {
    const remoteId = (await outputs()).remoteId as string;
    const current = (await axios.get(adminUrl(remoteId))).data;
    const topics = current.config.properties.eventFilter as string[];
    expect(topics).toEqual(["v2.detail.events.conversation.{id}.customer.end", "v2.detail.events.conversation.{id}.customer.start"]);
    // In the console: another region, one topic swapped for another, the integration disabled.
    await axios.patch(adminUrl(remoteId), {
      intendedState: "DISABLED",
      config: { properties: { ...current.config.properties, awsAccountRegion: "eu-west-1", eventFilter: ["v2.detail.events.conversation.{id}.customer.start", "v2.users.{id}.presence"] } },
    });
    await s.stack.refresh();
    expect((await s.stack.exportStack()).deployment.resources.find((r: { type: string }) => r.type === TYPE).outputs.drift).toEqual([
      "intendedState",
      "configuration.region",
      "filters[].eventType",
    ]);

    const preview = await s.stack.preview();
    expect(preview.stdout).toMatch(new RegExp(`^ ~  ${TYPE} ${id} update \\[diff: -intendedState~configuration,filters\\]$`, "m"));
    const detailed = await s.stack.preview({ diff: true });
    const text = detailed.stdout;
    expect(text).toContain(`~ region      : "eu-west-1" => "us-east-1"`);
    // The topic only Genesys lists shows as a filter of its own; the filter Genesys lost comes back.
    expect(text).toMatch(/~ eventType : "v2\.users\.\{id\}\.presence" => "v2\.detail\.events\.conversation\.\{id\}\.customer\.end"/);
    expect(text).toContain(`- intendedState    : "DISABLED"`);

    const up = await s.stack.up();
    expect(up.summary.resourceChanges).toEqual({ same: 1, update: 1 });
    const restored = (await axios.get(adminUrl(remoteId))).data;
    expect([restored.intendedState, restored.config.properties.awsAccountRegion, restored.config.properties.eventFilter]).toEqual([
      "ENABLED",
      "us-east-1",
      ["v2.detail.events.conversation.{id}.customer.end", "v2.detail.events.conversation.{id}.customer.start"],
    ]);
    const again = await s.stack.up({ expectNoChanges: true });
    expect(again.summary.resourceChanges).toEqual({ same: 2 });
  }, T);

  test("webhook retries print lines on the resource, and a delivery that still fails is kept pending with a warning on the resource", async () => {
    await s.stack.setConfig("genesys:webhookUrl", { value: busyUrl });
    try {
      const changed = exampleDefinition();
      changed.filters[0].conditions[0].value = "OUTBOUND";
      await s.useDefinition(changed);
      const up = await s.stack.up();
      expect(up.summary.resourceChanges).toEqual({ same: 1, update: 1 });
      const lines = diagnostics(up.stdout).get(row)!;
      // Every pause is at least the 2 s the receiver asked for, so each is announced.
      expect(lines.filter((l) => l.startsWith(`webhook for ${id}:`)).map((l) => l.replace(/\d+\.\d s$/, "N s"))).toEqual([
        `webhook for ${id}: attempt 1 of 4 not accepted; retrying in N s`,
        `webhook for ${id}: attempt 2 of 4 not accepted; retrying in N s`,
        `webhook for ${id}: attempt 3 of 4 not accepted; retrying in N s`,
      ]);
      expect(lines).toContain(`warning: webhook for ${id} not delivered: receiver answered HTTP 503 (after 4 attempts); kept pending; the next \`pulumi up\` sends it`);
      expect((diagnostics(up.stdout).get(stackRow("conventions")) ?? []).filter((l) => l.includes("webhook"))).toEqual([]);
      expect(up.stdout).toMatch(new RegExp(`^ ~  ${TYPE} ${id} updated \\(\\d+s\\) \\[diff: ~filters\\]; warning: webhook for ${id} not delivered`, "m"));
    } finally {
      await s.stack.setConfig("genesys:webhookUrl", { value: receiver.url });
      await s.useDefinition(definition);
    }
  }, T);

  test("the import resource option fails preview on the resource, naming adoptExisting: true, without a trace or a request", async () => {
    const project = path.join(s.dir, "Pulumi.yaml");
    const original = fs.readFileSync(project, "utf8");
    fs.writeFileSync(
      path.join(s.dir, "import-program.js"),
      [
        `const { EventBridgeSource } = require("./dist/src/pulumi/resource");`,
        `const definition = require("./definition.json");`,
        `new EventBridgeSource("adopted", { ...definition, id: "adopted-src" }, { import: "4f1c-existing" });`,
      ].join("\n"),
    );
    // The project names its program in `main:`; point it at this one instead.
    fs.writeFileSync(project, `${original.replace(/^main:.*$/m, "").trimEnd()}\nmain: import-program.js\n`);
    try {
      const before = apiCalls();
      const started = Date.now();
      const failed = await s.stack.preview().then(() => undefined, (e) => e);
      const elapsed = Date.now() - started;
      expect(failed).toBeDefined();
      const text = String(failed.stdout ?? "") + String(failed.stderr ?? "") + String(failed.message ?? "");
      const message =
        `error: ${TYPE} 'adopted': the import resource option "4f1c-existing" is not supported: a dynamic provider cannot import. ` +
        "To bring an existing remote source with the same id under this stack, remove `import` and set `adoptExisting: true`: the next `pulumi up` takes it over.";
      expect(diagnostics(String(failed.stdout ?? failed.message)).get(`${TYPE} (adopted)`)).toEqual([message]);
      expect(text).not.toContain("toJavaScript");
      expect(text).not.toMatch(STACK_FRAME);
      expect(apiCalls()).toBe(before);
      expect(elapsed).toBeLessThan(60_000);
    } finally {
      fs.writeFileSync(project, original);
    }
  }, T);
});
