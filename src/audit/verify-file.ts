import { createReadStream } from "node:fs";
import { VerifyOptions, VerifyResult, broken, checkLine, concludeChain, initialChainState, unreadable } from "./verify-lines";

const NEWLINE = 0x0a;

/**
 * verifyAuditFile is the verdict on the JSON Lines audit log at `path`, read
 * as a stream so that memory does not grow with the file (apart from the set
 * of seen auditIds and the open intents). Resolves to the first broken 1-based
 * line, if any; never rejects.
 */
export function verifyAuditFile(path: string, options: VerifyOptions = {}): Promise<VerifyResult> {
  return new Promise((resolve) => {
    const stream = createReadStream(path);
    let state = initialChainState(options);
    let pending: Buffer[] = [];
    let done = false;
    const finish = (result: VerifyResult) => {
      if (done) return;
      done = true;
      stream.destroy();
      resolve(result);
    };
    const feed = (line: Buffer, terminated: boolean): boolean => {
      const verdict = checkLine(state, line.toString("utf8"), terminated, line);
      if (!verdict.ok) {
        finish(broken(verdict.line, verdict.reason));
        return false;
      }
      state = verdict.state;
      return true;
    };
    stream.on("data", (data: Buffer | string) => {
      const chunk = typeof data === "string" ? Buffer.from(data) : data;
      let start = 0;
      for (let nl = chunk.indexOf(NEWLINE); nl !== -1 && !done; nl = chunk.indexOf(NEWLINE, start)) {
        const piece = chunk.subarray(start, nl);
        const line = pending.length === 0 ? piece : Buffer.concat([...pending, piece]);
        pending = [];
        start = nl + 1;
        if (!feed(line, true)) return;
      }
      if (start < chunk.length) pending.push(chunk.subarray(start));
    });
    stream.on("end", () => {
      if (done) return;
      const rest = Buffer.concat(pending);
      if (rest.length > 0 && !feed(rest, false)) return;
      finish(concludeChain(state));
    });
    stream.on("error", (e: NodeJS.ErrnoException) => {
      const why = e.code === "ENOENT" ? "no such file" : e.code === "EISDIR" ? "is a directory" : e.message;
      finish(unreadable(`cannot read audit log ${path}: ${why}`));
    });
  });
}
