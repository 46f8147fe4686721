import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describeFileProblem } from "../../src/files/problem";
import { MAX_SAMPLE_FILE_BYTES, MAX_SAMPLE_FILES, MAX_SAMPLES_TOTAL_BYTES } from "../../src/files/limits";
import { readCapped } from "../../src/files/read-capped";
import { readJsonFile } from "../../src/files/json-file";
import { readSourceFiles } from "../../src/files/source-files";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ebs-files-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const write = (name: string, content: string | Buffer): string => {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return name;
};
const problem = (r: { _tag: string; left?: unknown }) => (r._tag === "Left" ? describeFileProblem(r.left as never) : "no problem");

describe("readCapped", () => {
  it("reads a regular file up to the limit and refuses one byte more", () => {
    const file = path.join(dir, write("ten.txt", "0123456789"));
    expect(readCapped(file, 10, "ten.txt", "a test file")).toEqual({ _tag: "Right", right: Buffer.from("0123456789") });
    expect(problem(readCapped(file, 9, "ten.txt", "a test file"))).toBe("ten.txt: larger than 9 bytes, the limit for a test file");
  });

  it("refuses a pipe without blocking on it", () => {
    const fifo = path.join(dir, "pipe.json");
    execFileSync("mkfifo", [fifo]);
    expect(problem(readCapped(fifo, 100, "pipe.json", "a test file"))).toBe("pipe.json: not a regular file (a pipe); expected a JSON file");
  });

  it("refuses devices and says what a missing or unreadable file is", () => {
    expect(problem(readCapped("/dev/urandom", 100, "/dev/urandom", "x"))).toBe("/dev/urandom: not a regular file (a character device); expected a JSON file");
    expect(problem(readCapped(path.join(dir, "nope"), 100, "nope", "x"))).toBe("file not found: nope");
    expect(problem(readCapped(path.join(dir, "ten.txt", "below"), 100, "ten.txt/below", "x"))).toBe("file not found: ten.txt/below");
  });
});

describe("readJsonFile", () => {
  it("drops a leading byte order mark, and only a leading one", () => {
    expect(readJsonFile(path.join(dir, write("bom.json", '\uFEFF{"a": 1}')), 100)).toEqual({ _tag: "Right", right: { value: { a: 1 }, bytes: 11 } });
    expect(problem(readJsonFile(path.join(dir, write("bom2.json", '\uFEFF\uFEFF{"a": 1}')), 100, "bom2.json"))).toBe(
      'bom2.json:1:1: not valid JSON: unexpected character "\uFEFF"; expected a JSON value',
    );
  });

  it("refuses bytes that are not UTF-8 instead of replacing them", () => {
    expect(problem(readJsonFile(path.join(dir, write("bad.json", Buffer.from([0x22, 0xff, 0x22]))), 100, "bad.json"))).toBe("bad.json: not UTF-8 text; save the file as UTF-8");
  });
});

describe("readSourceFiles", () => {
  const definition = write("def.json", '{"id": "a"}');

  it("reads a samples folder in name order, flattening arrays, with the file of each sample", () => {
    write("samples/b.json", '[{"n": 2}, {"n": 3}]');
    write("samples/a.json", '{"n": 1}');
    write("samples/notes.txt", "ignored");
    expect(readSourceFiles({ definition, samples: "samples" }, { root: dir })).toEqual({
      _tag: "Right",
      right: { definition: { id: "a" }, samples: [{ n: 1 }, { n: 2 }, { n: 3 }], sampleFiles: ["a.json", "b.json", "b.json"] },
    });
    expect(readSourceFiles({ definition }, { root: dir })).toEqual({ _tag: "Right", right: { definition: { id: "a" }, sampleFiles: [] } });
  });

  it("reports a missing file before any other problem, so the CLI can call it a usage error", () => {
    write("broken.json", "{");
    expect(problem(readSourceFiles({ definition: "broken.json", samples: "missing" }, { root: dir }))).toBe("file not found: missing");
    expect(problem(readSourceFiles({ definition: "broken.json", samples: "samples" }, { root: dir }))).toBe(
      "broken.json:1:2: not valid JSON: unexpected end of the text; expected a property name in double quotes",
    );
  });

  it("names the sample file inside a folder", () => {
    write("dup-samples/x.json", '{"a": 1, "a": 2}');
    expect(problem(readSourceFiles({ definition, samples: "dup-samples" }, { root: dir }))).toBe(
      `${path.join("dup-samples", "x.json")}:1:10: a: duplicate key "a"; it is first given at 1:2 (JSON parsers keep only one of them: keep one key)`,
    );
  });

  it("limits a sample file, all samples together, and the number of sample files", () => {
    write("big-sample.json", `"${"x".repeat(MAX_SAMPLE_FILE_BYTES)}"`);
    expect(problem(readSourceFiles({ definition, samples: "big-sample.json" }, { root: dir }))).toBe("big-sample.json: larger than 4 MiB (4194304 bytes), the limit for a sample file");
    const each = `"${"x".repeat(MAX_SAMPLE_FILE_BYTES - 2)}"`;
    for (let i = 0; i < MAX_SAMPLES_TOTAL_BYTES / MAX_SAMPLE_FILE_BYTES + 1; i++) write(`many-big/${i}.json`, each);
    expect(problem(readSourceFiles({ definition, samples: "many-big" }, { root: dir }))).toBe("many-big: larger than 16 MiB (16777216 bytes), the limit for the sample files of a source together");
    for (let i = 0; i <= MAX_SAMPLE_FILES; i++) write(`many/${String(i).padStart(4, "0")}.json`, "{}");
    expect(problem(readSourceFiles({ definition, samples: "many" }, { root: dir }))).toBe("many: more than 1000 *.json sample files in the directory");
  });

  it("says when a samples folder has no *.json file", () => {
    write("empty/readme.txt", "x");
    expect(problem(readSourceFiles({ definition, samples: "empty" }, { root: dir }))).toBe("empty: no *.json sample files in the directory");
  });
});

describe("readSourceFiles with standard input", () => {
  const definition = { id: "from-stdin" };

  it("reads a location given as - from the bytes of standard input", () => {
    const samples = write("stdin-samples.json", JSON.stringify([{ eventType: "a" }, { eventType: "b" }]));
    expect(readSourceFiles({ definition: "-", samples }, { root: dir, stdin: Buffer.from(JSON.stringify(definition)) })).toEqual({
      _tag: "Right",
      right: { definition, samples: [{ eventType: "a" }, { eventType: "b" }], sampleFiles: ["stdin-samples.json", "stdin-samples.json"] },
    });
    const def = write("stdin-def.json", JSON.stringify(definition));
    expect(readSourceFiles({ definition: def, samples: "-" }, { root: dir, stdin: Buffer.from('[{"eventType": "a"}]') })).toEqual({
      _tag: "Right",
      right: { definition, samples: [{ eventType: "a" }], sampleFiles: ["<stdin>"] },
    });
  });

  it("applies the limit and the strict JSON rules of the file - stands for, naming <stdin>", () => {
    expect(problem(readSourceFiles({ definition: "-" }, { stdin: Buffer.alloc(1_048_577, 0x20) }))).toBe(
      "<stdin>: larger than 1 MiB (1048576 bytes), the limit for a definition file",
    );
    expect(problem(readSourceFiles({ definition: "-" }, { stdin: Buffer.from('{"a": 1, "a": 2}') }))).toBe(
      '<stdin>:1:10: a: duplicate key "a"; it is first given at 1:2 (JSON parsers keep only one of them: keep one key)',
    );
    expect(problem(readSourceFiles({ definition: "-" }, { stdin: Buffer.from([0x7b, 0xff, 0x7d]) }))).toBe("<stdin>: not UTF-8 text; save the file as UTF-8");
  });

  it("reads a file named - without standard input", () => {
    write("-", JSON.stringify(definition));
    expect(readSourceFiles({ definition: "-" }, { root: dir })).toEqual({ _tag: "Right", right: { definition, sampleFiles: [] } });
  });
});

