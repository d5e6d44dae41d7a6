import { DataContractError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { thrown } from "../__fixtures__/thrown";
import { resolveCsvOptions } from "../csv-options";
import { byteRun, cutAt } from "./__fixtures__/byte-run";
import { ByteCsvReader } from "./byte-reader";

const T0 = Date.UTC(2024, 0, 1);
const utf8 = (text: string) => new TextEncoder().encode(text);
const HEAD = "timestamp,open\n";
// A data line of exactly `n` characters: a stamp, a comma and digits.
const lineOf = (n: number) => `2024-01-01T00:00Z,${"1".repeat(n - 18)}`;

const tooLong = (line: number, max: number) => ({
  name: "DataContractError",
  message: `CSV line ${line} is longer than maxLineBytes (${max})`,
  hint: `Check that the file is CSV with line breaks, or raise maxLineBytes above ${max}`,
  context: { line, maxLineBytes: max },
});
const failure = (fn: () => unknown) => {
  const e = thrown(fn) as DataContractError;
  expect(e).toBeInstanceOf(DataContractError);
  return { name: e.name, message: e.message, hint: e.hint, context: e.context };
};

describe("ByteCsvReader, maxLineBytes", () => {
  it("takes a line of maxLineBytes + 1 characters on the fast path, and refuses one more", () => {
    const max = 30;
    for (const split of [[], [20], [40], [HEAD.length + 31]]) {
      const ok = utf8(`${HEAD}${lineOf(31)}\n${lineOf(31)}`);
      const got = byteRun(cutAt(ok, split), { maxLineBytes: max });
      expect(got.columns[0], String(split)).toEqual(Float64Array.of(T0, T0));
      expect(got.viaText, String(split)).toEqual(["timestamp,open", lineOf(31)]);
      const bad = utf8(`${HEAD}${lineOf(31)}\n${lineOf(32)}\n`);
      expect(failure(() => byteRun(cutAt(bad, split), { maxLineBytes: max }))).toEqual(
        tooLong(3, max),
      );
    }
  });

  it("counts the \\r of a CRLF line within the limit as the text reader does", () => {
    const got = byteRun([utf8(`${HEAD}${lineOf(30)}\r\n`)], { maxLineBytes: 30 });
    expect(got.columns[0]).toEqual(Float64Array.of(T0));
    expect(got.viaText).toEqual(["timestamp,open"]);
    const over = utf8(`${HEAD}${lineOf(31)}\r\n`);
    expect(failure(() => byteRun([over], { maxLineBytes: 30 }))).toEqual(tooLong(2, 30));
  });

  it("measures a long line in characters, not bytes, on the text path", () => {
    const wide = `2024-01-01T00:00Z,${"é".repeat(13)}`; // 31 characters, 44 bytes
    const got = byteRun([utf8(`${HEAD}${wide}\n`)], { maxLineBytes: 30 });
    expect(got.columns[1]).toEqual(["é".repeat(13)]);
    expect(got.viaText).toEqual(["timestamp,open", wide]);
    const wider = utf8(`${HEAD}${wide}é\n`);
    expect(failure(() => byteRun([wider], { maxLineBytes: 30 }))).toEqual(tooLong(2, 30));
  });

  it("refuses an unfinished line as soon as it is too long, not only at the flush", () => {
    const b = utf8(`${HEAD}${lineOf(32)}`);
    expect(failure(() => byteRun([b], { maxLineBytes: 30 }))).toEqual(tooLong(2, 30));
    expect(failure(() => byteRun(cutAt(b, [20]), { maxLineBytes: 30 }))).toEqual(tooLong(2, 30));
    const ok = byteRun(cutAt(utf8(`${HEAD}${lineOf(31)}`), [20]), { maxLineBytes: 30 });
    expect(ok.columns[0]).toEqual(Float64Array.of(T0));
    const reader = new ByteCsvReader(resolveCsvOptions({ maxLineBytes: 30 }));
    reader.push(utf8(`${HEAD}${lineOf(31)}`));
    expect(failure(() => reader.push(utf8("1")))).toEqual(tooLong(2, 30));
  });

  it("counts a character left unfinished at the end of the file at the flush", () => {
    const reader = new ByteCsvReader(resolveCsvOptions({ maxLineBytes: 30 }));
    reader.push(Uint8Array.from([...utf8(`${HEAD}${lineOf(31)}`), 0xc3]));
    expect(failure(() => reader.flush())).toEqual(tooLong(2, 30));
  });

  it("waits for the rest of a character cut in two before it counts a long tail", () => {
    const tail = utf8(`${HEAD}2024-01-01T00:00Z,${"é".repeat(13)}`); // the line: 31 characters
    const got = byteRun(cutAt(tail, [tail.length - 1]), { maxLineBytes: 30 });
    expect(got.columns[1]).toEqual(["é".repeat(13)]);
    const over = utf8(`${HEAD}2024-01-01T00:00Z,${"é".repeat(14)}`);
    const pieces = cutAt(over, [over.length - 1]);
    expect(failure(() => byteRun(pieces, { maxLineBytes: 30 }))).toEqual(tooLong(2, 30));
    const reader = new ByteCsvReader(resolveCsvOptions({ maxLineBytes: 30 }));
    const [first, last] = cutAt(utf8(`${HEAD}${lineOf(31)}é`), [HEAD.length + 32]);
    expect(thrown(() => reader.push(first as Uint8Array))).toBeUndefined();
    expect(failure(() => reader.push(last as Uint8Array))).toEqual(tooLong(2, 30));
  });
});
