import { isConfigError, type ConfigError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { createRegistry } from "./registry";

const thrown = (fn: () => unknown): ConfigError => {
  try {
    fn();
  } catch (e) {
    if (isConfigError(e)) return e;
    throw e;
  }
  throw new Error("expected a ConfigError");
};

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
