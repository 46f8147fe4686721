import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describeFileProblem } from "../../src/files/problem";
import { parseEventBytes, readEventCorpus } from "../../src/files/event-corpus";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ebs-corpus-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const write = (name: string, content: string): string => {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
};
const problem = (r: { _tag: string; left?: unknown }) => (r._tag === "Left" ? describeFileProblem(r.left as never) : "no problem");

describe("readEventCorpus", () => {
  it("reads one event, an array, and JSON Lines (by ending or by shape), with a byte order mark and CRLF", () => {
    expect(readEventCorpus(write("one.json", '{"eventType":"a.b","event":{}}'), "one.json")).toEqual({
      _tag: "Right",
      right: { values: [{ eventType: "a.b", event: {} }], files: ["one.json"] },
    });
    expect(readEventCorpus(write("many.json", '[{"n":1},\n {"n":2}]'), "many.json")).toEqual({ _tag: "Right", right: { values: [{ n: 1 }, { n: 2 }], files: ["many.json", "many.json"] } });
    expect(readEventCorpus(write("replay.txt", '\ufeff{"n":1}\r\n\r\n{"n":2}\r\n'), "replay.txt")).toEqual({
      _tag: "Right",
      right: { values: [{ n: 1 }, { n: 2 }], files: ["replay.txt", "replay.txt"] },
    });
    expect(readEventCorpus(write("single.jsonl", '[{"n":1}]\n'), "single.jsonl")).toEqual({ _tag: "Right", right: { values: [[{ n: 1 }]], files: ["single.jsonl"] } });
  });

  it("reads a folder's event files in name order and ignores other files", () => {
    write("folder/b.jsonl", '{"n":2}\n{"n":3}\n');
    write("folder/a.json", '[{"n":1}]');
    write("folder/notes.txt", "not events");
    expect(readEventCorpus(path.join(dir, "folder"), "folder")).toEqual({
      _tag: "Right",
      right: { values: [{ n: 1 }, { n: 2 }, { n: 3 }], files: [path.join("folder", "a.json"), path.join("folder", "b.jsonl"), path.join("folder", "b.jsonl")] },
    });
  });

  it("names the file, line and column of a broken line, a duplicate key, and an empty or missing location", () => {
    expect(problem(readEventCorpus(write("broken.jsonl", '{"n":1}\n{"n":2,}\n'), "broken.jsonl"))).toBe('broken.jsonl:2:8: not valid JSON: unexpected character "}"; expected a property name in double quotes');
    expect(problem(readEventCorpus(write("dup.ndjson", '{"n":1}\n{"n":1,"n":2}\n'), "dup.ndjson"))).toBe('dup.ndjson:2:8: n: duplicate key "n"; it is first given at 2:2 (JSON parsers keep only one of them: keep one key)');
    expect(problem(readEventCorpus(write("bad.json", "[1,"), "bad.json"))).toMatch(/^bad\.json:1:4: /);
    fs.mkdirSync(path.join(dir, "empty"));
    expect(problem(readEventCorpus(path.join(dir, "empty"), "empty"))).toBe("empty: no *.json, *.jsonl or *.ndjson event files in the directory");
    expect(problem(readEventCorpus(path.join(dir, "nowhere"), "nowhere"))).toBe("file not found: nowhere");
  });

  it("refuses bytes that are not UTF-8", () => {
    expect(problem(parseEventBytes(Buffer.from([0x7b, 0xff, 0x7d]), "<stdin>"))).toBe("<stdin>: not UTF-8 text; save the file as UTF-8");
  });
});
