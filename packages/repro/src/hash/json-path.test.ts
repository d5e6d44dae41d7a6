import { describe, expect, it } from "vitest";
import { configRefusal } from "../__fixtures__/refusal";
import { formatPath } from "./json-path";
import { stableStringify } from "./stable-stringify";

describe("formatPath", () => {
  it("writes indexes in brackets and quotes keys that are no identifiers", () => {
    expect(formatPath([])).toBe("$");
    expect(formatPath(["a", 2, "b c", "_x$"])).toBe('$.a[2]["b c"]._x$');
  });
});

describe("a value that throws while being read", () => {
  it("names the failure even when the thrown value has an unreadable message", () => {
    const thrown = Object.defineProperty(new Error("hidden"), "message", {
      get: () => {
        throw new Error("the message getter throws too");
      },
    });
    const value = {
      get price() {
        throw thrown;
      },
    };
    const error = configRefusal(() => stableStringify(value));
    expect(error).toMatchObject({
      message: "Cannot canonicalise $.price: reading the value threw: an unreadable value",
      hint: "Pass plain data: copy values out of objects whose getters or Proxy traps throw",
      context: { path: "$.price" },
    });
    expect(error.cause).toBe(thrown);
  });
});
