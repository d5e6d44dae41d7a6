import { describe, expect, it } from "vitest";
import { sniffDelimiter } from "./sniff-delimiter";

describe("sniffDelimiter", () => {
  it.each([
    ["a;b;c", ";"],
    ["a\tb\tc", "\t"],
    ["a|b|c", "|"],
    ["a,b,c", ","],
    ["abc", ","],
    ["", ","],
  ])("picks the most frequent candidate in %j", (line, sep) => {
    expect(sniffDelimiter(line)).toBe(sep);
  });

  it("keeps the earlier candidate on a tie", () => {
    expect(sniffDelimiter("a,b;c")).toBe(",");
    expect(sniffDelimiter("a;b|c")).toBe(";");
    expect(sniffDelimiter("a\tb|c")).toBe("\t");
  });

  it("ignores candidates inside double quotes and counts again after the closing quote", () => {
    expect(sniffDelimiter('"a;b;c",d')).toBe(",");
    expect(sniffDelimiter('"a,b,c";d;e')).toBe(";");
    expect(sniffDelimiter('"x"|y|z,w')).toBe("|");
  });

  it("counts a candidate at the last position of the line", () => {
    expect(sniffDelimiter("ab|")).toBe("|");
  });
});
