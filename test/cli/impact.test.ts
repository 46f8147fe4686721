import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { createdSample, FIXTURES, fixture, summarySample } from "../definition/fixtures";
import { envelope } from "../definition/eventbridge/envelope";
import { removeTempDirs, runCli, runCliWithInput, tempDir, writeJson } from "./run-cli";

const oldFile = path.join(FIXTURES, "definition.json");

function changed(dir: string, change: (d: any) => void, name = "new.json"): string {
  const d = fixture("definition.json") as any;
  change(d);
  return writeJson(dir, name, d);
}

function summaryAt(id: string, duration: number): Record<string, unknown> {
  const e = envelope({ ...summarySample, event: { ...summarySample.event, metrics: { duration } } }, summarySample.eventType);
  return { ...e, id };
}

afterAll(removeTempDirs);

describe("impact", () => {
  it("prints the counts, the totals and examples for a raised threshold, from JSON Lines of envelopes", async () => {
    const dir = tempDir();
    const next = changed(dir, (d) => (d.filters[1].conditions[0].value = 300));
    const lines = [summaryAt("e-1", 40), summaryAt("e-2", 400), summaryAt("e-3", 10), envelope(createdSample, createdSample.eventType)];
    fs.writeFileSync(path.join(dir, "replay.jsonl"), lines.map((l) => JSON.stringify(l)).join("\n") + "\n");
    expect(await runCli("impact", oldFile, next, "--events", path.join(dir, "replay.jsonl"))).toEqual({
      code: 0,
      err: "",
      out: [
        "delivery impact on 4 recorded events: 1 no longer delivered, 0 newly delivered, 0 reshaped",
        "delivered before: 3, after: 2; unchanged: 3",
        "  no longer delivered: e-1 (v2.detail.events.conversation.{id}.customer.end): filters[1].conditions[0] (metrics.duration gte 300) fails: metrics.duration is 40",
      ].join("\n"),
    });
  });

  it("--json gives the totals and examples; --per-event every verdict; --fail-on-dropped gates on the dropped count", async () => {
    const dir = tempDir();
    const next = changed(dir, (d) => {
      d.filters[1].conditions[0].value = 300;
      d.attributeMappings[0].source = "conversation.id";
    });
    const events = writeJson(dir, "events.json", [summaryAt("e-1", 40), summaryAt("e-2", 400)]);
    const run = await runCli("impact", oldFile, next, "--events", events, "--json", "--per-event", "--fail-on-dropped", "0");
    expect({ ...run, out: JSON.parse(run.out) }).toEqual({
      code: 1,
      err: "",
      out: {
        ok: true,
        total: 2,
        deliveredBefore: 2,
        deliveredAfter: 1,
        newlyDropped: 1,
        newlyDelivered: 0,
        reshaped: 1,
        unchanged: 0,
        reshapedTargets: [{ target: "custom.tenant", events: 1 }],
        examples: {
          newlyDropped: [{ event: "e-1", eventType: "v2.detail.events.conversation.{id}.customer.end", reason: "filters[1].conditions[0] (metrics.duration gte 300) fails: metrics.duration is 40" }],
          newlyDelivered: [],
          reshaped: [
            {
              event: "e-2",
              eventType: "v2.detail.events.conversation.{id}.customer.end",
              changedTargets: ["custom.tenant"],
              before: { "custom.tenant": "tenant-42" },
              after: { "custom.tenant": "c7d1a5f2-3b9e-4c1a-9f0e-2d6b8a4e1c35" },
            },
          ],
        },
        failOnDropped: { limit: 0, passed: false },
        events: [
          { event: "e-1", index: 0, deliveredBefore: true, deliveredAfter: false, change: "newlyDropped", changedTargets: [] },
          { event: "e-2", index: 1, deliveredBefore: true, deliveredAfter: true, change: "reshaped", changedTargets: ["custom.tenant"] },
        ],
      },
    });
    expect(await runCli("impact", oldFile, next, "--events", events, "--fail-on-dropped", "0")).toMatchObject({
      code: 1,
      err: "1 event would no longer be delivered, more than --fail-on-dropped 0",
    });
    expect((await runCli("impact", oldFile, next, "--events", events, "--fail-on-dropped", "1")).code).toBe(0);
  });

  it("reads the events from standard input and the old definition from git with --base", async () => {
    const dir = tempDir();
    const git = (...args: string[]) => execFileSync("git", ["-c", "user.name=Test", "-c", "user.email=test@example.com", ...args], { cwd: dir, stdio: "pipe" });
    git("init", "-q");
    const file = writeJson(dir, "definition.json", fixture("definition.json"));
    git("add", "definition.json");
    git("commit", "-qm", "deployed");
    changed(dir, (d) => (d.filters[1].conditions[0].value = 300), "definition.json");
    const input = [summaryAt("e-1", 40), summaryAt("e-2", 400)].map((e) => JSON.stringify(e)).join("\n");
    const run = await runCliWithInput(input, "impact", file, "--base", "HEAD", "--events", "-", "--json");
    expect([run.code, JSON.parse(run.out).newlyDropped, JSON.parse(run.out).total]).toEqual([0, 1, 2]);
    expect(await runCli("impact", file, "--base", "no-such-ref", "--events", writeJson(dir, "e.json", []))).toEqual({
      code: 1,
      out: "",
      err: expect.stringMatching(/^git show no-such-ref:definition\.json failed: fatal: /),
    });
  });

  it("exits 1 naming the property path of an event that is neither shape and of an invalid definition", async () => {
    const dir = tempDir();
    const events = writeJson(dir, "events.json", [summaryAt("e-1", 40), { eventType: "a.b" }]);
    const bad = changed(dir, (d) => (d.filters[0].conditions[0].operator = "like"));
    const run = await runCli("impact", oldFile, bad, "--events", events, "--json");
    expect({ code: run.code, problems: JSON.parse(run.out).problems.map((p: { path: string; file: string }) => [p.path, p.file]) }).toEqual({
      code: 1,
      problems: [
        ["filters[0].conditions[0].operator", bad],
        ["events[1].event", events],
      ],
    });
  });

  it("is a usage error without --events, with a third definition, or with a --fail-on-dropped that is not a count", async () => {
    const runs = await Promise.all([
      runCli("impact", oldFile, oldFile),
      runCli("impact", oldFile, oldFile, oldFile, "--events", "x"),
      runCli("impact", oldFile, oldFile, "--events", "x", "--fail-on-dropped", "-1"),
    ]);
    expect(runs.map((r) => [r.code, r.err.split("\n")[0]])).toEqual([
      [2, "genesys-eventbridge impact: option --events is required"],
      [2, "genesys-eventbridge impact: expected an old and a new definition file"],
      [2, "genesys-eventbridge impact: option --fail-on-dropped needs a whole number of events, such as 0 or 10"],
    ]);
  });
});
