import * as path from "path";
import { example } from "../definition/fixtures";
import { EXAMPLES, removeTempDirs, runCli, tempDir, writeJson } from "./run-cli";

const definitionFile = path.join(EXAMPLES, "definition.json");
const createdSample = path.join(EXAMPLES, "samples", "conversation-created.json");

afterAll(removeTempDirs);

describe("project", () => {
  it("prints exactly the nested target object of one sample", async () => {
    const run = await runCli("project", definitionFile, "--event", createdSample);
    expect([run.code, run.err]).toEqual([0, ""]);
    expect(JSON.parse(run.out)).toEqual({
      convId: "c7d1a5f2-3b9e-4c1a-9f0e-2d6b8a4e1c35",
      agentIds: ["agent-001", "agent-002"],
      eventTime: "2024-01-15T10:00:00.000Z",
      custom: { tenant: "tenant-42" },
    });
    expect(run.out).toBe(JSON.stringify(JSON.parse(run.out), null, 2));
  });

  it("prints an array for a directory of samples, in file-name order", async () => {
    const run = await runCli("project", definitionFile, "--event", path.join(EXAMPLES, "samples"));
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
    expect(
      await runCli("project", path.join(EXAMPLES, "original-definition.json"), "--event", path.join(EXAMPLES, "original-sample.json")),
    ).toEqual({
      code: 1,
      out: "",
      err: "transformations[2].sourceField: does not resolve on samples[0] (conversation.created): metadata is missing",
    });
  });

  it("projects a sample whose conditions fail, with a note on stderr", async () => {
    const sample = example("samples/conversation-created.json") as any;
    sample.event.metadata.source = "phone";
    const run = await runCli("project", definitionFile, "--event", writeJson(tempDir(), "s.json", sample));
    expect([run.code, run.err, JSON.parse(run.out).convId]).toEqual([
      0,
      "note: samples[0] (conversation.created) does not match filters[0].conditions[0]; it would not be sent",
      "c7d1a5f2-3b9e-4c1a-9f0e-2d6b8a4e1c35",
    ]);
  });

  it.each([
    ["no --event", [definitionFile], "option --event is required"],
    ["no definition", ["--event", createdSample], "expected exactly one definition file"],
    ["a missing event file", [definitionFile, "--event", "nope.json"], "file not found: nope.json"],
  ])("exits 2 on %s", async (_, args, message) => {
    expect(await runCli("project", ...args)).toEqual({
      code: 2,
      out: "",
      err: `genesys-eventbridge project: ${message}\nusage: genesys-eventbridge project <definition.json> --event <sample.json|dir>`,
    });
  });
});
