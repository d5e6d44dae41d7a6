import { describe, expect, it } from "vitest";
import { RENAME_RETRIES, retryingRename } from "./rename-retry";

const failure = (code: string | undefined): NodeJS.ErrnoException =>
  Object.assign(new Error(`rename failed: ${code}`), code === undefined ? {} : { code });

/** A rename that fails with `codes` in turn, then succeeds; and a sleep that records its waits. */
const harness = (platform: string, codes: (string | undefined)[]) => {
  const calls: [string, string][] = [];
  const waits: number[] = [];
  const rename = retryingRename({
    platform,
    rename: async (from, to) => {
      calls.push([from, to]);
      if (calls.length <= codes.length) throw failure(codes[calls.length - 1]);
    },
    sleep: async (ms) => void waits.push(ms),
  });
  return { rename, calls, waits };
};

describe("retryingRename", () => {
  it("renames once when the first attempt succeeds", async () => {
    const { rename, calls, waits } = harness("win32", []);
    await rename("a.tmp", "a");
    expect(calls).toEqual([["a.tmp", "a"]]);
    expect(waits).toEqual([]);
  });

  it.each(["EPERM", "EACCES", "EBUSY"])(
    "on Windows retries %s with doubling waits until the target is free",
    async (code) => {
      const { rename, calls, waits } = harness("win32", [code, code, code]);
      await expect(rename("a.tmp", "a")).resolves.toBeUndefined();
      expect(calls).toHaveLength(4);
      expect(calls.every(([from, to]) => from === "a.tmp" && to === "a")).toBe(true);
      expect(waits).toEqual([10, 20, 40]);
    },
  );

  it("on Windows gives up after 12 retries with the last error, the waits capped at 250 ms", async () => {
    const codes = Array.from({ length: 20 }, () => "EBUSY");
    const { rename, calls, waits } = harness("win32", codes);
    await expect(rename("a.tmp", "a")).rejects.toMatchObject({ code: "EBUSY" });
    expect(calls).toHaveLength(RENAME_RETRIES + 1);
    expect(waits).toEqual([10, 20, 40, 80, 160, 250, 250, 250, 250, 250, 250, 250]);
    expect(waits.reduce((a, b) => a + b, 0)).toBe(2_060);
  });

  it("succeeds on the last allowed attempt", async () => {
    const codes = Array.from({ length: RENAME_RETRIES }, () => "EPERM");
    const { rename, calls } = harness("win32", codes);
    await expect(rename("a.tmp", "a")).resolves.toBeUndefined();
    expect(calls).toHaveLength(RENAME_RETRIES + 1);
  });

  it.each(["ENOENT", "EXDEV", undefined])("on Windows passes on %s at once", async (code) => {
    const { rename, calls, waits } = harness("win32", [code, "EBUSY"]);
    await expect(rename("a.tmp", "a")).rejects.toThrow(`rename failed: ${code}`);
    expect(calls).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it.each(["linux", "darwin"])("on %s passes on even EBUSY at once", async (platform) => {
    const { rename, calls, waits } = harness(platform, ["EBUSY"]);
    await expect(rename("a.tmp", "a")).rejects.toMatchObject({ code: "EBUSY" });
    expect(calls).toHaveLength(1);
    expect(waits).toEqual([]);
  });
});
