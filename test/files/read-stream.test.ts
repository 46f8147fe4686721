import { left, right } from "fp-ts/Either";
import { readCappedStream } from "../../src/files/read-stream";

async function* chunks(...parts: Array<string | Uint8Array>): AsyncGenerator<string | Uint8Array> {
  for (const p of parts) yield p;
}

describe("readCappedStream", () => {
  it("reads every chunk, strings as UTF-8, up to the limit", async () => {
    expect(await readCappedStream(chunks("01234", Buffer.from("é")), 7, "<stdin>", "a test file")).toEqual(right(Buffer.from("01234é")));
  });

  it("refuses a stream one byte over the limit", async () => {
    expect(await readCappedStream(chunks("0123", "4567"), 7, "<stdin>", "a test file")).toEqual(
      left({ _tag: "FileTooLarge", file: "<stdin>", limit: 7, what: "a test file" }),
    );
  });

  it("stops reading an endless stream once it is over the limit", async () => {
    let pulled = 0;
    async function* endless(): AsyncGenerator<Uint8Array> {
      for (;;) {
        pulled++;
        yield Buffer.alloc(1000);
      }
    }
    expect(await readCappedStream(endless(), 4500, "<stdin>", "a test file")).toEqual(left({ _tag: "FileTooLarge", file: "<stdin>", limit: 4500, what: "a test file" }));
    expect(pulled).toBe(5);
  });

  it("turns a read error into a problem instead of throwing", async () => {
    async function* failing(): AsyncGenerator<Uint8Array> {
      yield Buffer.from("{");
      throw Object.assign(new Error("boom"), { code: "EIO" });
    }
    expect(await readCappedStream(failing(), 100, "<stdin>", "a test file")).toEqual(left({ _tag: "FileUnreadable", file: "<stdin>", code: "EIO" }));
  });
});
