import { describe, expect, it } from "vitest";
import { escapeControl } from "./escape-control";
import { PeakTradeError } from "../peak-trade-error";

// Any C0 control but line feed and tab, DEL, C1, bidi controls: none may reach a terminal.
// eslint-disable-next-line no-control-regex -- matching raw control characters is the test
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe("escapeControl", () => {
  it.each([
    ["\u001b[31mred", "\\u001b[31mred"],
    ["over\rwrite", "over\\rwrite"],
    ["a\nb\tc", "a\\nb\\tc"],
    ["back\bspace\fform feed", "back\\bspace\\fform feed"],
    ["csi\u009b2J", "csi\\u009b2J"],
    ["bell\u0007", "bell\\u0007"],
    ["bidi\u202egnp.exe", "bidi\\u202egnp.exe"],
  ])("escapes %j", (input, expected) => {
    expect(escapeControl(input)).toBe(expected);
  });

  it("returns text without control characters unchanged", () => {
    const text = 'C:\\data\\file "€ 😀" \\u001b';
    expect(escapeControl(text)).toBe(text);
  });

  it("keeps line feeds and tabs in multiline mode", () => {
    expect(escapeControl("a\n\tb\r\u001b", { multiline: true })).toBe("a\n\tb\\r\\u001b");
  });
});

describe("control characters in errors", () => {
  const hostile = "close\u001b[2J\u001b]0;pwned\u0007\u009b31m";

  it("escapes them in message and hint, keeping line breaks", () => {
    const error = new PeakTradeError(`Duplicate column "${hostile}"\nsecond line`, {
      hint: hostile,
    });
    expect(error.message).toBe(
      'Duplicate column "close\\u001b[2J\\u001b]0;pwned\\u0007\\u009b31m"\nsecond line',
    );
    expect(error.toString()).not.toMatch(RAW_CONTROL);
    expect(String(error.stack)).not.toMatch(RAW_CONTROL);
  });

  it("escapes them in printed context and causes", () => {
    const cause = Object.assign(new Error("x"), { message: hostile, name: `Evil${hostile}` });
    const error = new PeakTradeError("m", { context: { column: hostile }, cause });
    expect(error.toString()).not.toMatch(RAW_CONTROL);
    expect(new PeakTradeError("m", { cause: hostile }).toString()).not.toMatch(RAW_CONTROL);
  });

  it("keeps context data raw in toJSON", () => {
    const error = new PeakTradeError("m", { context: { column: hostile } });
    expect(error.toJSON().context.column).toBe(hostile);
  });
});
