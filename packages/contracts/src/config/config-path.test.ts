import { describe, expect, it } from "vitest";
import { describeValue, formatPath } from "./config-path";

describe("formatPath", () => {
  it.each<[PropertyKey[], string]>([
    [[], "(root)"],
    [["risk", "maxDrawdown"], "risk.maxDrawdown"],
    [["legs", 0, "symbol"], "legs[0].symbol"],
    [[0, "$id", "_x1"], "[0].$id._x1"],
    [["odd key"], '["odd key"]'],
    [["a", "b-c", "1d", ""], 'a["b-c"]["1d"][""]'],
    [["a", Symbol("s")], 'a["Symbol(s)"]'],
  ])("writes %j as %s", (path, text) => {
    expect(formatPath(path)).toBe(text);
  });
});

describe("describeValue", () => {
  const forty = "x".repeat(40);
  it.each<[string, unknown, string]>([
    ["null", null, "null"],
    ["undefined", undefined, "nothing"],
    ["an array", [1, 2], "an array"],
    ["a string", 'a"b', '"a\\"b"'],
    ["a 40-character string", forty, `"${forty}"`],
    ["a 41-character string", `${forty}y`, `"${"x".repeat(37)}..."`],
    ["a number", -1.5, "-1.5"],
    ["NaN", Number.NaN, "NaN"],
    ["a boolean", false, "false"],
    ["a bigint", 12n, "12"],
    ["an object", { a: 1 }, "an object"],
    ["a symbol", Symbol("s"), "a symbol"],
    ["a function", () => 1, "a function"],
  ])("describes %s", (_, value, text) => {
    expect(describeValue(value)).toBe(text);
  });
});
