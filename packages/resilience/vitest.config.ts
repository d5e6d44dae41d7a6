import { mergeConfig, type Plugin } from "vitest/config";
import ts from "typescript";
import { sharedConfig } from "../../vitest.shared.ts";

// Vite's transformer does not lower TC39 standard decorators yet, so the one test file that
// uses `@decorator` syntax is compiled by TypeScript itself (as a consumer's build would).
const standardDecorators: Plugin = {
  name: "peak-standard-decorators",
  enforce: "pre",
  transform(code, id) {
    if (!id.endsWith("-syntax.test.ts")) return null;
    const out = ts.transpileModule(code, {
      compilerOptions: {
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.ESNext,
        sourceMap: true,
        verbatimModuleSyntax: true,
      },
      fileName: id,
    });
    return { code: out.outputText, map: out.sourceMapText ?? null };
  },
};

export default mergeConfig(sharedConfig, { plugins: [standardDecorators] });
