import { createReadStream, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isDataContractError } from "@peak/errors";
import { afterAll, describe, expect, it } from "vitest";
import { parseOhlcvCsv, parseOhlcvCsvStream } from "./parse-ohlcv-csv";

const dir = mkdtempSync(join(tmpdir(), "peak-csv-stream-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const T0 = Date.UTC(2024, 0, 1);
const H = 3_600_000;
const TEXT =
  "timestamp;open;high;low;close;volume;note\r\n" +
  "2024-01-01 00:00:00;1;2;0,5;1;10;café\r\n" +
  "\r\n" +
  '2024-01-01 01:00:00;1;2;1;1;11;"a;b"\r\n' +
  "2024-01-01 02:00:00;1;2;1;1;12;ü";

const fileWith = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const columnsOf = (t: ReturnType<typeof parseOhlcvCsv>) =>
  Object.fromEntries(
    t.columnNames().map((n) => [n, Array.from(t.column(n) as unknown as ArrayLike<unknown>)]),
  );

const EXPECTED = {
  timestamp: [T0, T0 + H, T0 + 2 * H],
  open: [1, 1, 1],
  high: [2, 2, 2],
  low: ["0,5", 1, 1],
  close: [1, 1, 1],
  volume: [10, 11, 12],
  note: ["café", "a;b", "ü"],
};

describe("parseOhlcvCsvStream", () => {
  it("reads a file streamed as bytes in small chunks, with the options given", async () => {
    const path = fileWith("bytes.csv", TEXT);
    const table = await parseOhlcvCsvStream(createReadStream(path, { highWaterMark: 7 }), {
      requireTz: false,
    });
    expect(columnsOf(table)).toEqual(EXPECTED);
  });

  it("reads a file streamed as text the same way", async () => {
    const path = fileWith("text.csv", TEXT);
    const stream = createReadStream(path, { encoding: "utf8", highWaterMark: 5 });
    const table = await parseOhlcvCsvStream(stream, { requireTz: false });
    expect(columnsOf(table)).toEqual(EXPECTED);
    expect(columnsOf(parseOhlcvCsv(TEXT, { requireTz: false }))).toEqual(EXPECTED);
  });

  it("keeps zone-less stamps as text without the options", async () => {
    const path = fileWith("naive.csv", TEXT);
    const table = await parseOhlcvCsvStream(createReadStream(path));
    expect(columnsOf(table).timestamp).toEqual([
      ...["2024-01-01 00:00:00", "2024-01-01 01:00:00", "2024-01-01 02:00:00"],
    ]);
  });

  it("reads text chunks followed by byte chunks", async () => {
    const encoded = new TextEncoder().encode(TEXT);
    const source = (async function* () {
      yield TEXT.slice(0, 50);
      yield encoded.subarray(new TextEncoder().encode(TEXT.slice(0, 50)).length);
    })();
    const table = await parseOhlcvCsvStream(source, { requireTz: false });
    expect(columnsOf(table)).toEqual(EXPECTED);
  });

  it("rejects with the line of a row that has too many fields", async () => {
    const path = fileWith("wide.csv", `${TEXT}\n2024-01-01 03:00:00;1;2;1;1;13;x;y\n`);
    const error: unknown = await parseOhlcvCsvStream(createReadStream(path)).catch((e) => e);
    expect(isDataContractError(error) && error.context).toStrictEqual({
      line: 6,
      fields: 8,
      expected: 7,
    });
  });
});
