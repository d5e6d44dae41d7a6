// Finds the TypeScript code blocks of one Markdown file, with the hidden setup and teardown
// HTML comments right next to them (blank lines between are fine):
//
//   <!-- setup: const gitSha = "0123abc"; -->
//   ```ts
//   …
//   ```
//   <!-- teardown: await store.close(); -->

/** One ```ts block of a README. Lines are 1-based lines of the Markdown file. */
export interface ReadmeBlock {
  readme: string;
  /** Line of the opening fence. */
  line: number;
  code: string;
  setup: string;
  teardown: string;
}

/** A README that cannot be read into blocks; the message names the file and line. */
export class ReadmeBlockError extends Error {
  override name = "ReadmeBlockError";
}

type Item =
  | { type: "comment"; kind: "setup" | "teardown"; body: string; line: number }
  | { type: "fence"; lang: string; code: string; line: number }
  | { type: "text" };

const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([^\s`]*)/;
const COMMENT_START = /^\s*<!--/;
const HIDDEN = /^\s*<!--\s*(setup|teardown):/;
const TS_LANGS = new Set(["ts", "typescript", "mts", "cts"]);

const until = (lines: string[], from: number, test: (line: string) => boolean): number => {
  for (let j = from; j < lines.length; j += 1) if (test(lines[j]!)) return j;
  return -1;
};

/** Splits the file into fences, hidden comments and other text; blank lines are dropped. */
function tokenize(readme: string, lines: string[]): Item[] {
  const items: Item[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!;
    const fence = FENCE.exec(line);
    const comment = COMMENT_START.exec(line);
    if (fence !== null) {
      const [, marker = "```", lang = ""] = fence;
      const closing = new RegExp(`^ {0,3}${marker[0]}{${marker.length},}\\s*$`);
      const end = until(lines, i + 1, (l) => closing.test(l));
      if (end === -1) throw new ReadmeBlockError(`${readme}:${i + 1}: code fence is never closed`);
      const code = lines.slice(i + 1, end).join("\n");
      items.push({ type: "fence", lang: lang.toLowerCase(), code, line: i + 1 });
      i = end;
    } else if (comment !== null) {
      const end = until(lines, i, (l) => l.includes("-->"));
      if (end === -1) throw new ReadmeBlockError(`${readme}:${i + 1}: HTML comment never closed`);
      const text = lines.slice(i, end + 1).join("\n");
      const hidden = HIDDEN.exec(text);
      if (hidden !== null) {
        const body = text.slice(text.indexOf(":") + 1, text.lastIndexOf("-->")).trim();
        const kind = hidden[1] as "setup" | "teardown";
        items.push({ type: "comment", kind, body, line: i + 1 });
      }
      i = end;
    } else if (line.trim() !== "") {
      items.push({ type: "text" });
    }
  }
  return items;
}

/**
 * Every TypeScript block of `markdown` (``` or ~~~ fences with info `ts`/`typescript`), in order.
 * @throws {ReadmeBlockError} for an unclosed fence or comment, or a setup/teardown comment that
 *   is not right next to a TypeScript block
 */
export function extractBlocks(readme: string, markdown: string): ReadmeBlock[] {
  const items = tokenize(readme, markdown.replace(/\r\n?/g, "\n").split("\n"));
  const isTs = (item: Item | undefined) => item?.type === "fence" && TS_LANGS.has(item.lang);
  const blocks: ReadmeBlock[] = [];
  items.forEach((item, k) => {
    if (item.type === "comment") {
      const neighbour = item.kind === "setup" ? items[k + 1] : items[k - 1];
      if (!isTs(neighbour)) {
        const where = item.kind === "setup" ? "before" : "after";
        throw new ReadmeBlockError(
          `${readme}:${item.line}: hidden ${item.kind} comment is not right ${where} a \`\`\`ts block`,
        );
      }
    }
    if (item.type !== "fence" || !isTs(item)) return;
    const prev = items[k - 1];
    const next = items[k + 1];
    blocks.push({
      readme,
      line: item.line,
      code: item.code,
      setup: prev?.type === "comment" && prev.kind === "setup" ? prev.body : "",
      teardown: next?.type === "comment" && next.kind === "teardown" ? next.body : "",
    });
  });
  return blocks;
}
