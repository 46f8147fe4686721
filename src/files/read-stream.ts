import { Either, left, right } from "fp-ts/Either";
import type { FileProblem } from "./problem";

/**
 * Reads a stream (standard input) to its end, refusing it as soon as it
 * holds more than `limit` bytes: at most one chunk past the limit is kept in
 * memory, and the rest is not waited for. `name` is how messages call the
 * stream (`<stdin>`), `what` whose limit it is. Never rejects: a read error
 * is a `FileUnreadable` problem.
 */
export async function readCappedStream(
  stream: AsyncIterable<Uint8Array | string>,
  limit: number,
  name: string,
  what: string,
): Promise<Either<FileProblem, Buffer>> {
  const chunks: Buffer[] = [];
  let length = 0;
  try {
    for await (const chunk of stream) {
      const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : Buffer.from(chunk);
      length += bytes.length;
      if (length > limit) return left({ _tag: "FileTooLarge", file: name, limit, what });
      chunks.push(bytes);
    }
  } catch (e) {
    return left({ _tag: "FileUnreadable", file: name, code: (e as NodeJS.ErrnoException).code ?? "error" });
  }
  return right(Buffer.concat(chunks, length));
}
