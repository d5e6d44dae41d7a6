import { vi } from "vitest";
import { resolveCsvOptions, type OhlcvCsvOptions } from "../../csv-options";
import { ByteCsvReader } from "../byte-reader";

/**
 * Pushes `chunks` through a ByteCsvReader and flushes it: the finished columns, the file line
 * of each row, and the lines it handed to the text reader (the rest took the fast path).
 */
export const byteRun = (chunks: Uint8Array[], options: OhlcvCsvOptions = {}, fileStart = true) => {
  const reader = new ByteCsvReader(resolveCsvOptions(options), fileStart);
  const textLine = vi.spyOn(reader.text, "textLine");
  for (const chunk of chunks) reader.push(chunk);
  reader.flush();
  const rows = reader.text.columns[0]?.length ?? 0;
  return {
    names: reader.text.names,
    columns: reader.text.columns.map((c) => c.finish()),
    lines: Array.from({ length: rows }, (_, r) => reader.text.lines.lineOf(r)),
    lineNo: reader.text.lineNo,
    viaText: textLine.mock.calls.map(([line]) => line),
  };
};

/** `bytes` cut at each of `cuts` (ascending offsets). */
export const cutAt = (bytes: Uint8Array, cuts: number[]): Uint8Array[] =>
  [0, ...cuts].map((at, k) => bytes.slice(at, cuts[k] ?? bytes.length));
