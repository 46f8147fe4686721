import axios from "axios";
import * as fs from "fs";
import * as path from "path";
import { RunningEmulator, startEmulator } from "../../src/emulator";
import { emulatorTopicCatalog } from "../../src/emulator/catalog/topics";
import { EXAMPLES, removeTempDirs, runCli, tempDir, writeJson } from "./run-cli";

const CLIENT = { clientId: "topics-client", clientSecret: "topics-client-secret-Tp7" };
const ENV_KEYS = ["GENESYSCLOUD_OAUTHCLIENT_ID", "GENESYSCLOUD_OAUTHCLIENT_SECRET", "GENESYSCLOUD_REGION", "GENESYSCLOUD_API_BASE_URL", "GENESYSCLOUD_AUTH_BASE_URL"] as const;
const saved: Record<string, string | undefined> = {};
let emulator: RunningEmulator;

const START = "v2.detail.events.conversation.{id}.customer.start";
const example = path.join(EXAMPLES, "definition.json");

/** Topics of every transport kind, spelt as loosely as the platform's strings allow. */
const mixed = {
  entities: [
    { id: "v2.a.{id}.one", transports: ["eventbridge"], schema: { type: "object", properties: { x: { type: "string" } } } },
    { id: "v2.b.{id}.two", transports: ["Websocket", "ALL"] },
    { id: "v2.c.{id}.three", transports: ["Websocket"] },
    { id: "v2.d.{id}.four", transports: ["Mobile"] },
    { id: "v2.e.{id}.five" },
    { id: "v2.f.{id}.six", transports: ["EventBridge"], description: "Presence of a thing" },
  ],
};

beforeAll(async () => {
  for (const key of ENV_KEYS) saved[key] = process.env[key];
  emulator = await startEmulator({ port: 0, ...CLIENT });
  for (const key of ENV_KEYS) delete process.env[key];
  Object.assign(process.env, { GENESYSCLOUD_OAUTHCLIENT_ID: CLIENT.clientId, GENESYSCLOUD_OAUTHCLIENT_SECRET: CLIENT.clientSecret, GENESYSCLOUD_API_BASE_URL: emulator.url });
});

afterAll(async () => {
  await emulator.close();
  for (const key of ENV_KEYS) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
  removeTempDirs();
});

const json = (run: { out: string }) => JSON.parse(run.out);

describe("topics against the emulator", () => {
  it("lists exactly the topics EventBridge receives; --all lists every one", async () => {
    const deliverable = emulatorTopicCatalog.entities.filter((t) => (t.transports ?? []).some((x) => ["all", "eventbridge"].includes(x.toLowerCase())));
    const listed = await runCli("topics", "--json");
    expect([listed.code, listed.err]).toEqual([0, ""]);
    expect(json(listed).topics.map((t: { id: string }) => t.id)).toEqual(deliverable.map((t) => t.id));
    expect(deliverable.length).toBeLessThan(emulatorTopicCatalog.entities.length);
    const all = await runCli("topics", "--all", "--json");
    expect(json(all).topics.map((t: { id: string }) => t.id)).toEqual(emulatorTopicCatalog.entities.map((t) => t.id));
  });

  it("filters by --search and prints one topic's schema", async () => {
    const found = await runCli("topics", "--search", "PRESENCE");
    expect(found.out.split("\n")).toEqual([
      "v2.users.{id}.presence  [All]  A user's presence changes.",
      "v2.users.{id}.activity  [All]  A user's activity changes: presence, routing status, out of office, active queues.",
    ]);
    const schema = await runCli("topics", "--schema", START, "--json");
    expect(json(schema)).toEqual({ ok: true, id: START, schema: emulatorTopicCatalog.entities.find((t) => t.id === START)!.schema });
    const wrong = await runCli("topics", "--schema", "v2.usres.{id}.presense");
    expect([wrong.code, wrong.err]).toEqual([1, '"v2.usres.{id}.presense" is not a topic of the catalog; nearest: v2.users.{id}.presence, v2.users.{id}.activity, v2.users.{id}.conversations']);
  });

  it("compares transports case-insensitively on a catalog put in the emulator", async () => {
    // Another organization's emulator: the catalog is read once per process and organization.
    const other = await startEmulator({ port: 0, ...CLIENT });
    const env = process.env.GENESYSCLOUD_API_BASE_URL;
    await axios.put(`${other.url}/__emulator/topics`, mixed);
    process.env.GENESYSCLOUD_API_BASE_URL = other.url;
    try {
      const listed = await runCli("topics", "--json");
      expect(json(listed).topics).toEqual([
        { id: "v2.a.{id}.one", transports: ["eventbridge"] },
        { id: "v2.b.{id}.two", transports: ["Websocket", "ALL"] },
        { id: "v2.f.{id}.six", transports: ["EventBridge"], description: "Presence of a thing" },
      ]);
    } finally {
      process.env.GENESYSCLOUD_API_BASE_URL = env;
      await other.close();
    }
  });

  it("saves the catalog; validate, compile and sample use it without credentials", async () => {
    const dir = tempDir();
    const file = path.join(dir, "catalog.json");
    const saved = await runCli("topics", "--out", file);
    expect([saved.code, saved.out]).toEqual([0, `saved ${emulatorTopicCatalog.entities.length} topics to ${file}`]);
    const env = { ...process.env };
    for (const key of ENV_KEYS) delete process.env[key];
    try {
      expect((await runCli("validate", example, "--samples", path.join(EXAMPLES, "samples"), "--catalog", file)).code).toBe(0);
      expect((await runCli("compile", example, "--catalog", file)).code).toBe(0);
      const misspelt = JSON.parse(fs.readFileSync(example, "utf8"));
      misspelt.filters[0].eventType = "v2.detail.events.conversation.{id}.customer.strat";
      misspelt.filters[0].conditions[1].field = "mediaTyp";
      const bad = writeJson(dir, "bad.json", misspelt);
      for (const command of ["validate", "compile"]) {
        const run = await runCli(command, bad, "--catalog", file, "--json");
        expect([run.code, json(run).problems.map((p: { path: string }) => p.path)]).toEqual([1, ["filters[0].eventType"]]);
      }
      const wrongField = writeJson(dir, "field.json", { ...misspelt, filters: [{ ...misspelt.filters[0], eventType: START }] });
      expect((await runCli("validate", wrongField, "--catalog", file)).err).toMatch(/^filters\[0\]\.conditions\[1\]\.field: "mediaTyp" is not a field of .*; nearest: mediaType \(/);

      const first = await runCli("sample", START, "--catalog", file);
      expect(first).toEqual(await runCli("sample", START, "--catalog", file));
      expect(json(first)).toMatchObject({ eventType: START, event: { eventTime: Date.parse("2024-01-15T10:00:00.000Z"), mediaType: "UNKNOWN", conversationId: expect.stringMatching(/^0{8}-/) } });
      const sample = path.join(dir, "sample.json");
      fs.writeFileSync(sample, first.out);
      expect((await runCli("validate", example, "--samples", sample)).code).toBe(0);

      expect((await runCli("topics")).code).toBe(2);
    } finally {
      Object.assign(process.env, env);
    }
  });
});
