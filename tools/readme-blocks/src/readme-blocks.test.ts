// Docs that run: every ```ts block of every README compiles with `tsc --strict` against the
// workspace packages and runs to completion; its README's install line lists what it imports.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { writeBlockFiles, type BlockFile } from "./block-files";
import { compileBlocks } from "./compile-blocks";
import { extractBlocks } from "./extract-blocks";
import { importedPackages, installedPackages, linkPackages } from "./imports";
import { runBlock } from "./run-block";

const root = fileURLToPath(new URL("../../..", import.meta.url));
const blockDir = fileURLToPath(new URL("../.blocks", import.meta.url));

const readmes = [
  join(root, "README.md"),
  ...["packages", "apps", "tools"].flatMap((group) =>
    existsSync(join(root, group))
      ? readdirSync(join(root, group)).map((name) => join(root, group, name, "README.md"))
      : [],
  ),
].filter((path) => existsSync(path));
const texts = new Map(readmes.map((path) => [relative(root, path), readFileSync(path, "utf8")]));
const blocks = [...texts].flatMap(([readme, text]) => extractBlocks(readme, text));
const files: BlockFile[] = writeBlockFiles(blocks, blockDir);
let compiled: ReturnType<typeof compileBlocks>;

beforeAll(() => {
  const missing = linkPackages(
    blocks.flatMap((b) => importedPackages(`${b.setup}\n${b.code}`)),
    blockDir,
    root,
  );
  expect(missing, "imported by a README block, but no workspace package has it").toEqual([]);
  compiled = compileBlocks(files, root);
});

describe("README code blocks", () => {
  it("exist, and the workspace sources compile under a strict consumer's settings", () => {
    expect(files.length).toBeGreaterThan(0);
    expect(compiled.elsewhere).toEqual([]);
  });

  describe.each(files.map((file) => ({ file, where: `${file.block.readme}:${file.block.line}` })))(
    "$where",
    ({ file, where }) => {
      it("has an install line listing every package it imports", () => {
        const listed = installedPackages(texts.get(file.block.readme)!);
        const unlisted = importedPackages(file.block.code).filter((name) => !listed.has(name));
        expect(unlisted, `${where}: not on the README's install line`).toEqual([]);
      });

      it("compiles with tsc --strict", () => {
        expect(compiled.perBlock.get(file)).toEqual([]);
      });

      it("runs to completion", async () => {
        const run = await runBlock(file.path, 90_000);
        expect(run.code, `${where} exited with ${run.code}:\n${run.output}`).toBe(0);
      });
    },
  );
});
