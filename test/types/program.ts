import * as path from "node:path";
import * as ts from "typescript";

/** The repository root. */
export const ROOT = path.join(__dirname, "..", "..");

/**
 * A TypeScript language service over in-memory files (`<ROOT>/test/types/virtual/<name>.ts`)
 * with the repository's compiler options, where `genesys-eventbridge` (and its
 * subpaths) resolve to the sources, as a user's program resolves them to the
 * shipped declarations.
 */
export function virtualProject(files: Readonly<Record<string, string>>): {
  service: ts.LanguageService;
  fileName: (name: string) => string;
  /** Errors of one virtual file, as `TS<code> <message, its chain joined by " / ">`. */
  errors: (name: string) => string[];
} {
  const config = ts.readConfigFile(path.join(ROOT, "tsconfig.json"), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  const options: ts.CompilerOptions = {
    ...parsed.options,
    noEmit: true,
    baseUrl: ROOT,
    paths: {
      "genesys-eventbridge": ["src/index.ts"],
      "genesys-eventbridge/aws": ["src/aws/index.ts"],
      "genesys-eventbridge/definition": ["src/definition/index.ts"],
      "genesys-eventbridge/webhook": ["src/webhook/index.ts"],
      "genesys-eventbridge/emulator": ["src/emulator/index.ts"],
    },
  };
  const fileName = (name: string) => path.join(ROOT, "test", "types", "virtual", `${name}.ts`);
  const virtual = new Map(Object.entries(files).map(([name, text]) => [fileName(name), text]));
  const host: ts.LanguageServiceHost = {
    getCompilationSettings: () => options,
    getScriptFileNames: () => [...virtual.keys()],
    getScriptVersion: () => "1",
    getScriptSnapshot: (f) => {
      const text = virtual.get(f) ?? ts.sys.readFile(f);
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
    },
    getCurrentDirectory: () => ROOT,
    getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
    fileExists: (f) => virtual.has(f) || ts.sys.fileExists(f),
    readFile: (f) => virtual.get(f) ?? ts.sys.readFile(f),
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
  };
  const service = ts.createLanguageService(host, ts.createDocumentRegistry());
  const errors = (name: string) =>
    [...service.getSyntacticDiagnostics(fileName(name)), ...service.getSemanticDiagnostics(fileName(name))].map(
      (d) => `TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, "\n").split("\n").map((l) => l.trim()).join(" / ")}`,
    );
  return { service, fileName, errors };
}
