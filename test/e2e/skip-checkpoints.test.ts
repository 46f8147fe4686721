/**
 * `PULUMI_SKIP_CHECKPOINTS=true`, which the README suggests for stacks of
 * hundreds of sources: the engine saves the state once, at the end of a
 * command, so an engine killed half way saves nothing of it. One plain
 * `pulumi up` must then converge through the real engine against the
 * emulated Integrations API: every source made before the kill is completed
 * by its ownership marker, none is duplicated, every remote write audited.
 */
import axios from "axios";
import * as fs from "node:fs";
import * as path from "node:path";
import { engineOrSkip } from "../../scripts/engine-env";
import { startEmulator, RunningEmulator } from "../../src/emulator";
import { createEngineStack, EngineStack, manyDefinitions, release } from "./support/engine-stack";

const engine = engineOrSkip();
const describeEngine = engine ? describe : describe.skip;
const T = 600_000;
const CLIENT = { clientId: "skip-client", clientSecret: "skip-client-secret-S7k" };

/** SIGKILLs every process working in `dir`: the engine, its language host, the program and the providers. */
function killEverythingIn(dir: string): number {
  const want = fs.realpathSync(dir);
  let killed = 0;
  for (const pid of fs.readdirSync("/proc").filter((p) => /^\d+$/.test(p) && Number(p) !== process.pid)) {
    try {
      if (fs.realpathSync(`/proc/${pid}/cwd`) !== want) continue;
      process.kill(Number(pid), "SIGKILL");
      killed++;
    } catch {
      // The process ended meanwhile, or is not ours to read.
    }
  }
  return killed;
}

describeEngine("PULUMI_SKIP_CHECKPOINTS on the Integrations API", () => {
  let emulator: RunningEmulator;
  let s: EngineStack | undefined;

  beforeEach(async () => {
    emulator = await startEmulator({ port: 0, ...CLIENT });
  }, T);

  afterEach(() => release(s, emulator), T);

  test("an engine killed mid-up saves no state; one plain up completes what it made, with no duplicate", async () => {
    const stateDir = fs.mkdtempSync(path.join(fs.realpathSync(require("node:os").tmpdir()), "ebs-e2e-skip-state-"));
    s = await createEngineStack(engine!, "skip", { apiBaseUrl: emulator.url, ...CLIENT, api: "integrations", stateDir, extraEnv: { PULUMI_SKIP_CHECKPOINTS: "true" } });
    const definitions = manyDefinitions("skip", 12);
    await s.useDefinitions(definitions);
    // Slow config writes keep the up going while integrations are being made.
    emulator.addFault({ method: "PUT", path: "/api/v2/integrations/*", times: 10_000, action: { delayMs: 300 } });
    const posts = () => emulator.journal().filter((j) => j.method === "POST" && j.path.startsWith("/api/v2/integrations") && j.status < 400).length;
    const first = s.stack.up().then(() => "finished", () => "failed");
    let killed = 0;
    for (let i = 0; i < 1200 && killed === 0; i++) {
      if (posts() >= 6) killed = killEverythingIn(s.dir);
      else await new Promise((r) => setTimeout(r, 50));
    }
    expect([killed > 0, await first]).toEqual([true, "failed"]);
    const made = posts();
    const saved = (await s.stack.exportStack()).deployment.resources?.filter((r: { type: string }) => r.type.endsWith(":EventBridgeSource")) ?? [];
    // Nothing of the killed command reached the state.
    expect(saved).toEqual([]);
    emulator.state.faults.clear();
    // A killed engine leaves its lock behind, as any crash does with a file backend.
    fs.rmSync(path.join(stateDir, ".pulumi", "locks"), { recursive: true, force: true });

    const second = await s.stack.up();
    const after = (await axios.get(`${emulator.url}/__emulator/integrations`)).data.entities as Array<{ id: string; name: string }>;
    const names = after.map((i) => i.name).sort();
    expect(names).toEqual(definitions.map((d) => d.id).sort());
    const statuses = Object.values(second.outputs.sources.value as Record<string, { remoteId: string; metrics: { registrationStatus: string } }>);
    expect(statuses.map((o) => o.remoteId).sort()).toEqual(after.map((i) => i.id).sort());
    expect(statuses.filter((o) => o.metrics.registrationStatus === "completed").length).toBe(made);
    console.log(`skip-checkpoints: engine killed after ${made} POSTs of 12 creates; the state kept none; one up: ${made} completed, ${12 - made} created, 0 duplicates`);
    fs.rmSync(stateDir, { recursive: true, force: true });
  }, T);
});
