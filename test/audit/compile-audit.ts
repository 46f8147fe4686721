import { promises as fs } from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";

/**
 * compileAuditModule is a directory holding the audit layer transpiled to
 * CommonJS, so that plain `node` child processes can `require` its files;
 * it returns the folder of the audit files.
 */
export async function compileAuditModule(outDir: string): Promise<string> {
  const srcDir = path.resolve(__dirname, "../../src/audit");
  const target = path.join(outDir, "audit");
  await fs.mkdir(target, { recursive: true });
  // The hash chain uses the definition layer's canonical JSON and the entry codec (files without local dependencies).
  await fs.mkdir(path.join(outDir, "definition", "vocabulary"), { recursive: true });
  await transpile(path.resolve(__dirname, "../../src/definition/canonical-json.ts"), path.join(outDir, "definition", "canonical-json.js"));
  await transpile(path.resolve(__dirname, "../../src/definition/vocabulary/audit-entry.ts"), path.join(outDir, "definition", "vocabulary", "audit-entry.js"));
  for (const name of await fs.readdir(srcDir)) {
    if (!name.endsWith(".ts")) continue;
    await transpile(path.join(srcDir, name), path.join(target, name.replace(/\.ts$/, ".js")));
  }
  return target;
}

async function transpile(file: string, out: string): Promise<void> {
  const source = await fs.readFile(file, "utf8");
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    fileName: path.basename(file),
  });
  await fs.writeFile(out, outputText);
}
