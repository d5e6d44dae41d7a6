import { describe, expect, it } from "vitest";
import { extractBlocks } from "./extract-blocks";

const md = (...lines: string[]) => lines.join("\n");

describe("extractBlocks", () => {
  it("finds ts and typescript blocks with their fence line, skipping other languages", () => {
    const text = md(
      "# T",
      "```sh",
      "npm test",
      "```",
      "",
      "```ts",
      "const a = 1;",
      "```",
      "~~~typescript",
      "let b;",
      "~~~",
    );
    const blocks = extractBlocks("R.md", text);
    expect(blocks.map((b) => [b.line, b.code])).toEqual([
      [6, "const a = 1;"],
      [9, "let b;"],
    ]);
  });

  it("attaches a multi-line setup before and a teardown after, across blank lines", () => {
    const text = md(
      "<!--",
      "setup:",
      "const x = 1;",
      "-->",
      "",
      "```ts",
      "x;",
      "```",
      "",
      "<!-- teardown: done(); -->",
    );
    expect(extractBlocks("R.md", text)).toEqual([
      { readme: "R.md", line: 6, code: "x;", setup: "const x = 1;", teardown: "done();" },
    ]);
  });

  it("keeps a longer fence open past a shorter one inside it, and reads CRLF files", () => {
    const text = md("````ts", "```", "inner", "```", "````").replace(/\n/g, "\r\n");
    expect(extractBlocks("R.md", text)[0]?.code).toBe("```\ninner\n```");
  });

  it("ignores other HTML comments, even ones holding a fence", () => {
    const text = md("<!-- prettier-ignore -->", "<!--", "```ts", "-->", "```ts", "y;", "```");
    expect(extractBlocks("R.md", text)).toMatchObject([{ line: 5, code: "y;", setup: "" }]);
  });

  it("names the README and line of an unclosed fence", () => {
    expect(() => extractBlocks("pkg/README.md", md("text", "```ts", "x"))).toThrow(
      "pkg/README.md:2: code fence is never closed",
    );
  });

  it("rejects a setup comment that text separates from its block", () => {
    const text = md("<!-- setup: const x = 1; -->", "A new paragraph.", "```ts", "x;", "```");
    expect(() => extractBlocks("R.md", text)).toThrow(
      "R.md:1: hidden setup comment is not right before a ```ts block",
    );
  });
});
