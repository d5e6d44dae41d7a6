import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { UnrefTimer } from "./unref-timer";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("UnrefTimer (virtual clock)", () => {
  it("runs the callback once after ms and is pending until then", () => {
    const callback = vi.fn();
    const timer = new UnrefTimer(callback);
    expect(timer.pending).toBe(false);
    timer.start(100);
    expect(timer.pending).toBe(true);
    vi.advanceTimersByTime(99);
    expect(callback).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(callback).toHaveBeenCalledOnce();
    expect(timer.pending).toBe(false);
    vi.advanceTimersByTime(1_000);
    expect(callback).toHaveBeenCalledOnce();
  });

  it("restarts: a second start cancels the first, so the callback runs once, at the new time", () => {
    const callback = vi.fn();
    const timer = new UnrefTimer(callback);
    timer.start(100);
    vi.advanceTimersByTime(50);
    timer.start(100);
    vi.advanceTimersByTime(60);
    expect(callback).not.toHaveBeenCalled();
    vi.advanceTimersByTime(40);
    expect(callback).toHaveBeenCalledOnce();
  });

  it("clear cancels a pending run and is harmless when nothing is pending", () => {
    const callback = vi.fn();
    const timer = new UnrefTimer(callback);
    timer.clear();
    timer.start(100);
    timer.clear();
    expect(timer.pending).toBe(false);
    vi.advanceTimersByTime(1_000);
    expect(callback).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });
});
