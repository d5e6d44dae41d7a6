import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { ProviderError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { systemClock } from "./clock";
import { retryWithBackoff } from "../retry/retry";
import { timeout } from "../timeout/timeout";

const refTimers = () => process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;

const runChild = (script: string) =>
  new Promise<{ code: number | null; stdout: string }>((resolve) => {
    const child = execFile(
      process.execPath,
      ["--conditions=@peak/source", "--import", "tsx", "--input-type=module", "-e", script],
      { timeout: 15_000 },
      (error, out) =>
        resolve({ code: error ? ((error.code as number | null) ?? 1) : 0, stdout: out }),
    );
    child.stdin?.end();
  });

const retrySource = JSON.stringify(fileURLToPath(new URL("../retry/retry.ts", import.meta.url)));
const clockSource = JSON.stringify(fileURLToPath(new URL("./clock.ts", import.meta.url)));

describe("systemClock", () => {
  it("reports monotonic epoch milliseconds", () => {
    const a = systemClock.now();
    const b = systemClock.now();
    expect(b).toBeGreaterThanOrEqual(a);
    expect(Math.abs(a - Date.now())).toBeLessThan(60_000);
  });

  it("leaves no backoff or timeout timer behind once the calls are aborted", async () => {
    const before = refTimers();
    const controller = new AbortController();
    const retry = retryWithBackoff({
      baseDelayMs: 60_000,
      jitter: "none",
      signal: controller.signal,
    });
    const waiting = retry
      .execute(() => Promise.reject(new ProviderError("down")))
      .catch((e: unknown) => e);
    const timed = timeout(60_000, { mode: "aggressive" })
      .execute(() => new Promise(() => undefined), controller.signal)
      .catch((e: unknown) => e);
    await new Promise((resolve) => setImmediate(resolve));
    expect(refTimers()).toBe(before + 2);
    controller.abort();
    expect(await waiting).toMatchObject({ reason: "aborted" });
    expect(await timed).toBeInstanceOf(Error);
    expect(refTimers()).toBe(before);
  });

  it("keeps a Node process alive until a pending retry finishes (child process)", async () => {
    const script = `
      const { retryWithBackoff } = await import(${retrySource});
      let calls = 0;
      const answer = await retryWithBackoff({ baseDelayMs: 50, jitter: "none", retryOn: () => true })
        .execute(() => (++calls < 2 ? Promise.reject(new Error("down")) : "answer"));
      console.log(answer, calls);
    `;
    const { code, stdout } = await runChild(script);
    expect(stdout.trim()).toBe("answer 2");
    expect(code).toBe(0);
  });
});

describe("unrefClock", () => {
  it("lets a Node process exit while a background retry waits (child process)", async () => {
    const script = `
      const { retryWithBackoff } = await import(${retrySource});
      const { unrefClock } = await import(${clockSource});
      void retryWithBackoff({ baseDelayMs: 600_000, retryOn: () => true, clock: unrefClock })
        .execute(() => Promise.reject(new Error("down")));
      setTimeout(() => console.log("started"), 0);
    `;
    const { code, stdout } = await runChild(script);
    expect(stdout.trim()).toBe("started");
    expect(code).toBe(0);
  });
});
