import * as fs from "fs";
import * as path from "path";
import { fixture } from "../definition/fixtures";
import { EXAMPLES, FIXTURES, removeTempDirs, runCli, runCliWithInput, tempDir, writeJson } from "./run-cli";
import { originalDefinition, originalSample, originalSampleRefused } from "./original-design";
import { phoneMismatch, phoneSampleFile } from "./phone-sample";

const definitionFile = path.join(FIXTURES, "definition.json");
const createdSample = path.join(FIXTURES, "samples", "conversation-created.json");

afterAll(removeTempDirs);

describe("project", () => {
  it("prints exactly the nested target object of one sample, on one line", async () => {
    expect(await runCli("project", definitionFile, "--event", createdSample)).toEqual({
      code: 0,
      err: "",
      out: '{"convId":"c7d1a5f2-3b9e-4c1a-9f0e-2d6b8a4e1c35","agentIds":["agent-001","agent-002"],"eventTime":"2024-01-15T10:00:00.000Z","custom":{"tenant":"tenant-42"}}',
    });
  });

  it("indents the JSON with --pretty", async () => {
    const run = await runCli("project", definitionFile, "--event", createdSample, "--pretty");
    expect([run.code, run.err, run.out]).toEqual([0, "", JSON.stringify(JSON.parse(run.out), null, 2)]);
    expect(run.out.split("\n")).toHaveLength(11);
  });

  it("wraps each projection with its sample, filter and match in one --json document; a mismatch is flagged inside, not on stderr", async () => {
    const run = await runCli("project", definitionFile, "--event", phoneSampleFile(), "--json");
    expect([run.code, run.err, run.out.split("\n").length, JSON.parse(run.out)]).toEqual([
      0,
      "",
      1,
      {
        ok: true,
        projections: [
          {
            ...phoneMismatch,
            event: {
              convId: "c7d1a5f2-3b9e-4c1a-9f0e-2d6b8a4e1c35",
              agentIds: ["agent-001", "agent-002"],
              eventTime: "2024-01-15T10:00:00.000Z",
              custom: { tenant: "tenant-42" },
            },
          },
        ],
      },
    ]);
  });

  it("prints the mismatches as a --json document with exit 1", async () => {
    const run = await runCli("project", originalDefinition, "--event", originalSample, "--json");
    expect([run.code, run.err, JSON.parse(run.out)]).toEqual([
      1,
      "",
      {
        ok: false,
        problems: [
          {
            message: "transformations[2].sourceField: does not resolve on samples[0] (v2.detail.events.conversation.{id}.customer.start): metadata is missing",
            path: "transformations[2].sourceField",
          },
        ],
      },
    ]);
  });

  it("reads the sample from standard input", async () => {
    const run = await runCliWithInput(fs.readFileSync(createdSample), "project", definitionFile, "--event", "-");
    expect([run.code, run.err, JSON.parse(run.out).convId]).toEqual([0, "", "c7d1a5f2-3b9e-4c1a-9f0e-2d6b8a4e1c35"]);
  });

  it("prints an array for a directory of samples, in file-name order", async () => {
    const run = await runCli("project", definitionFile, "--event", path.join(FIXTURES, "samples"));
    expect([run.code, run.err, JSON.parse(run.out)]).toEqual([
      0,
      "",
      [
        {
          convId: "c7d1a5f2-3b9e-4c1a-9f0e-2d6b8a4e1c35",
          agentIds: ["agent-001"],
          eventTime: "2024-01-15T10:05:30.000Z",
          custom: { tenant: "tenant-42" },
        },
        {
          convId: "c7d1a5f2-3b9e-4c1a-9f0e-2d6b8a4e1c35",
          agentIds: ["agent-001", "agent-002"],
          eventTime: "2024-01-15T10:00:00.000Z",
          custom: { tenant: "tenant-42" },
        },
      ],
    ]);
  });

  it("exits 1 with the mismatches of the original design's sample", async () => {
    expect(await runCli("project", originalDefinition, "--event", originalSample)).toEqual(originalSampleRefused);
  });

  it("projects a sample whose conditions fail, with a note on stderr", async () => {
    const sample = fixture("samples/conversation-created.json") as any;
    sample.event.metadata.source = "phone";
    const run = await runCli("project", definitionFile, "--event", writeJson(tempDir(), "s.json", sample));
    expect([run.code, run.err, JSON.parse(run.out).convId]).toEqual([
      0,
      "note: samples[0] (v2.detail.events.conversation.{id}.customer.start) does not match filters[0].conditions[0]; it would not be sent",
      "c7d1a5f2-3b9e-4c1a-9f0e-2d6b8a4e1c35",
    ]);
  });

  it.each([
    ["no --event", [definitionFile], "option --event is required"],
    ["no definition", ["--event", createdSample], "expected exactly one definition file"],
    ["an unknown option", [definitionFile, "--event", createdSample, "--indent"], "unknown option --indent"],
  ])("exits 2 on %s", async (_, args, message) => {
    expect(await runCli("project", ...args)).toEqual({
      code: 2,
      out: "",
      err: `genesys-eventbridge project: ${message}\nusage: genesys-eventbridge project <definition.json | -> --event <file | dir | -> [--pretty] [--json]`,
    });
  });

  it.each([
    ["a missing event file", [definitionFile, "--event", "nope.json"], "file not found: nope.json"],
    ["an event directory without samples", [definitionFile, "--event", EXAMPLES + "/../../src"], `${EXAMPLES}/../../src: no *.json sample files in the directory`],
  ])("exits 1 on %s", async (_, args, message) => {
    expect(await runCli("project", ...args)).toEqual({ code: 1, out: "", err: message });
  });
});
