/**
 * User errors under the real engine: invalid provider settings fail
 * `pulumi preview` naming the config key, and problems with the definition
 * and sample files end the stack program with one clear line each. None of
 * them prints a stack trace, and none writes to the API.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { engineOrSkip } from "../../scripts/engine-env";
import { regionDomains } from "../../src/genesys/regions";
import { startEmulator, RunningEmulator } from "../../src/emulator";
import { createEngineStack, EngineStack, exampleDefinition, release } from "./support/engine-stack";

const engine = engineOrSkip();
const describeEngine = engine ? describe : describe.skip;
const T = 180_000;
const CLIENT = { clientId: "e2e-client", clientSecret: "e2e-client-secret-Uq4" };
/** A line of a JavaScript stack trace (`    at fn (file.js:1:2)`). */
const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;

describeEngine("user errors under the engine", () => {
  let emulator: RunningEmulator;
  let s: EngineStack;

  /** The text of a failed operation: its message with the engine's stdout and stderr. */
  const failure = async (p: Promise<unknown>): Promise<string> => {
    const e = await p.then(() => undefined, (err) => err);
    if (e === undefined) throw new Error("the operation succeeded but should have failed");
    return String(e.message ?? e) + String(e.stdout ?? "") + String(e.stderr ?? "");
  };
  const writeFile = (name: string, text: string) => fs.writeFileSync(path.join(s.dir, name), text);
  const useFiles = (entry: Record<string, string>) => s.stack.setConfig("genesys-eventbridge:sources", { value: JSON.stringify([entry]) });
  const apiCalls = () => emulator.journal().filter((j) => !j.path.startsWith("/__emulator")).length;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, ...CLIENT });
    s = await createEngineStack(engine!, "user-errors", { apiBaseUrl: emulator.url, ...CLIENT });
    await s.useDefinition(exampleDefinition());
  }, T);

  afterAll(() => release(s, emulator), T);

  test("invalid provider settings fail preview, one line per config key, without a stack trace", async () => {
    await s.stack.setAllConfig({
      "genesys:region": { value: "eu-wst-1" },
      "genesys:api": { value: "integration" },
      "genesys:conflictPolicy": { value: "overwirte" },
    });
    try {
      const text = await failure(s.stack.preview());
      const known = Object.keys(regionDomains).join(", ");
      expect(text).toContain(`resource '${exampleDefinition().id}' has a problem: genesys:region: unknown region 'eu-wst-1' (known: ${known}; or a Genesys domain such as mypurecloud.ie)`);
      expect(text).toContain("has a problem: genesys:api: unknown API 'integration' (known: event-streams, integrations)");
      expect(text).toContain("has a problem: genesys:conflictPolicy: unknown conflict policy 'overwirte' (known: overwrite, fail)");
      expect(text).not.toMatch(STACK_FRAME);
      expect(apiCalls()).toBe(0);
    } finally {
      await s.stack.removeAllConfig(["genesys:region", "genesys:api", "genesys:conflictPolicy"]);
      await s.stack.setConfig("genesys:api", { value: "event-streams" });
    }
  }, T);

  test("missing credentials fail preview naming the key", async () => {
    await s.stack.removeConfig("genesys:clientSecret");
    try {
      const text = await failure(s.stack.preview());
      expect(text).toContain("has a problem: genesys:clientSecret: missing: set it with `pulumi config set --secret genesys:clientSecret` or GENESYSCLOUD_OAUTHCLIENT_SECRET");
      expect(text).not.toMatch(STACK_FRAME);
      expect(apiCalls()).toBe(0);
    } finally {
      await s.stack.setConfig("genesys:clientSecret", { value: CLIENT.clientSecret, secret: true });
    }
  }, T);

  test("valid settings and a definition with a byte order mark preview cleanly", async () => {
    writeFile("bom.json", `\uFEFF${JSON.stringify(exampleDefinition(), null, 2)}`);
    await useFiles({ definition: "bom.json" });
    const preview = await s.stack.preview();
    expect(preview.changeSummary).toEqual({ create: 2 });
  }, T);

  test("file problems end the stack program with one line naming the entry, the file and the place, without a stack trace", async () => {
    const example = JSON.stringify(exampleDefinition(), null, 2);
    const cases: Array<[Record<string, string>, string]> = [
      [{ definition: "missing.json" }, "genesys-eventbridge:sources[0]: file not found: missing.json"],
      [{ definition: "dup.json" }, 'genesys-eventbridge:sources[0]: dup.json:3:3: id: duplicate key "id"; it is first given at 2:3'],
      [{ definition: "broken.json" }, "genesys-eventbridge:sources[0]: broken.json:1:9: not valid JSON: unexpected end of the text; expected a JSON value"],
      [{ definition: "proto.json" }, 'genesys-eventbridge:sources[0]: proto.json: id: id "__proto__" is not allowed (__proto__, prototype, constructor are refused): choose another id'],
      [{ definition: "bom.json", samples: "lone.json" }, "genesys-eventbridge:sources[0]: lone.json:1:87: [0].event.note: not a well-formed UTF-16 string: lone surrogate \\ud800"],
      [{ definition: "bom.json", samples: "deep.json" }, `genesys-eventbridge:sources[0]: deep.json:1:${78 + 62}: [0].event${"[0]".repeat(62)}: nested deeper than 64 levels of objects and arrays`],
    ];
    writeFile("dup.json", example.replace(/^\{\n/, '{\n  "id": "other",\n'));
    writeFile("broken.json", '{ "id": ');
    writeFile("proto.json", JSON.stringify({ ...exampleDefinition(), id: "__proto__" }));
    writeFile("lone.json", '[{"eventType": "v2.detail.events.conversation.{id}.customer.start", "event": {"note": "\\ud800"}}]');
    writeFile("deep.json", `[{"eventType": "v2.detail.events.conversation.{id}.customer.start", "event": ${"[".repeat(100_000)}${"]".repeat(100_000)}}]`);
    for (const [entry, says] of cases) {
      await useFiles(entry);
      const text = await failure(s.stack.preview());
      expect([entry, text.includes(says), STACK_FRAME.test(text), /unhandled exception|RangeError/.test(text)]).toEqual([entry, true, false, false]);
    }
    expect(apiCalls()).toBe(0);
  }, T);
});
