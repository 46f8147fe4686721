import { promises as fs } from "node:fs";

/** LastLine is what the end of a JSON Lines file holds. */
export type LastLine =
  | { readonly _tag: "Empty" }
  | { readonly _tag: "Line"; readonly text: string }
  | { readonly _tag: "Unterminated"; readonly text: string };

const NEWLINE = 0x0a;

/**
 * readLastLine is the last complete line of an open file, read from the end
 * in growing chunks so that the cost does not depend on the file's size.
 * A file whose final byte is not a newline ends in an `Unterminated` line.
 */
export async function readLastLine(handle: fs.FileHandle, initialChunk = 4096): Promise<LastLine> {
  const { size } = await handle.stat();
  if (size === 0) return { _tag: "Empty" };
  let chunk = initialChunk;
  for (;;) {
    const start = Math.max(0, size - chunk);
    const buffer = Buffer.alloc(size - start);
    await readFully(handle, buffer, start);
    const terminated = buffer[buffer.length - 1] === NEWLINE;
    const end = terminated ? buffer.length - 1 : buffer.length;
    // Buffer#lastIndexOf reads a negative offset from the end, hence the guard.
    const previous = end === 0 ? -1 : buffer.lastIndexOf(NEWLINE, end - 1);
    if (previous !== -1 || start === 0) {
      const text = buffer.subarray(previous + 1, end).toString("utf8");
      return terminated ? { _tag: "Line", text } : { _tag: "Unterminated", text };
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
