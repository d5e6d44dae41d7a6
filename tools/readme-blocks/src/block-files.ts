// Writes each README block to its own module: hidden setup, the block, hidden teardown.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ReadmeBlock } from "./extract-blocks";

/** A block written to disk, with where its code starts in the file (0-based line). */
export interface BlockFile {
  block: ReadmeBlock;
  path: string;
  codeStart: number;
  codeLines: number;
}

const lineCount = (text: string) => (text === "" ? 0 : text.split("\n").length);

/** `packages/cache/README.md` line 16 → `packages-cache-README-16.ts`. */
const fileName = (block: ReadmeBlock) =>
  `${block.readme.replace(/\.md$/i, "").replace(/[^\w]+/g, "-")}-${block.line}.ts`;

/** Writes every block into `dir` (emptied first) and returns where each one went. */
export function writeBlockFiles(blocks: readonly ReadmeBlock[], dir: string): BlockFile[] {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return blocks.map((block) => {
    const path = join(dir, fileName(block));
    const parts = [block.setup, block.code, block.teardown].filter((p) => p !== "");
    writeFileSync(path, `${parts.join("\n")}\nexport {};\n`);
    return { block, path, codeStart: lineCount(block.setup), codeLines: lineCount(block.code) };
  });
}

/** Where line `index` (0-based) of a block file is in its README, for messages. */
export function readmeLocation(file: BlockFile, index: number): string {
  const { readme, line } = file.block;
  if (index < file.codeStart) return `${readme}:${line} (hidden setup, line ${index + 1})`;
  if (index < file.codeStart + file.codeLines)
    return `${readme}:${line + 1 + index - file.codeStart}`;
  return `${readme}:${line} (hidden teardown)`;
}
