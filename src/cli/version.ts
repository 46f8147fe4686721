import * as fs from "node:fs";
import * as path from "node:path";

const PACKAGE_NAME = "genesys-eventbridge";

/**
 * The package's version, from the `package.json` found upward from this
 * file (`src/cli` in the sources, `dist/src/cli` in the package), so the
 * binary reports the version of the package it ships in. `"unknown"` when
 * no such file is found.
 */
export function packageVersion(from: string = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const file = path.join(dir, "package.json");
    try {
      const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as { name?: unknown; version?: unknown };
      if (manifest.name === PACKAGE_NAME && typeof manifest.version === "string") return manifest.version;
    } catch {
      // No manifest here, or not ours: look further up.
    }
    if (path.dirname(dir) === dir) return "unknown";
  }
}
