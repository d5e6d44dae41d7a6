import { isDataContractError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { thrown } from "./__fixtures__/thrown";
import { readText, textReader } from "./__fixtures__/read-text";

const HEAD = "timestamp,open\n";
/** A data line of exactly `n` characters. */
const lineOf = (n: number) => `2024-01-01T00:00Z,1${"0".repeat(n - 19)}`;

/** The DataContractError `fn` throws, as plain fields. */
const refusal = (fn: () => unknown) => {
  const e = thrown(fn);
  if (!isDataContractError(e)) throw new Error(`expected a DataContractError, got ${String(e)}`);
  return { message: e.message, hint: e.hint, context: e.context };
};

const tooLong = (line: number, max: number) => ({
  message: `CSV line ${line} is longer than maxLineBytes (${max})`,
  hint: `Check that the file is CSV with line breaks, or raise maxLineBytes above ${max}`,
  context: { line, maxLineBytes: max },
});

const tooMany = (line: number, fields: number, expected: number) => ({
  message: `CSV line ${line} has ${fields} fields, the header has ${expected}`,
  hint: "Quote fields that contain the delimiter, or remove the extra fields",
  context: { line, fields, expected },
});

describe("CsvReader maxLineBytes", () => {
  it("accepts a line of maxLineBytes and its \\r, and refuses one character more", () => {
    const ok = readText([`${HEAD}${lineOf(30)}\r\n${lineOf(31)}\n`], { maxLineBytes: 30 });
    expect(ok.columns[1]).toEqual(Float64Array.of(1e11, 1e12));
    const over = () => readText([`${HEAD}\n${lineOf(32)}\n`], { maxLineBytes: 30 });
    expect(refusal(over)).toStrictEqual(tooLong(3, 30));
    const crlf = () => readText([`${HEAD}${lineOf(31)}\r\n`], { maxLineBytes: 30 });
    expect(refusal(crlf)).toStrictEqual(tooLong(2, 30));
  });

  it("refuses an unfinished tail as soon as it is too long, before its line break", () => {
    const fits = textReader({ maxLineBytes: 30 });
    fits.push(`${HEAD}${lineOf(31)}`);
    expect(fits.lineNo).toBe(1);
    const over = () => textReader({ maxLineBytes: 30 }).push(`${HEAD}${lineOf(32)}`);
    expect(refusal(over)).toStrictEqual(tooLong(2, 30));
    const next = textReader({ maxLineBytes: 30 });
    next.push(HEAD);
    next.push(lineOf(20));
    expect(refusal(() => next.push("0".repeat(12)))).toStrictEqual(tooLong(2, 30));
  });

  it("reads a tail of maxLineBytes + 1 at the flush", () => {
    const got = readText([HEAD, lineOf(31)], { maxLineBytes: 30 });
    expect(got.columns[1]).toEqual(Float64Array.of(1e12));
    expect(got.lines).toEqual([2]);
  });

  it("measures each line from its own start, not from the chunk's", () => {
    const lines = Array.from({ length: 4 }, () => lineOf(30)).join("\n");
    const got = readText([`${HEAD}${lines}\n`, `${lines}\n`], { maxLineBytes: 30 });
    expect(got.columns[1]).toEqual(new Float64Array(8).fill(1e11));
  });
});

describe("CsvReader field counts", () => {
  it("refuses more fields than the header, naming the line and both counts", () => {
    const extra = () => readText([`${HEAD}\n\n2024-01-01T00:00Z,1,2\n`]);
    expect(refusal(extra)).toStrictEqual(tooMany(4, 3, 2));
    const trailing = () => readText([`${HEAD}2024-01-01T00:00Z,1,\n`]);
    expect(refusal(trailing)).toStrictEqual(tooMany(2, 3, 2));
    const text = () => readText([`${HEAD}x,y,z,w\n`]);
    expect(refusal(text)).toStrictEqual(tooMany(2, 4, 2));
  });

  it("counts a quoted line's fields after its quotes", () => {
    const quoted = () => readText([`${HEAD}2024-01-01T00:00Z,"1,5",2\r\n`]);
    expect(refusal(quoted)).toStrictEqual(tooMany(2, 3, 2));
    const fits = readText([`${HEAD}"2024-01-01T00:00Z","1,5"\n`]);
    expect(fits.columns[1]).toEqual(["1,5"]);
  });

  it("counts the fields of a headerless file from its first line", () => {
    const extra = () => readText(["1704067200000,1\n1704067260000,2,3\n"], { header: false });
    expect(refusal(extra)).toStrictEqual(tooMany(2, 3, 2));
  });
});
