import { promises as fs } from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";

/**
 * compileAuditModule is a directory holding the audit layer transpiled to
 * CommonJS, so that plain `node` child processes can `require` it.
 */
export async function compileAuditModule(outDir: string): Promise<string> {
  const srcDir = path.resolve(__dirname, "../../src/audit");
  const target = path.join(outDir, "audit");
  await fs.mkdir(target, { recursive: true });
  for (const name of await fs.readdir(srcDir)) {
    if (!name.endsWith(".ts")) continue;
    const source = await fs.readFile(path.join(srcDir, name), "utf8");
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
      fileName: name,
    });
    await fs.writeFile(path.join(target, name.replace(/\.ts$/, ".js")), outputText);
  }
  return path.join(target, "index.js");
}
