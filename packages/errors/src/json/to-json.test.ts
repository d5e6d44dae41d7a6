import { describe, expect, it } from "vitest";
import { DataContractError } from "../data-contract-error";
import { errorFromJSON } from "./from-json";
import { PeakTradeError } from "../peak-trade-error";
import { ProviderError } from "../provider-error";
import { toSafeJson } from "./safe-json";

describe("toJSON", () => {
  it("serialises every field and the cause chain", () => {
    const root = new TypeError("socket closed");
    const mid = new ProviderError("fetch failed", { cause: root, context: { url: "x" } });
    const error = new DataContractError("bad rows", {
      hint: "h",
      context: { rows: [1, 2] },
      cause: mid,
    });
    const json = JSON.parse(JSON.stringify(error));
    expect(json).toMatchObject({
      name: "DataContractError",
      code: "DATA_CONTRACT",
      message: "bad rows",
      hint: "h",
      context: { rows: [1, 2] },
      retryable: false,
      cause: {
        name: "ProviderError",
        code: "PROVIDER",
        message: "fetch failed",
        context: { url: "x" },
        retryable: true,
        cause: { name: "TypeError", message: "socket closed" },
      },
    });
    expect(typeof json.stack).toBe("string");
  });

  it("survives cycles and non-JSON values in context", () => {
    const ctx: Record<string, unknown> = {
      big: 10n,
      nan: Number.NaN,
      inf: Number.POSITIVE_INFINITY,
      fn: function loader() {},
      sym: Symbol("s"),
      when: new Date("2024-01-15T10:30:00Z"),
      map: new Map([["a", 1]]),
      set: new Set([1, 2]),
      undef: undefined,
    };
    const inner: Record<string, unknown> = { n: 1 };
    inner.self = inner;
    ctx.inner = inner;
    const json = new PeakTradeError("x", { context: ctx }).toJSON();
    expect(() => JSON.stringify(json)).not.toThrow();
    expect(json.context).toEqual({
      big: "10n",
      nan: "NaN",
      inf: "Infinity",
      fn: "[Function loader]",
      sym: "Symbol(s)",
      when: "2024-01-15T10:30:00.000Z",
      map: { a: 1 },
      set: [1, 2],
      inner: { n: 1, self: "[Circular]" },
    });
  });

  it("stops on an error that causes itself", () => {
    const a = new PeakTradeError("a");
    const b = new PeakTradeError("b", { cause: a });
    (a as { cause?: unknown }).cause = b;
    expect(JSON.stringify(b.toJSON().cause)).toContain("[Circular]");
  });

  it("truncates very deep nesting", () => {
    let deep: Record<string, unknown> = {};
    const top = deep;
    for (let i = 0; i < 20; i++) deep = (deep.next = {}) as Record<string, unknown>;
    expect(JSON.stringify(toSafeJson(top))).toContain("[Truncated]");
  });

  it("keeps shared (non-cyclic) references", () => {
    const shared = { a: 1 };
    expect(toSafeJson({ x: shared, y: shared })).toEqual({ x: { a: 1 }, y: { a: 1 } });
  });
});

describe("errorFromJSON", () => {
  it("round-trips class, code, hint, context and retryable", () => {
    const error = new ProviderError("down", {
      hint: "wait",
      context: { p: "kraken" },
      retryable: false,
    });
    const copy = errorFromJSON(JSON.parse(JSON.stringify(error)));
    expect(copy).toBeInstanceOf(ProviderError);
    expect(copy.toJSON()).toEqual(error.toJSON());
  });

  it("falls back to PeakTradeError for an unknown code", () => {
    const copy = errorFromJSON({
      name: "X",
      code: "SOMETHING_NEW",
      message: "m",
      context: {},
      retryable: false,
    });
    expect(copy.constructor).toBe(PeakTradeError);
    expect(copy.message).toBe("m");
  });
});
