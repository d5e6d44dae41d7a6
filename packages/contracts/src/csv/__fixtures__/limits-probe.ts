// Run as a child with a small heap by csv-limits.test.ts: feeds hostile CSV, prints JSON.
import { createReadStream, mkdtempSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isPeakTradeError } from "@peak/errors";
import { parseOhlcvCsvStream } from "../parse-ohlcv-csv";

const wideHeader = async function* (columns: number) {
  await Promise.resolve();
  for (let i = 0; i < columns; i += 10_000) {
    yield Array.from({ length: 10_000 }, (_, k) => `c${i + k}`).join(",") + ",";
  }
  yield "\n";
};

const run = async (kind: string) => {
  if (kind === "long-line") {
    const dir = mkdtempSync(join(tmpdir(), "peak-limits-"));
    const file = join(dir, "line.csv");
    writeFileSync(file, "");
    truncateSync(file, 1 << 30); // 1 GiB of zero bytes, sparse: no newline anywhere
    try {
      return await parseOhlcvCsvStream(createReadStream(file));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const maxLineBytes = kind === "wide-header" ? 64 << 20 : undefined;
  return parseOhlcvCsvStream(wideHeader(1_000_000), maxLineBytes ? { maxLineBytes } : {});
};

try {
  await run(process.argv[2] ?? "");
  process.stdout.write(JSON.stringify({ parsed: true }));
} catch (e) {
  const typed = isPeakTradeError(e);
  process.stdout.write(
    JSON.stringify({
      typed,
      code: typed ? e.code : undefined,
      message: String((e as Error).message),
    }),
  );
}
