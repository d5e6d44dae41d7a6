import { describe, expect, it } from "vitest";
import { attemptLabel, LabelLimiter, OVERFLOW_LABEL } from "./label-limiter";

describe("LabelLimiter", () => {
  it("passes the first `limit` distinct values, then reports the rest as _other", () => {
    const labels = new LabelLimiter(2);
    expect(["a", "b", "a", "c", "b", "d"].map((v) => labels.get(v))).toEqual([
      "a",
      "b",
      "a",
      "_other",
      "b",
      "_other",
    ]);
    expect(OVERFLOW_LABEL).toBe("_other");
  });
});

describe("attemptLabel", () => {
  it.each([
    [1, 5, "1"],
    [2.9, 5, "2"],
    [4, 5, "4"],
    [5, 5, "5+"],
    [9, 5, "5+"],
    [1, 1, "1+"],
    [0, 5, "1"],
    [0.5, 5, "1"],
    [-3, 5, "1"],
    [Number.NaN, 5, "1"],
    [Number.POSITIVE_INFINITY, 5, "1"],
  ])("labels attempt %d (max %d) as %s", (attempt, max, label) => {
    expect(attemptLabel(attempt, max)).toBe(label);
  });
});
