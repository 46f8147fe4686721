import * as fs from "fs";
import * as path from "path";
import { buildPayload, payloadBytes, payloadHash, validateDefinition } from "../../src/definition";
import { rejectionCases } from "../definition/acceptance-cases";
import { fixture } from "../definition/fixtures";
import { FIXTURES, removeTempDirs, runCli, runCliWithInput, tempDir, writeJson } from "./run-cli";
import { originalDefinition, originalSample, originalSampleRefused } from "./original-design";
import { phoneMismatch, phoneSampleFile } from "./phone-sample";

const definitionFile = path.join(FIXTURES, "definition.json");
const samplesDir = path.join(FIXTURES, "samples");

function payloadFacts(): { bytes: number; hash: string } {
  const d = validateDefinition(fixture("definition.json"));
  if (d._tag === "Left") throw new Error("example does not validate");
  const payload = buildPayload(d.right);
  return { bytes: payloadBytes(payload), hash: payloadHash(payload) };
}

afterAll(removeTempDirs);

describe("validate", () => {
  it("accepts the corrected example and its samples directory with a summary", async () => {
    const { bytes, hash } = payloadFacts();
    expect(await runCli("validate", definitionFile, "--samples", samplesDir)).toEqual({
      code: 0,
      err: "",
      out: [
        "valid: eventbridge-source-prod-01",
        "  filters: 2 (3 conditions)",
        "  transformations: 3",
        "  attribute mappings: 1",
        `  payload: ${bytes} bytes (limit 262144)`,
        `  sha256: ${hash}`,
        "  samples: 2 projected, 2 matched their filter",
        "    samples[0] v2.detail.events.conversation.{id}.customer.end (analytics-summary.json): matched filters[1]",
        "    samples[1] v2.detail.events.conversation.{id}.customer.start (conversation-created.json): matched filters[0]",
      ].join("\n"),
    });
  });

  it("accepts a definition without samples", async () => {
    const run = await runCli("validate", originalDefinition);
    expect([run.code, run.err, run.out.split("\n")[6]]).toEqual([0, "", "  samples: 0 projected, 0 matched their filter"]);
  });

  it("rejects the original design's sample at transformations[2].sourceField", async () => {
    expect(await runCli("validate", originalDefinition, "--samples", originalSample)).toEqual(originalSampleRefused);
  });

  describe("rejects with one line per problem naming the exact path", () => {
    const dir = tempDir();

    it.each(rejectionCases.map((c, i) => [c.name, c, i] as const))("%s", async (_, c, i) => {
      const def = writeJson(dir, `definition-${i}.json`, c.definition);
      const args = c.samples === undefined ? [def] : [def, "--samples", writeJson(dir, `samples-${i}.json`, c.samples)];
      const run = await runCli("validate", ...args);
      const lines = run.err.split("\n");
      expect([run.code, run.out, lines.map((l) => l.slice(0, l.indexOf(": ")))]).toEqual([
        1,
        "",
        c.paths.map((p) => (p === "" ? "(definition)" : p)),
      ]);
      expect(lines[0]).toContain(c.says);
    });
  });

  it("lists every problem of a definition, one per line", async () => {
    const dir = tempDir();
    const d = fixture("definition.json") as any;
    d.filters[0].conditions[0].operator = "like";
    d.configuration.awsAccountId = "1";
    const run = await runCli("validate", writeJson(dir, "d.json", d));
    expect(run).toEqual({
      code: 1,
      out: "",
      err: [
        'configuration.awsAccountId: expected a 12-digit AWS account id, found "1"',
        'filters[0].conditions[0].operator: expected one of eq, neq, in, gte, lte, found "like"',
      ].join("\n"),
    });
  });

  it.each([
    ["an unknown flag", ["--strict"], "genesys-eventbridge validate: unknown option --strict"],
    ["an unknown short flag", ["-x", definitionFile], "genesys-eventbridge validate: unknown option -x"],
    ["a missing file argument", [], "genesys-eventbridge validate: expected exactly one definition file"],
    ["two file arguments", ["a.json", "b.json"], "genesys-eventbridge validate: expected exactly one definition file"],
    ["--samples without a value", [definitionFile, "--samples"], "genesys-eventbridge validate: option --samples needs a value"],
    ["standard input for both", ["-", "--samples", "-"], "genesys-eventbridge validate: standard input (-) can stand for the definition or the samples, not both"],
  ])("exits 2 with a usage line on %s", async (_, args, first) => {
    expect(await runCli("validate", ...args)).toEqual({
      code: 2,
      out: "",
      err: `${first}\nusage: genesys-eventbridge validate <definition.json | -> [--samples <file | dir | ->] [--catalog <file>] [--json]`,
    });
  });

  it.each([
    ["a definition file that does not exist", ["no-such.json"], "file not found: no-such.json"],
    ["a samples location that does not exist", [definitionFile, "--samples", "no-such-dir"], "file not found: no-such-dir"],
  ])("exits 1, like any file that cannot be read, on %s", async (_, args, message) => {
    expect(await runCli("validate", ...args)).toEqual({ code: 1, out: "", err: message });
  });

  it("exits 1 naming a file that is not JSON, without a stack trace", async () => {
    const dir = tempDir();
    const file = path.join(dir, "broken.json");
    fs.writeFileSync(file, '{ "id": ');
    expect(await runCli("validate", file)).toEqual({ code: 1, out: "", err: `${file}:1:9: not valid JSON: unexpected end of the text; expected a JSON value` });
  });

  it("exits 1 when the definition path is a directory", async () => {
    const dir = tempDir();
    expect(await runCli("validate", dir)).toEqual({ code: 1, out: "", err: `${dir}: not a regular file (a directory); expected a JSON file` });
  });

  describe("file hygiene", () => {
    const dir = tempDir();
    const exampleText = fs.readFileSync(definitionFile, "utf8");
    const write = (name: string, text: string | Buffer) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, text);
      return file;
    };

    it("accepts a definition with a UTF-8 byte order mark", async () => {
      const run = await runCli("validate", write("bom.json", `\uFEFF${exampleText}`));
      expect([run.code, run.err, run.out.split("\n")[0]]).toEqual([0, "", "valid: eventbridge-source-prod-01"]);
    });

    it("refuses a duplicate key with its path and line:column", async () => {
      const file = write("dup.json", exampleText.replace('"id": "eventbridge-source-prod-01",', '"id": "eventbridge-source-prod-01",\n  "id": "other",'));
      expect(await runCli("validate", file)).toEqual({
        code: 1,
        out: "",
        err: `${file}:3:3: id: duplicate key "id"; it is first given at 2:3 (JSON parsers keep only one of them: keep one key)`,
      });
    });

    it("refuses a duplicate key in a sample file with its path in that file", async () => {
      const file = write("dup-sample.json", '[{"eventType": "v2.detail.events.conversation.{id}.customer.start", "event": {"a": 1, "a": 2}}]');
      expect(await runCli("validate", definitionFile, "--samples", file)).toEqual({
        code: 1,
        out: "",
        err: `${file}:1:87: [0].event.a: duplicate key "a"; it is first given at 1:79 (JSON parsers keep only one of them: keep one key)`,
      });
    });

    it("refuses a lone surrogate with its path", async () => {
      const file = write("lone.json", exampleText.replace('"eventType": "v2.detail.events.conversation.{id}.customer.start"', '"eventType": "v2.detail.events.conversation.{id}.customer.start\\udc00"'));
      const run = await runCli("validate", file);
      expect([run.code, run.out, run.err.replace(/^.*?:\d+:\d+: /, "")]).toEqual([
        1,
        "",
        "filters[0].eventType: not a well-formed UTF-16 string: lone surrogate \\udc00 (a surrogate must be half of a pair)",
      ]);
    });

    it("refuses a 100k-deep sample with a depth error, not a RangeError", async () => {
      const file = write("deep.json", `[{"eventType": "v2.detail.events.conversation.{id}.customer.start", "event": ${"[".repeat(100_000)}${"]".repeat(100_000)}}]`);
      const run = await runCli("validate", definitionFile, "--samples", file);
      expect([run.code, run.out, run.err]).toEqual([1, "", `${file}:1:${78 + 62}: [0].event${"[0]".repeat(62)}: nested deeper than 64 levels of objects and arrays`]);
    });

    it("refuses a file over the size limit before parsing it", async () => {
      const file = write("big.json", `{"id": "x", "pad": "${"x".repeat(1_048_576)}"}`);
      expect(await runCli("validate", file)).toEqual({ code: 1, out: "", err: `${file}: larger than 1 MiB (1048576 bytes), the limit for a definition file` });
    });

    it("refuses text that is not UTF-8", async () => {
      const file = write("latin1.json", Buffer.from('{"id": "caf\xe9"}', "latin1"));
      expect(await runCli("validate", file)).toEqual({ code: 1, out: "", err: `${file}: not UTF-8 text; save the file as UTF-8` });
    });

    it("refuses a device such as /dev/urandom at once", async () => {
      const started = Date.now();
      expect(await runCli("validate", "/dev/urandom")).toEqual({ code: 1, out: "", err: "/dev/urandom: not a regular file (a character device); expected a JSON file" });
      expect(Date.now() - started).toBeLessThan(1000);
    });
  });

  it("exits 1 for a samples directory without *.json files", async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "notes.txt"), "x");
    expect(await runCli("validate", definitionFile, "--samples", dir)).toEqual({
      code: 1,
      out: "",
      err: `${dir}: no *.json sample files in the directory`,
    });
  });

  it("reports malformed samples with their paths", async () => {
    const dir = tempDir();
    const file = writeJson(dir, "s.json", [{ eventType: "v2.detail.events.conversation.{id}.customer.start", event: [] }, { event: {} }]);
    expect(await runCli("validate", definitionFile, "--samples", file)).toEqual({
      code: 1,
      out: "",
      err: ["samples[0].event: expected an event object, found []", "samples[1].eventType: is required: expected an event type such as v2.detail.events.conversation.{id}.customer.start"].join("\n"),
    });
  });

  describe("--json", () => {
    it("prints the summary as one JSON document on one line", async () => {
      const { bytes, hash } = payloadFacts();
      const run = await runCli("validate", definitionFile, "--samples", samplesDir, "--json");
      expect([run.code, run.err, run.out.split("\n").length, JSON.parse(run.out)]).toEqual([
        0,
        "",
        1,
        {
          ok: true,
          id: "eventbridge-source-prod-01",
          filters: 2,
          conditions: 3,
          transformations: 3,
          attributeMappings: 1,
          payloadBytes: bytes,
          payloadLimit: 262144,
          sha256: hash,
          samples: [
            { sample: 0, eventType: "v2.detail.events.conversation.{id}.customer.end", file: "analytics-summary.json", filter: 1, matched: true },
            { sample: 1, eventType: "v2.detail.events.conversation.{id}.customer.start", file: "conversation-created.json", filter: 0, matched: true },
          ],
        },
      ]);
    });

    it("names a sample that does not match, with the failed condition", async () => {
      const run = await runCli("validate", definitionFile, "--samples", phoneSampleFile(), "--json");
      expect([run.code, run.err, JSON.parse(run.out).samples]).toEqual([0, "", [{ ...phoneMismatch, reason: 'metadata.source is "phone"' }]]);
    });

    it("prints the problems of an invalid definition as one document on stdout, nothing on stderr", async () => {
      const d = fixture("definition.json") as any;
      d.filters[0].conditions[0].operator = "like";
      d.configuration.awsAccountId = "1";
      const run = await runCli("validate", writeJson(tempDir(), "d.json", d), "--json");
      expect([run.code, run.err, JSON.parse(run.out)]).toEqual([
        1,
        "",
        {
          ok: false,
          problems: [
            { message: 'configuration.awsAccountId: expected a 12-digit AWS account id, found "1"', path: "configuration.awsAccountId" },
            { message: 'filters[0].conditions[0].operator: expected one of eq, neq, in, gte, lte, found "like"', path: "filters[0].conditions[0].operator" },
          ],
        },
      ]);
    });

    it("prints a file problem with its file, line, column and path", async () => {
      const dir = tempDir();
      const file = path.join(dir, "dup.json");
      fs.writeFileSync(file, '{"id": "a",\n "id": "b"}');
      const run = await runCli("validate", file, "--json");
      expect([run.code, run.err, JSON.parse(run.out)]).toEqual([
        1,
        "",
        {
          ok: false,
          problems: [
            {
              message: `${file}:2:2: id: duplicate key "id"; it is first given at 1:2 (JSON parsers keep only one of them: keep one key)`,
              file,
              line: 2,
              column: 2,
              path: "id",
            },
          ],
        },
      ]);
    });

    it("prints a missing file as a problem too", async () => {
      const run = await runCli("validate", "no-such.json", "--json");
      expect([run.code, run.err, JSON.parse(run.out)]).toEqual([1, "", { ok: false, problems: [{ message: "file not found: no-such.json", file: "no-such.json" }] }]);
    });

    it("keeps usage errors as text on stderr", async () => {
      const run = await runCli("validate", "--json");
      expect([run.code, run.out, run.err.split("\n")[0]]).toEqual([2, "", "genesys-eventbridge validate: expected exactly one definition file"]);
    });
  });

  describe("standard input (-)", () => {
    const exampleText = fs.readFileSync(definitionFile, "utf8");

    it("reads the definition from standard input", async () => {
      const run = await runCliWithInput(exampleText, "validate", "-", "--samples", samplesDir);
      expect([run.code, run.err, run.out.split("\n")[0]]).toEqual([0, "", "valid: eventbridge-source-prod-01"]);
    });

    it("reads the samples from standard input", async () => {
      const samples = fs.readFileSync(path.join(samplesDir, "conversation-created.json"), "utf8");
      const run = await runCliWithInput(samples, "validate", definitionFile, "--samples", "-");
      expect([run.code, run.err, run.out.split("\n").slice(-2)]).toEqual([
        0,
        "",
        ["  samples: 1 projected, 1 matched their filter", "    samples[0] v2.detail.events.conversation.{id}.customer.start (<stdin>): matched filters[0]"],
      ]);
    });

    it("applies the strict JSON rules, naming <stdin> with line and column", async () => {
      const run = await runCliWithInput('{\n  "id": "a",\n  "id": "b"\n}', "validate", "-");
      expect(run).toEqual({
        code: 1,
        out: "",
        err: '<stdin>:3:3: id: duplicate key "id"; it is first given at 2:3 (JSON parsers keep only one of them: keep one key)',
      });
    });

    it("applies the definition size limit", async () => {
      const run = await runCliWithInput(`{"id": "x", "pad": "${"x".repeat(1_048_576)}"}`, "validate", "-");
      expect(run).toEqual({ code: 1, out: "", err: "<stdin>: larger than 1 MiB (1048576 bytes), the limit for a definition file" });
    });

    it("reports empty input as JSON that ends too soon", async () => {
      expect(await runCliWithInput("", "validate", "-")).toEqual({
        code: 1,
        out: "",
        err: "<stdin>:1:1: not valid JSON: expected a JSON value, found the end of the text",
      });
    });
  });

  describe("intendedState in a definition file", () => {
    it("is accepted and shown: the stack program passes it to the resource", async () => {
      const d = { ...(fixture("definition.json") as any), intendedState: "DISABLED" };
      const run = await runCli("validate", writeJson(tempDir(), "disabled.json", d));
      expect([run.code, run.err, run.out.split("\n").slice(0, 2)]).toEqual([0, "", ["valid: eventbridge-source-prod-01", "  intended state: DISABLED"]]);
    });

    it("is not part of the payload: the hash stays the same", async () => {
      const { hash } = payloadFacts();
      const d = { ...(fixture("definition.json") as any), intendedState: "ENABLED" };
      const run = await runCli("validate", writeJson(tempDir(), "enabled.json", d), "--json");
      expect([run.code, JSON.parse(run.out).sha256, JSON.parse(run.out).intendedState]).toEqual([0, hash, "ENABLED"]);
    });

    it("must be ENABLED or DISABLED", async () => {
      const d = { ...(fixture("definition.json") as any), intendedState: "ON" };
      expect(await runCli("validate", writeJson(tempDir(), "on.json", d))).toEqual({
        code: 1,
        out: "",
        err: 'intendedState: expected one of ENABLED, DISABLED, found "ON"',
      });
    });
  });
});
