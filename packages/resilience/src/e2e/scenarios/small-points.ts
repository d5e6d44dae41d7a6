import { circuitBreaker } from "../../breaker/circuit-breaker";
import { retryWithBackoff } from "../../retry/retry";

/** Point 5: a typo in real use is a ConfigError with a suggestion. */
export const typo = (): Promise<unknown> => {
  try {
    circuitBreaker({ failureTreshold: 3 } as never);
    return Promise.resolve({ thrown: false });
  } catch (error) {
    const { name, hint } = error as { name: string; hint: string };
    return Promise.resolve({ thrown: true, name, hint });
  }
};

/** Point 6: 10,000 real retries on one signal: no listener warning, all aborted. */
export const sharedSignal = async (): Promise<unknown> => {
  const warnings: string[] = [];
  process.on("warning", (w) => warnings.push(w.name));
  const controller = new AbortController();
  const retry = retryWithBackoff({ baseDelayMs: 50, jitter: "none", retryOn: () => true });
  const calls = Array.from({ length: 10_000 }, () =>
    retry
      .execute(() => Promise.reject(new Error("down")), controller.signal)
      .catch((e: unknown) => e),
  );
  await new Promise((resolve) => setTimeout(resolve, 10));
  controller.abort();
  const results = (await Promise.all(calls)) as { reason?: string }[];
  await new Promise((resolve) => setImmediate(resolve));
  return { aborted: results.every((r) => r.reason === "aborted"), warnings };
};
