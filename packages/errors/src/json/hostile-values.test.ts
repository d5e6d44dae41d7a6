import { describe, expect, it } from "vitest";
import { PeakTradeError } from "../peak-trade-error";
import { toSafeJson } from "./safe-json";
import { toError } from "../to-error";

const explode = (): never => {
  throw new Error("trap exploded");
};

// A Proxy whose every trap throws: reading, listing keys, asking for the prototype.
const hostileProxy = () =>
  new Proxy(
    {},
    { get: explode, ownKeys: explode, getPrototypeOf: explode, getOwnPropertyDescriptor: explode },
  );

const throwingGetter = () =>
  Object.defineProperty({ ok: 1 }, "bad", { enumerable: true, get: explode });

const all = (error: PeakTradeError) => [
  JSON.stringify(error.toJSON()),
  error.toString(),
  JSON.stringify(toSafeJson(error.context)),
];

describe("hostile context values", () => {
  it("turns a Proxy whose traps throw into a placeholder", () => {
    const error = new PeakTradeError("x", { context: { value: hostileProxy() } });
    for (const text of all(error)) expect(text).toContain("[unreadable: trap exploded]");
  });

  it("survives a Proxy as the context itself", () => {
    const error = new PeakTradeError("x", { context: hostileProxy() });
    expect(error.context).toEqual({ context: "[unreadable: trap exploded]" });
    for (const text of all(error)) expect(text).toContain("[unreadable: trap exploded]");
  });

  it("keeps the readable keys next to a getter that throws", () => {
    const error = new PeakTradeError("x", { context: throwingGetter() });
    expect(error.context).toEqual({ ok: 1, bad: "[unreadable: trap exploded]" });
  });

  it("turns a nested getter that throws into a placeholder", () => {
    expect(toSafeJson({ outer: throwingGetter() })).toEqual({
      outer: { ok: 1, bad: "[unreadable: trap exploded]" },
    });
  });

  it("turns a revoked Proxy into a placeholder", () => {
    const { proxy, revoke } = Proxy.revocable([1, 2], {});
    revoke();
    expect((toSafeJson({ list: proxy }) as { list: string }).list).toMatch(/^\[unreadable: /);
  });

  it("survives a thrown value that is itself hostile", () => {
    const value = Object.defineProperty({}, "x", {
      enumerable: true,
      get: () => {
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- a hostile thrown value
        throw hostileProxy();
      },
    });
    expect(toSafeJson(value)).toEqual({
      x: "[unreadable: the thrown value could not be read either]",
    });
  });

  it("survives a Proxy-wrapped Map, Date and function name", () => {
    const fn = Object.defineProperty(() => 1, "name", { get: explode });
    const out = toSafeJson({
      map: new Proxy(new Map([[1, 2]]), {}),
      date: new Proxy(new Date(0), {}),
      fn,
    });
    expect(out).toMatchObject({ fn: "[Function [unreadable: trap exploded]]" });
    expect(String((out as { map: string }).map)).toMatch(/^\[unreadable: /);
    expect(String((out as { date: string }).date)).toMatch(/^\[unreadable: /);
  });

  it("survives a cause whose name, message and cause getters throw", () => {
    const cause = new Error("inner");
    for (const key of ["name", "message", "cause"])
      Object.defineProperty(cause, key, { get: explode });
    const error = new PeakTradeError("outer", { cause });
    expect(JSON.stringify(error.toJSON())).toContain("[unreadable: trap exploded]");
    expect(error.toString()).toContain(
      "Caused by: [unreadable: trap exploded]: [unreadable: trap exploded]",
    );
  });

  it("survives a Proxy as the cause", () => {
    const error = new PeakTradeError("outer", { cause: hostileProxy() });
    expect(error.toJSON().cause).toBe("[unreadable: trap exploded]");
    expect(error.toString()).toContain("Caused by:");
  });
});

describe("toError on hostile values", () => {
  it("wraps a Proxy whose traps throw", () => {
    const error = toError(hostileProxy());
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toBe('A non-Error value was thrown: "[unreadable: trap exploded]"');
  });
});

describe("size bounds", () => {
  // 55 objects, each pointing at the next five: expanding the shared references naively
  // (depth 10) gives millions of nodes.
  const dag = () => {
    const nodes: Record<string, unknown>[] = Array.from({ length: 55 }, (_, id) => ({ id }));
    nodes.forEach((node, i) => {
      for (let k = 1; k <= 5 && i + k < nodes.length; k++) node[`next${k}`] = nodes[i + k];
    });
    return nodes[0]!;
  };

  it("keeps a context of 55 objects with shared references within 64 KiB", () => {
    const text = JSON.stringify(toSafeJson(dag()));
    expect(text.length).toBeLessThanOrEqual(64 * 1024);
    expect(text).toContain("[Truncated");
  });

  it("keeps toJSON and toString of that context within bounds", () => {
    const error = new PeakTradeError("x", { context: { graph: dag() } });
    expect(JSON.stringify(error.toJSON()).length).toBeLessThanOrEqual(64 * 1024);
    expect(error.toString().length).toBeLessThanOrEqual(65 * 1024);
  });

  it("honours a smaller maxBytes", () => {
    const text = JSON.stringify(
      toSafeJson({ list: Array.from({ length: 10_000 }, (_, i) => i) }, { maxBytes: 1000 }),
    );
    expect(text.length).toBeLessThanOrEqual(1000);
    expect(text).toMatch(/\[Truncated: \d+ more items\]/);
  });

  it("cuts a long string with a marker", () => {
    const out = toSafeJson("\u0001".repeat(100_000), { maxBytes: 4096 });
    expect(JSON.stringify(out).length).toBeLessThanOrEqual(4096);
    expect(out).toMatch(/…\[Truncated\]$/);
  });

  it("cuts a huge message and stack in toJSON", () => {
    const error = new PeakTradeError("m".repeat(1_000_000));
    expect(JSON.stringify(error.toJSON()).length).toBeLessThanOrEqual(64 * 1024);
  });

  it("leaves normal values unchanged", () => {
    const value = { a: [1, "two", null, true], b: { c: { d: 1.5 } } };
    expect(toSafeJson(value)).toEqual(value);
  });
});
