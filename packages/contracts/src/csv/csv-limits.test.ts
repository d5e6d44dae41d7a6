import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { isDataContractError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { checkOhlcv } from "../ohlcv/check-ohlcv";
import { thrown } from "./__fixtures__/thrown";
import { parseOhlcvCsv } from "./parse-ohlcv-csv";

const run = promisify(execFile);
const probe = fileURLToPath(new URL("./__fixtures__/limits-probe.ts", import.meta.url));
const packageDir = fileURLToPath(new URL("..", import.meta.url));
// A 96 MB heap: far below what an unbounded read of these inputs would need.
const probeWith = async (kind: string) => {
  const args = [
    "--max-old-space-size=96",
    "--conditions=@peak/source",
    "--import",
    "tsx",
    probe,
    kind,
  ];
  const { stdout } = await run(process.execPath, args, { cwd: packageDir, timeout: 60_000 });
  return JSON.parse(stdout) as { typed: boolean; code: string; message: string };
};

describe("CSV limits", () => {
  it("refuses a 1 GiB line without a newline in a small heap, naming the line", async () => {
    expect(await probeWith("long-line")).toMatchObject({
      typed: true,
      code: "DATA_CONTRACT",
      message: "CSV line 1 is longer than maxLineBytes (1048576)",
    });
  }, 60_000);

  it("refuses a 10^6-column header by its length, and by maxColumns once that is raised", async () => {
    const [byLength, byColumns] = await Promise.all([
      probeWith("wide-default"),
      probeWith("wide-header"),
    ]);
    expect(byLength.message).toContain("longer than maxLineBytes");
    expect(byColumns).toMatchObject({ typed: true, code: "DATA_CONTRACT" });
    expect(byColumns.message).toBe("CSV line 1 has 1000001 fields, more than maxColumns (10000)");
  }, 60_000);

  it("lets a user raise the limits", () => {
    const header = Array.from({ length: 20 }, (_, i) => `c${i}`).join(",");
    expect(isDataContractError(thrown(() => parseOhlcvCsv(header, { maxColumns: 10 })))).toBe(true);
    expect(parseOhlcvCsv(header, { maxColumns: 20 }).numCols()).toBe(20);
    expect(
      isDataContractError(thrown(() => parseOhlcvCsv("x".repeat(100), { maxLineBytes: 50 }))),
    ).toBe(true);
  });

  it("finds a repeated name in a 100,000-column header (linear check)", () => {
    const names = Array.from({ length: 100_000 }, (_, i) => `c${i}`);
    names.push("c5");
    const e = thrown(() =>
      parseOhlcvCsv(names.join(","), { maxColumns: 200_000, maxLineBytes: 4 << 20 }),
    );
    expect(isDataContractError(e) && e.context).toMatchObject({
      column: "c5",
      positions: [5, 100_000],
    });
  });

  it("escapes control characters from the file in every message", () => {
    const evil = "close\u001b[31m";
    const dup = thrown(() => parseOhlcvCsv(`${evil},${evil}\n`)) as Error;
    expect(dup.message).toContain("close\\u001b[31m");
    expect(dup.message).not.toContain("\u001b");
    const report = checkOhlcv(parseOhlcvCsv(`timestamp,open,high,low,${evil},volume\n`));
    const texts = report.violations.flatMap((v) => [v.message, v.hint]).join("\n");
    expect(texts).toContain("\\u001b");
    expect(texts).not.toContain("\u001b");
    const mapped = thrown(() => parseOhlcvCsv("a,b\n", { columns: { close: "\u009bx" } })) as Error;
    expect(mapped.message).not.toContain("\u009b");
  });
});
