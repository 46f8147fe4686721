import { promises as fs } from "node:fs";
import * as path from "node:path";
import { randomBytes } from "node:crypto";
import { describeFileProblem } from "../files/problem";
import { readCapped } from "../files/read-capped";

/** The persisted state file: one section per collection. */
export interface StateFileContent {
  readonly format: 1;
  readonly collections: Record<string, unknown>;
}

/** The most bytes a state file may have. */
export const MAX_STATE_FILE_BYTES = 64 * 1_048_576;

/**
 * Reads a state file; `undefined` when it does not exist yet. A corrupt file,
 * one that is not a regular file or one over {@link MAX_STATE_FILE_BYTES} is
 * an error naming the file, not silently reset.
 */
export async function loadStateFile(file: string): Promise<StateFileContent | undefined> {
  const read = readCapped(file, MAX_STATE_FILE_BYTES, file, "an emulator state file");
  if (read._tag === "Left") {
    if (read.left._tag === "FileMissing") return undefined;
    throw new Error(describeFileProblem(read.left));
  }
  let parsed: Partial<StateFileContent> | null;
  try {
    parsed = JSON.parse(read.right.toString("utf8")) as Partial<StateFileContent> | null;
  } catch (e) {
    throw new Error(`${path.basename(file)} is not an emulator state file: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (parsed === null || typeof parsed !== "object" || parsed.format !== 1 || parsed.collections === null || typeof parsed.collections !== "object") {
    throw new Error(`${path.basename(file)} is not an emulator state file`);
  }
  return { format: 1, collections: parsed.collections };
}

/**
 * Writes state files atomically (a temporary file in the same folder, then a
 * rename, so a reader never sees half a file) and one at a time, in order.
 */
export class StateWriter {
  private chain: Promise<void> = Promise.resolve();

  constructor(private readonly file: string) {}

  /** Queues a write of the snapshot taken now; resolves when it is on disk. */
  save(content: StateFileContent): Promise<void> {
    const text = `${JSON.stringify(content, null, 2)}\n`;
    const next = this.chain.then(async () => {
      const tmp = `${this.file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
      await fs.writeFile(tmp, text, "utf8");
      await fs.rename(tmp, this.file);
    });
    // A failed write must not stop the ones after it.
    this.chain = next.catch(() => undefined);
    return next;
  }

  /** Resolves when every queued write has finished. */
  idle(): Promise<void> {
    return this.chain;
  }
}
