import { describe, expect, it } from "vitest";
import { rejectSoon, toResult } from "./to-result";

// Settling a call into a result object, and the deferred rejection of hot rejection paths.
describe("toResult", () => {
  it("turns a fulfilled promise into an ok result with its value", async () => {
    await expect(toResult(Promise.resolve(42))).resolves.toEqual({ ok: true, value: 42 });
  });

  it("turns a rejected promise into a failed result carrying the error, without rejecting", async () => {
    const error = new Error("down");
    const result = await toResult(Promise.reject(error));
    expect(result).toEqual({ ok: false, error });
    expect(result.ok === false && result.error).toBe(error);
  });
});

describe("rejectSoon", () => {
  it("rejects with the given error once the caller has attached its handler", async () => {
    const error = new Error("full");
    const order: string[] = [];
    const pending = rejectSoon<number>(error);
    queueMicrotask(() => order.push("microtask"));
    await pending.catch((e: unknown) => order.push(e === error ? "rejected" : "other"));
    expect(order).toEqual(["microtask", "rejected"]);
  });
});
