import { describe, expect, it } from "vitest";
import { typeOf } from "./value-type";

describe("typeOf", () => {
  it("names built-in and class instances by their constructor", () => {
    expect(typeOf(new Date(0))).toBe("Date");
    expect(typeOf(new (class Trade {})())).toBe("Trade");
    expect(typeOf({})).toBe("object");
  });

  it("calls a null-prototype object plain, whatever its own constructor key says", () => {
    expect(typeOf(Object.assign(Object.create(null), { constructor: { name: "Evil" } }))).toBe(
      "object",
    );
  });

  it("falls back to object without a usable constructor name", () => {
    expect(typeOf(Object.create(Object.create(null)))).toBe("object");
    expect(typeOf(new (class {})())).toBe("object");
    expect(typeOf(Object.create({ constructor: { name: 5 } }))).toBe("object");
    expect(typeOf(Object.create({ constructor: { name: "" } }))).toBe("object");
  });
});
