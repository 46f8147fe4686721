import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { startEmulator, RunningEmulator } from "../../src/emulator";
import { emulatorTopicCatalog } from "../../src/emulator/catalog/topics";
import { CATALOG_HINT } from "../../src/definition/catalog/check-definition";
import * as ops from "../../src/pulumi/operations";

const example = require("../../stacks/examples/definition.json");

let emulator: RunningEmulator;
let dir: string;

function configure(extra: Record<string, string> = {}): void {
  const config: Record<string, string> = {
    clientId: "emulator-client",
    clientSecret: "emulator-secret",
    apiBaseUrl: emulator.url,
    api: "integrations",
    auditLogPath: path.join(dir, "audit.jsonl"),
    ...extra,
  };
  ops.configureWith((k) => config[k], {});
}

function inputs(change: (d: any) => void = () => undefined, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const { id, ...definition } = JSON.parse(JSON.stringify(example));
  change(definition);
  return { ...definition, sourceId: id, ...extra };
}

const misspelt = (d: any) => void (d.filters[0].eventType = "v2.detail.events.conversation.{id}.customer.strat");
const catalogReads = () => emulator.journal().filter((j) => j.path.startsWith("/api/v2/notifications/availabletopics"));

beforeEach(async () => {
  emulator = await startEmulator({ port: 0 });
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "geb-catalog-"));
});

afterEach(async () => {
  await emulator.close();
  await fs.rm(dir, { recursive: true, force: true });
});

describe("check against the organization's topic catalog", () => {
  it("passes the example and reads the catalog once for concurrent checks", async () => {
    configure();
    const results = await Promise.all([ops.check({}, inputs()), ops.check({}, inputs()), ops.check({}, inputs(misspelt))]);
    expect(results.map((r) => r.failures ?? [])).toEqual([[], [], [{
      property: "filters[0].eventType",
      reason: `"v2.detail.events.conversation.{id}.customer.strat" is not a topic of the Genesys Cloud topic catalog; nearest: v2.detail.events.conversation.{id}.customer.start, v2.detail.events.conversation.{id}.customer.end, v2.detail.events.conversation.{id}.user.start (${CATALOG_HINT})`,
    }]]);
    expect(catalogReads().map((j) => j.path)).toEqual(["/api/v2/notifications/availabletopics"]);
  });

  it("warns instead under genesys:catalog warn, and skips the check under off", async () => {
    const written: string[] = [];
    const spy = jest.spyOn(process.stderr, "write").mockImplementation((text) => {
      written.push(String(text));
      return true;
    });
    try {
      configure({ catalog: "warn" });
      expect((await ops.check({}, inputs(misspelt))).failures).toBeUndefined();
      configure({ catalog: "off" });
      expect((await ops.check({}, inputs(misspelt))).failures).toBeUndefined();
    } finally {
      spy.mockRestore();
    }
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(/^warning: topic catalog: filters\[0\]\.eventType: "v2\.detail\.events\.conversation\.\{id\}\.customer\.strat" is not a topic/);
  });

  it("refuses an unknown catalog mode by its key", async () => {
    configure({ catalog: "strict" });
    expect((await ops.check({}, inputs())).failures).toEqual([{ property: "", reason: "genesys:catalog: unknown catalog mode 'strict' (known: enforce, warn, off)" }]);
  });

  it("checks against a saved catalog given as the resource's catalog input or genesys:catalogFile, without asking Genesys", async () => {
    const saved = path.join(dir, "topics.json");
    await fs.writeFile(saved, JSON.stringify({ entities: emulatorTopicCatalog.entities.filter((t) => !t.id.endsWith("customer.end")) }));
    configure({ apiBaseUrl: "http://127.0.0.1:9", catalogFile: saved });
    const viaSetting = await ops.check({}, inputs());
    configure({ apiBaseUrl: "http://127.0.0.1:9" });
    const viaInput = await ops.check({}, inputs(undefined, { catalog: saved }));
    for (const result of [viaSetting, viaInput]) expect(result.failures?.map((f) => f.property)).toEqual(["filters[1].eventType"]);
    const missing = await ops.check({}, inputs(undefined, { catalog: "no-such-catalog.json" }));
    expect(missing.failures).toEqual([{ property: "catalog", reason: "file not found: no-such-catalog.json" }]);
    await fs.writeFile(saved, JSON.stringify({ entities: [{ transports: ["All"] }] }));
    expect((await ops.check({}, inputs(undefined, { catalog: saved }))).failures).toEqual([{ property: "catalog", reason: expect.stringMatching(/not a topic catalog .*entities\[0\]\.id/) }]);
  });

  it("fails when the organization's catalog cannot be read, saying how to go on", async () => {
    configure({ apiBaseUrl: "http://127.0.0.1:9" });
    const result = await ops.check({}, inputs());
    expect(result.failures).toEqual([{ property: "", reason: expect.stringMatching(/^genesys:catalog: cannot read the topic catalog of the organization: .*set genesys:catalog to warn or off, or give a saved catalog with genesys:catalogFile$/) }]);
  }, 60_000);

  it("leaves the event-streams contract unchecked", async () => {
    configure({ api: "event-streams" });
    expect((await ops.check({}, inputs(misspelt))).failures).toBeUndefined();
    expect(catalogReads()).toEqual([]);
  });
});
