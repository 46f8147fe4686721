import axios from "axios";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { buildPayload, payloadHash, SourceDefinition } from "../../src/definition";
import { startEmulator, RunningEmulator } from "../../src/emulator";
import { verifyAuditLog } from "../../src/audit/verify";
import * as ops from "../../src/pulumi/operations";

const example = require("../../stacks/examples/definition.json");
const samples = [require("../../stacks/examples/samples/customer-start.json")];

let emulator: RunningEmulator;
let dir: string;
let auditLog: string;

function configure(extra: Record<string, string> = {}) {
  const config: Record<string, string> = {
    clientId: "emulator-client",
    clientSecret: "emulator-secret",
    apiBaseUrl: emulator.url,
    api: "event-streams",
    auditLogPath: auditLog,
    ...extra,
  };
  ops.configureWith((k) => config[k], {});
}

/** The resource's inputs for the example: the definition's id travels as `sourceId`. */
function inputs(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const { id, ...definition } = JSON.parse(JSON.stringify(example));
  return { ...definition, sourceId: id, samples, ...overrides };
}

async function auditLines(): Promise<Record<string, unknown>[]> {
  const text = await fs.readFile(auditLog, "utf8");
  return text.trim().split("\n").map((l) => JSON.parse(l));
}

const admin = (p: string) => `${emulator.url}/__emulator/event-streams/${p}`;

beforeEach(async () => {
  emulator = await startEmulator({ port: 0 });
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "ebs-ops-"));
  auditLog = path.join(dir, "audit.jsonl");
  configure();
});

afterEach(async () => {
  await emulator.close();
  await fs.rm(dir, { recursive: true, force: true });
});

describe("provider operations against the emulator", () => {
  it("creates the source, audits the intent before and the outcome after, and reports the payload hash and audit head", async () => {
    const created = await ops.create(inputs());
    expect(created.id).toBe(example.id);
    const outs = created.outs;
    expect(outs.payloadHash).toBe(payloadHash(buildPayload(example as SourceDefinition)));
    expect(outs.etag).toMatch(/^"/);
    expect(outs.metrics.registrationStatus).toBe("created");
    expect(outs.metrics.validationSuccessRate).toBe(1);

    const stored = await axios.get(admin(example.id));
    expect(stored.status).toBe(200);
    const lines = await auditLines();
    expect(lines.map((l) => [l.action, l.result, l.sourceId, l.intentId])).toEqual([
      ["create", "intent", example.id, undefined],
      ["create", "success", example.id, lines[0].auditId],
    ]);
    expect([outs.auditId, outs.auditHead]).toEqual([lines[1].auditId, lines[1].hash]);
    expect(await verifyAuditLog(auditLog)).toMatchObject({ ok: true });
  });

  it("finds no change when the definition is the one applied", async () => {
    const { outs } = await ops.create(inputs());
    expect(await ops.diff(example.id, outs, inputs())).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
  });

  it("updates a changed condition with the recorded ETag and a new one comes back", async () => {
    const { outs } = await ops.create(inputs());
    const changed = inputs();
    (changed.filters as any)[0].conditions[0].value = "mobile";
    (changed.samples as any) = undefined;
    expect(await ops.diff(example.id, outs, changed)).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });

    const updated = await ops.update(example.id, outs, changed);
    expect(updated.outs!.etag).not.toBe(outs.etag);
    expect(updated.outs!.metrics.registrationStatus).toBe("updated");
    expect(updated.outs!.metrics.conflicts).toBe(0);
    const stored = await axios.get(admin(example.id));
    expect(JSON.stringify(stored.data)).toContain('"mobile"');
  });

  it("replaces the source when its id changes", async () => {
    const { outs } = await ops.create(inputs());
    const diff = await ops.diff(example.id, outs, inputs({ sourceId: "another-source" }));
    expect(diff.replaces).toEqual(["sourceId"]);
  });

  it("overwrites a concurrent remote change under the overwrite policy", async () => {
    const { outs } = await ops.create(inputs());
    const remote = (await axios.get(admin(example.id))).data;
    await axios.put(admin(example.id), { ...(remote.body), filters: [] });
    const changed = inputs();
    (changed.filters as any)[0].conditions[0].value = "mobile";
    const updated = await ops.update(example.id, outs, changed);
    expect(updated.outs!.metrics.conflicts).toBe(1);
    const refreshed = await ops.read(example.id, updated.outs!);
    expect(refreshed.props!.drift).toEqual([]);
  });

  it("stops with what changed remotely under the fail policy, and audits the failure", async () => {
    const { outs } = await ops.create(inputs());
    const remote = (await axios.get(admin(example.id))).data;
    await axios.put(admin(example.id), { ...(remote.body), filters: [] });
    const changed = inputs({ conflictPolicy: "fail" });
    (changed.filters as any)[0].conditions[0].value = "mobile";
    await expect(ops.update(example.id, outs, changed)).rejects.toThrow(/update of EventBridge source 'eventbridge-source-prod-01' failed: .*filters/s);
    const lines = await auditLines();
    expect(lines.map((l) => [l.action, l.result])).toEqual([
      ["create", "intent"],
      ["create", "success"],
      ["update", "intent"],
      ["update", "failure"],
    ]);
  });

  it("reports drift on refresh after a remote edit, and the next diff shows a change", async () => {
    const { outs } = await ops.create(inputs());
    const remote = (await axios.get(admin(example.id))).data;
    const doc = remote.body;
    doc.configuration.region = "eu-west-1";
    await axios.put(admin(example.id), doc);
    const read = await ops.read(example.id, outs);
    expect(read.id).toBe(example.id);
    expect(read.props!.drift).toEqual(["configuration.region"]);
    expect(read.props!.etag).not.toBe(outs.etag);
    expect((await ops.diff(example.id, read.props!, inputs())).changes).toBe(true);
  });

  it("reports the inputs as the server holds them on refresh, so that preview names the drifted input", async () => {
    const { outs } = await ops.create(inputs());
    expect((await ops.read(example.id, outs)).inputs).toEqual(inputs());
    const doc = (await axios.get(admin(example.id))).data.body;
    doc.configuration.region = "eu-west-1";
    doc.filters[1].conditions[0].value = 45;
    await axios.put(admin(example.id), doc);
    const read = await ops.read(example.id, outs);
    const expected = inputs();
    (expected.configuration as any).region = "eu-west-1";
    (expected.filters as any)[1].conditions[0].value = 45;
    expect(read.inputs).toEqual(expected);
    // The recorded outputs keep the declaration: the update puts it back.
    expect([read.props!.configuration, read.props!.drift]).toEqual([inputs().configuration, ["configuration.region", "filters[1].conditions[0].value"]]);
  });

  it("reports a remotely deleted source as gone on refresh", async () => {
    const { outs } = await ops.create(inputs());
    await axios.delete(admin(example.id));
    expect(await ops.read(example.id, outs)).toEqual({});
  });

  it("deletes, and deleting again is success; both are audited", async () => {
    const { outs } = await ops.create(inputs());
    await ops.delete(example.id, outs);
    await ops.delete(example.id, outs);
    await expect(axios.get(admin(example.id))).rejects.toMatchObject({ response: { status: 404 } });
    expect((await auditLines()).map((l) => [l.action, l.result, (l.details as any).status])).toEqual([
      ["create", "intent", undefined],
      ["create", "success", "created"],
      ["delete", "intent", undefined],
      ["delete", "success", "deleted"],
      ["delete", "intent", undefined],
      ["delete", "success", "absent"],
    ]);
  });

  it("writes nothing to Genesys when the audit log cannot take the intent, and says which log", async () => {
    // A file where the audit log's folder should be: no entry can be appended.
    const blocker = path.join(dir, "not-a-folder");
    await fs.writeFile(blocker, "");
    const unwritable = path.join(blocker, "audit.jsonl");
    configure({ auditLogPath: unwritable });
    await expect(ops.create(inputs())).rejects.toThrow(/nothing was written to Genesys because the audit log refused the intent entry: .*not-a-folder/s);
    expect(emulator.journal().filter((j) => j.method !== "GET" && !j.path.startsWith("/oauth"))).toEqual([]);
  });

  it("points at audit verify when the audit log refuses the intent because it is damaged", async () => {
    const damaged = path.join(dir, "damaged.jsonl");
    await fs.writeFile(damaged, '{"hello":1}\n');
    configure({ auditLogPath: damaged });
    await expect(ops.create(inputs())).rejects.toThrow(
      /refused the intent entry: audit log .*damaged\.jsonl is damaged, refusing to append: .*Run `genesys-eventbridge audit verify` to see which entry is damaged/s,
    );
    expect(await fs.readFile(damaged, "utf8")).toBe('{"hello":1}\n');
    expect(emulator.journal().filter((j) => j.method !== "GET" && !j.path.startsWith("/oauth"))).toEqual([]);
  });

  it("sends nothing to Genesys for a change the API does not carry, and still audits it", async () => {
    configure({ api: "integrations" });
    const { outs } = await ops.create(inputs());
    const before = emulator.journal().length;
    const changed = inputs();
    (changed.filters as any)[0].conditions[0].value = "mobile";
    expect((await ops.diff(outs.remoteId, outs, changed)).changes).toBe(true);
    const updated = await ops.update(outs.remoteId, outs, changed);
    expect(emulator.journal().length - before).toBe(0);
    expect([updated.outs!.metrics.registrationStatus, updated.outs!.etag, updated.outs!.remoteStateHash]).toEqual(["unchanged", outs.etag, outs.remoteStateHash]);
    const last = (await auditLines()).at(-1)!;
    expect([last.action, last.result, (last.details as any).remoteWrite, updated.outs!.auditHead]).toEqual(["update", "success", false, last.hash]);
  });

  it("fails before any write when a sample does not resolve", async () => {
    const broken = inputs({ samples: [{ eventType: "v2.detail.events.conversation.{id}.customer.start", event: { conversation: { id: "c1" } } }] });
    await expect(ops.create(broken)).rejects.toThrow(/nothing was written/);
    expect(emulator.journal().filter((j) => j.method === "PUT")).toEqual([]);
    const [entry] = await auditLines();
    expect([entry.action, entry.result, entry.sourceId, (entry.details as any).stage]).toEqual(["create", "failure", example.id, "validation"]);
  });
});
