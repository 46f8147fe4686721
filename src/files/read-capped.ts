import * as fs from "node:fs";
import { Either, left, right } from "fp-ts/Either";
import type { FileProblem } from "./problem";

/**
 * Reads a regular file of at most `limit` bytes. Anything else is refused
 * before a byte is read: a missing file, a directory, a device such as
 * `/dev/urandom`, a pipe (opened without blocking), or a file over the limit.
 * Reads at most `limit + 1` bytes even if the file grows meanwhile. `name` is
 * how messages call the file; `what` says whose limit it is. Never throws.
 */
export function readCapped(file: string, limit: number, name: string, what: string): Either<FileProblem, Buffer> {
  let fd: number | undefined;
  try {
    const kind = nonRegularKind(fs.statSync(file));
    if (kind !== undefined) return left({ _tag: "NotARegularFile", file: name, kind });
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    const opened = fs.fstatSync(fd);
    const kindNow = nonRegularKind(opened);
    if (kindNow !== undefined) return left({ _tag: "NotARegularFile", file: name, kind: kindNow });
    if (opened.size > limit) return left({ _tag: "FileTooLarge", file: name, limit, what });
    // Read in chunks until the end, stopping past the limit: the file may grow meanwhile.
    const chunks: Buffer[] = [];
    let length = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.min(65_536, limit + 1 - length));
      const n = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      length += n;
      if (length > limit) return left({ _tag: "FileTooLarge", file: name, limit, what });
    }
    return right(Buffer.concat(chunks, length));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? "error";
    return left(code === "ENOENT" || code === "ENOTDIR" ? { _tag: "FileMissing", file: name } : { _tag: "FileUnreadable", file: name, code });
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function nonRegularKind(stat: fs.Stats): string | undefined {
  if (stat.isFile()) return undefined;
  if (stat.isDirectory()) return "a directory";
  if (stat.isCharacterDevice()) return "a character device";
  if (stat.isBlockDevice()) return "a block device";
  if (stat.isFIFO()) return "a pipe";
  if (stat.isSocket()) return "a socket";
  return "not a file";
}
