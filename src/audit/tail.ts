import { promises as fs } from "node:fs";

/** LastLine is what the end of a JSON Lines file holds. */
export type LastLine =
  | { readonly _tag: "Empty" }
  | { readonly _tag: "Line"; readonly text: string }
  | {
      readonly _tag: "Unterminated";
      readonly text: string;
      /** The bytes after the last newline, as written (a torn write may end inside a character). */
      readonly bytes: Buffer;
      /** Byte offset where those bytes start. */
      readonly offset: number;
      /** What precedes them: the last complete line, or nothing. */
      readonly before: LastLine;
    };

const NEWLINE = 0x0a;

/**
 * readLastLine is the last line of an open file, read from the end in
 * growing chunks so that the cost does not depend on the file's size.
 * A file whose final byte is not a newline ends in an `Unterminated` line,
 * which also gives the complete line before it. `size` reads the file as if
 * it ended there (default: its whole length).
 */
export async function readLastLine(handle: fs.FileHandle, initialChunk = 4096, size?: number): Promise<LastLine> {
  const end = size ?? (await handle.stat()).size;
  if (end === 0) return { _tag: "Empty" };
  let chunk = initialChunk;
  for (;;) {
    const start = Math.max(0, end - chunk);
    const buffer = Buffer.alloc(end - start);
    await readFully(handle, buffer, start);
    const terminated = buffer[buffer.length - 1] === NEWLINE;
    const stop = terminated ? buffer.length - 1 : buffer.length;
    // Buffer#lastIndexOf reads a negative offset from the end, hence the guard.
    const previous = stop === 0 ? -1 : buffer.lastIndexOf(NEWLINE, stop - 1);
    if (previous !== -1 || start === 0) {
      const bytes = buffer.subarray(previous + 1, stop);
      const text = bytes.toString("utf8");
      if (terminated) return { _tag: "Line", text };
      const offset = start + previous + 1;
      const before = await readLastLine(handle, initialChunk, offset);
      return { _tag: "Unterminated", text, bytes: Buffer.from(bytes), offset, before };
    }
    chunk *= 4;
  }
}

async function readFully(handle: fs.FileHandle, buffer: Buffer, position: number): Promise<void> {
  let offset = 0;
  while (offset < buffer.length) {
    const { bytesRead } = await handle.read(buffer, offset, buffer.length - offset, position + offset);
    if (bytesRead === 0) break;
    offset += bytesRead;
  }
}
