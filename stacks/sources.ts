import * as fs from "fs";
import * as path from "path";

/** One source the stack deploys: a definition file and, optionally, sample events. */
export interface SourceFiles {
  /** Path of the definition JSON, relative to the project folder. */
  readonly definition: string;
  /** A sample file or a folder of `*.json` samples, relative to the project folder. */
  readonly samples?: string;
}

/** A loaded source: the definition object and its samples. */
export interface LoadedSource {
  readonly definition: Record<string, unknown>;
  readonly samples?: unknown[];
}

/**
 * Reads the definition and sample files a stack names. The provider's `check`
 * validates what it reads; here a file that is missing or not JSON is an error
 * naming the file.
 */
export function loadSources(entries: ReadonlyArray<SourceFiles>, root: string): LoadedSource[] {
  return entries.map((entry) => {
    const definition = readJson(path.resolve(root, entry.definition));
    if (definition === null || typeof definition !== "object" || Array.isArray(definition)) {
      throw new Error(`${entry.definition}: expected a JSON object (an EventBridge source definition)`);
    }
    return entry.samples === undefined
      ? { definition: definition as Record<string, unknown> }
      : { definition: definition as Record<string, unknown>, samples: readSamples(path.resolve(root, entry.samples)) };
  });
}

function readSamples(where: string): unknown[] {
  const files = fs.statSync(where).isDirectory()
    ? fs.readdirSync(where).filter((f) => f.endsWith(".json")).sort().map((f) => path.join(where, f))
    : [where];
  return files.flatMap((f) => {
    const v = readJson(f);
    return Array.isArray(v) ? v : [v];
  });
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    throw new Error(`cannot read ${path.basename(file)}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error(`${path.basename(file)} is not valid JSON: ${(e as Error).message}`);
  }
}
