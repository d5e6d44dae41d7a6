import { describe, expect, it } from "vitest";
import { splitHeader, splitQuotedLine } from "./csv-fields";

const split = (line: string, sep = ",") => splitQuotedLine(line, 0, line.length, sep);

describe("splitQuotedLine", () => {
  it("splits at the delimiter outside quotes only", () => {
    expect(split('a,"b,c",d')).toEqual(["a", "b,c", "d"]);
    expect(split('"a;b";c', ";")).toEqual(["a;b", "c"]);
  });

  it("reads a doubled quote inside quotes as one quote", () => {
    expect(split('"say ""hi""",x')).toEqual(['say "hi"', "x"]);
    expect(split('""""')).toEqual(['"']);
  });

  it("joins quoted and unquoted parts of one field", () => {
    expect(split('a"b,c"d,e')).toEqual(["ab,cd", "e"]);
    expect(split('"",x,""')).toEqual(["", "x", ""]);
  });

  it("keeps empty fields at both ends", () => {
    expect(split(",a,")).toEqual(["", "a", ""]);
    expect(split("")).toEqual([""]);
  });

  it("reads only text[start, end)", () => {
    expect(splitQuotedLine('zz"q,r",s\nmore', 2, 9, ",")).toEqual(["q,r", "s"]);
  });
});

describe("splitHeader", () => {
  it("trims names and drops their quotes", () => {
    expect(splitHeader(' timestamp ,"open" , "a,b"', ",")).toEqual(["timestamp", "open", "a,b"]);
  });

  it("drops a leading byte-order mark only", () => {
    expect(splitHeader("\uFEFFtime,open", ",")).toEqual(["time", "open"]);
    expect(splitHeader("x\uFEFFy,z", ",")).toEqual(["x\uFEFFy", "z"]);
  });
});
