import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { ProviderError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { systemClock } from "./clock";
import { retryWithBackoff } from "./retry";
import { timeout } from "./timeout";

const refTimers = () => process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;

describe("systemClock", () => {
  it("reports monotonic epoch milliseconds", () => {
    const a = systemClock.now();
    const b = systemClock.now();
    expect(b).toBeGreaterThanOrEqual(a);
    expect(Math.abs(a - Date.now())).toBeLessThan(60_000);
  });

  it("never holds the event loop open with a backoff or timeout timer", async () => {
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
    const timed = timeout(60_000)
      .execute(() => new Promise(() => undefined), controller.signal)
      .catch((e: unknown) => e);
    await new Promise((resolve) => setImmediate(resolve));
    expect(refTimers()).toBe(before);
    controller.abort();
    expect(await waiting).toMatchObject({ reason: "aborted" });
    expect(await timed).toBeInstanceOf(Error);
  });

  it("lets a Node process exit while a retry waits (child process)", async () => {
    const source = fileURLToPath(new URL("./retry.ts", import.meta.url));
    const script = `
      const { retryWithBackoff } = await import(${JSON.stringify(source)});
      retryWithBackoff({ baseDelayMs: 600_000, retryOn: () => true })
        .execute(() => Promise.reject(new Error("down")));
      setTimeout(() => console.log("started"), 0);
    `;
    const { code, stdout } = await new Promise<{ code: number | null; stdout: string }>(
      (resolve) => {
        const child = execFile(
          process.execPath,
          ["--conditions=@peak/source", "--import", "tsx", "--input-type=module", "-e", script],
          { timeout: 15_000 },
          (error, out) =>
            resolve({ code: error ? ((error.code as number | null) ?? 1) : 0, stdout: out }),
        );
        child.stdin?.end();
      },
    );
    expect(stdout.trim()).toBe("started");
    expect(code).toBe(0);
  });
});
