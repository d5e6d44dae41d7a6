import { describe, expect, it } from "vitest";
import { ConsecutiveRule } from "./consecutive-rule";
import { CountWindowRule } from "./count-window-rule";
import { TimeWindowRule } from "./time-window-rule";

// The rules' exact thresholds, what they count, and what they save and restore.

describe("ConsecutiveRule", () => {
  it("opens on the threshold-th failure in a row and counts the run in its window", () => {
    const rule = new ConsecutiveRule(3);
    expect([rule.failure(), rule.failure()]).toEqual([false, false]);
    expect(rule.window()).toEqual({ calls: 2, failures: 2 });
    expect(rule.toJSON()).toEqual({ kind: "consecutive", data: [2] });
    expect(rule.failure()).toBe(true);
    rule.success();
    expect(rule.window()).toEqual({ calls: 0, failures: 0 });
  });

  it("restores its own kind only, reading a missing count as 0", () => {
    const rule = new ConsecutiveRule(3);
    rule.restore({ kind: "count", data: [2] });
    expect(rule.window().failures).toBe(0);
    rule.restore({ kind: "consecutive", data: [2] });
    expect(rule.failure()).toBe(true);
    rule.restore({ kind: "consecutive", data: [] });
    expect(rule.window().failures).toBe(0);
    rule.failure();
    rule.reset();
    expect(rule.toJSON().data).toEqual([0]);
  });
});

describe("CountWindowRule", () => {
  it("opens exactly at the rate once minimumCalls are in the window", () => {
    const rule = new CountWindowRule(4, 0.5, 3);
    rule.success();
    expect(rule.failure()).toBe(false);
    expect(rule.failure()).toBe(true);
    const strict = new CountWindowRule(4, 0.75, 4);
    strict.success();
    strict.failure();
    strict.failure();
    expect(strict.failure()).toBe(true);
    expect(strict.window()).toEqual({ calls: 4, failures: 3 });
  });

  it("saves the outcomes oldest first, after the ring wrapped", () => {
    const rule = new CountWindowRule(3, 1, 3);
    rule.failure();
    rule.success();
    rule.success();
    rule.failure();
    rule.success();
    expect(rule.toJSON()).toEqual({ kind: "count", data: [0, 1, 0] });
    expect(rule.window()).toEqual({ calls: 3, failures: 1 });
  });

  it("restores the newest outcomes that fit, reading anything but 1 as a success", () => {
    const rule = new CountWindowRule(3, 0.5, 2);
    rule.restore({ kind: "count", data: [1, 1, 1, 0, 7, 1] });
    expect(rule.toJSON().data).toEqual([0, 0, 1]);
    expect(rule.window()).toEqual({ calls: 3, failures: 1 });
    rule.restore({ kind: "time", data: [1, 1, 1] });
    expect(rule.toJSON().data).toEqual([0, 0, 1]);
    rule.reset();
    expect(rule.toJSON().data).toEqual([]);
    rule.success();
    expect(rule.toJSON().data).toEqual([0]);
  });
});

describe("TimeWindowRule", () => {
  it("opens exactly at the rate once minimumCalls fell in the window", () => {
    const rule = new TimeWindowRule(1_000, 10, 0.5, 4);
    rule.success(0);
    rule.success(50);
    expect(rule.failure(100)).toBe(false);
    expect(rule.failure(150)).toBe(true);
    expect(rule.window(150)).toEqual({ calls: 4, failures: 2 });
  });

  it("counts the slices of the last windowMs, the current one included", () => {
    const rule = new TimeWindowRule(1_000, 10, 1, 1);
    rule.success(0);
    rule.failure(99);
    expect(rule.window(999)).toEqual({ calls: 2, failures: 1 });
    expect(rule.window(1_000)).toEqual({ calls: 0, failures: 0 });
  });

  it("reuses a slice of an older lap as new", () => {
    const rule = new TimeWindowRule(100, 4, 1, 1);
    rule.failure(10);
    rule.success(110);
    expect(rule.window(110)).toEqual({ calls: 1, failures: 0 });
    expect(rule.toJSON()).toEqual({ kind: "time", data: [4, 1, 0] });
  });

  it("saves used slices as id, successes, failures triples and restores them", () => {
    const rule = new TimeWindowRule(1_000, 10, 0.5, 2);
    rule.success(0);
    rule.success(10);
    rule.failure(250);
    const saved = rule.toJSON();
    expect(saved).toEqual({ kind: "time", data: [0, 2, 0, 2, 0, 1] });
    const copy = new TimeWindowRule(1_000, 10, 0.5, 2);
    copy.restore({ kind: "time", data: [...saved.data, 5, 9] });
    expect(copy.window(300)).toEqual({ calls: 3, failures: 1 });
    expect(copy.toJSON()).toEqual(saved);
    copy.restore({ kind: "count", data: [1] });
    expect(copy.window(300)).toEqual({ calls: 3, failures: 1 });
    copy.reset();
    expect(copy.toJSON().data).toEqual([]);
    expect(copy.window(300)).toEqual({ calls: 0, failures: 0 });
  });
});
