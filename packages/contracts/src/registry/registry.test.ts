import { describe, expect, it } from "vitest";
import { thrownConfigError as thrown } from "../config/__fixtures__/thrown-config-error";
import { createRegistry } from "./registry";

const strategies = () =>
  createRegistry<{ name: string; fast: number }, [number]>({ kind: "strategy" })
    .register("ma_crossover", (fast) => ({ name: "ma", fast }))
    .register("breakout", (fast) => ({ name: "bo", fast }));

describe("createRegistry", () => {
  it("registers, lists sorted, checks and creates", () => {
    const r = strategies();
    expect(r.list()).toEqual(["breakout", "ma_crossover"]);
    expect(r.has("breakout")).toBe(true);
    expect(r.has("Breakout")).toBe(false);
    expect(r.create("ma_crossover", 5)).toEqual({ name: "ma", fast: 5 });
    expect(r.get("breakout")(2)).toEqual({ name: "bo", fast: 2 });
  });

  it("rejects an unknown name with the available keys and the nearest one", () => {
    const e = thrown(() => strategies().create("ma_crosover", 1));
    expect(e.message).toBe("Unknown strategy `ma_crosover`");
    expect(e.hint).toBe("Did you mean `ma_crossover`?");
    expect(e.context).toMatchObject({ available: ["breakout", "ma_crossover"] });
  });

  it("lists everything in the hint when nothing is close", () => {
    expect(thrown(() => strategies().get("zzz")).hint).toBe("Available: breakout, ma_crossover");
    expect(thrown(() => createRegistry().get("x")).hint).toContain("none");
  });

  it("rejects duplicates, empty names and non-functions", () => {
    const r = strategies();
    expect(
      thrown(() => r.register("breakout", () => ({ name: "x", fast: 0 }))).context,
    ).toMatchObject({
      available: ["breakout", "ma_crossover"],
    });
    expect(thrown(() => r.register("  ", () => ({ name: "x", fast: 0 }))).message).toContain(
      "non-empty",
    );
    expect(thrown(() => r.get("")).message).toContain("non-empty");
    expect(thrown(() => r.register("x", 5 as never)).message).toContain("factory");
  });

  it("treats prototype names as ordinary unknown names", () => {
    for (const name of ["__proto__", "constructor", "toString"]) {
      expect(strategies().has(name)).toBe(false);
      expect(thrown(() => strategies().get(name)).context.available).toHaveLength(2);
    }
  });
});

const make = () => () => 1;

describe("createRegistry errors", () => {
  it("calls entries `entry` when no kind is given", () => {
    const e = thrown(() => createRegistry<number>().get("x"));
    expect(e.message).toBe("Unknown entry `x`");
    expect(e.hint).toMatch(/^Available: none /);
    expect(e.context).toEqual({ kind: "entry", name: "x", available: [] });
  });

  it.each([
    ["an empty name", ""],
    ["a blank name", " \t"],
    ["a number", 42],
    ["undefined", undefined],
  ])("rejects %s with a hint and the name in context", (_, name) => {
    const r = createRegistry<number>({ kind: "strategy" });
    for (const e of [
      thrown(() => r.get(name as string)),
      thrown(() => r.register(name as string, make())),
    ]) {
      expect(e.message).toBe("A strategy name must be a non-empty string");
      expect(e.hint).toBe('Use a name such as "ma_crossover"');
      expect(e.context).toEqual({ name: String(name) });
    }
    expect(r.list()).toEqual([]);
  });

  it("rejects a second registration under one name and keeps the first", () => {
    const first = () => 1;
    const r = createRegistry<number>({ kind: "strategy" }).register("ma", first);
    const e = thrown(() => r.register("ma", () => 2));
    expect(e.message).toBe("Duplicate strategy `ma`");
    expect(e.hint).toBe("Pick another name; `ma` is already registered");
    expect(e.context).toEqual({ kind: "strategy", name: "ma", available: ["ma"] });
    expect(r.get("ma")).toBe(first);
  });

  it("rejects a factory that is not a function and registers nothing", () => {
    const r = createRegistry<number>({ kind: "strategy" });
    const e = thrown(() => r.register("ma", "nope" as never));
    expect(e.message).toBe("The strategy `ma` needs a factory function");
    expect(e.hint).toBe(
      "Pass a function that builds the entry, e.g. (config) => new MyStrategy(config)",
    );
    expect(e.context).toEqual({ kind: "strategy", name: "ma", received: "string" });
    expect(r.has("ma")).toBe(false);
  });
});
