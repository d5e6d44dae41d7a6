// Type-checks every block in one TypeScript program, `--strict`, against the workspace packages'
// sources (the `@peak/source` export condition), the way a user's strict project would.
import { join } from "node:path";
import ts from "typescript";
import { readmeLocation, type BlockFile } from "./block-files";

/** The compiler options of a strict consumer project (ESM, bundler resolution, Node types). */
export const consumerOptions = (root: string): ts.CompilerOptions => ({
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  customConditions: ["@peak/source"],
  lib: ["lib.es2023.d.ts"],
  types: ["node"],
  typeRoots: [join(root, "node_modules", "@types")],
  skipLibCheck: true,
  allowImportingTsExtensions: true,
  isolatedModules: true,
  esModuleInterop: true,
  resolveJsonModule: true,
});

/** Compiler messages per block file (README path and line first), and those outside any block. */
export function compileBlocks(files: readonly BlockFile[], root: string) {
  const program = ts.createProgram(
    files.map((f) => f.path),
    consumerOptions(root),
  );
  const perBlock = new Map<BlockFile, string[]>(files.map((f) => [f, []]));
  const elsewhere: string[] = [];
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n");
    const file = files.find((f) => f.path === diagnostic.file?.fileName);
    if (file === undefined || diagnostic.file === undefined || diagnostic.start === undefined) {
      elsewhere.push(`${diagnostic.file?.fileName ?? "(options)"}: TS${diagnostic.code} ${text}`);
      continue;
    }
    const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    perBlock.get(file)!.push(`${readmeLocation(file, line)}: TS${diagnostic.code} ${text}`);
  }
  return { perBlock, elsewhere };
}
