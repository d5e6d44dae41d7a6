import { describe, expect, it } from "vitest";
import type { HealthCheckReturn } from "./health-types";
import { interpret } from "./run-health-check";

// What a check's return value means; JavaScript callers may return values the types leave out.
const loose = (value: unknown): HealthCheckReturn => value as HealthCheckReturn;

describe("interpret", () => {
  it.each([
    ["nothing", undefined, "pass"],
    ["true", true, "pass"],
    ["false", false, "fail"],
    ["a truthy number", loose(1), "pass"],
    ["null", loose(null), "fail"],
  ])("reads %s as %s with no message or details", (_label, value, status) => {
    expect(interpret(value)).toEqual({ status, message: "", details: {} });
  });

  it.each([
    [{}, "pass"],
    [{ healthy: true }, "pass"],
    [{ healthy: false }, "fail"],
    [{ status: "ok" }, "pass"],
    [{ status: "up" }, "pass"],
    [{ status: "error" }, "fail"],
    [{ status: "down" }, "fail"],
    [{ status: "warn" }, "warn"],
    [{ status: "fail" }, "fail"],
    [{ status: "sideways" }, "fail"],
  ])("reads %o as %s", (value, status) => {
    expect(interpret(loose(value))).toEqual({ status, message: "", details: {} });
  });

  it("keeps the message and a frozen copy of the details", () => {
    const details = { lagMs: 900 };
    const outcome = interpret({ status: "warn", message: "lagging", details });
    expect(outcome).toEqual({ status: "warn", message: "lagging", details: { lagMs: 900 } });
    expect(outcome.details).not.toBe(details);
    expect(Object.isFrozen(outcome.details)).toBe(true);
  });
});
