import { circuitBreaker, isCircuitOpenError, retryWithBackoff } from "@peak/resilience";
import type { RedisBreakerStore } from "@peak/resilience-redis";
import { PeakTradeError } from "@peak/errors";
import { deadProvider, flakyProvider } from "./providers";
import type { StepRunner } from "./steps";

const fail = (message: string, context: Record<string, unknown> = {}): never => {
  throw new PeakTradeError(message, { context });
};

/**
 * Flaky provider through retry + breaker (sharing breaker state through Redis when a `store`
 * is given), then a dead provider opening its breaker.
 */
export async function runProviderSteps(runner: StepRunner, store?: RedisBreakerStore) {
  const flakyBreaker = circuitBreaker({
    name: "flaky-provider",
    failureThreshold: 5,
    ...(store && { store }),
  });
  await runner.step(store ? "flaky provider (redis)" : "flaky provider", async () => {
    const provider = flakyProvider(2, { symbol: "BTC-USD", price: 42_000 });
    const retry = retryWithBackoff({
      maxAttempts: 4,
      baseDelayMs: 5,
      maxDelayMs: 20,
      jitter: "none",
    });
    if (store && !(await store.ready(3_000))) {
      throw new PeakTradeError(
        "Redis did not answer within 3 s; the breaker fell back to local state",
        {
          hint: "Start redis-server or fix the --redis URL",
        },
      );
    }
    const answer = await retry.execute(() => flakyBreaker.execute(() => provider.fetch()));
    if (provider.calls !== 3) fail("expected exactly 3 calls", { calls: provider.calls });
    return [
      answer,
      `answered on attempt ${provider.calls} after 2 failures, breaker ${flakyBreaker.state}`,
    ];
  });
  const deadBreaker = circuitBreaker({
    name: "dead-provider",
    failureThreshold: 3,
    recoveryTimeoutMs: 30_000,
  });
  await runner.step("dead provider", async () => {
    const provider = deadProvider();
    for (let i = 0; i < 3; i++) await deadBreaker.tryExecute(() => provider.fetch());
    const rejected = await deadBreaker.tryExecute(() => provider.fetch());
    if (deadBreaker.state !== "open") fail("breaker did not open", { state: deadBreaker.state });
    if (rejected.ok || !isCircuitOpenError(rejected.error) || provider.calls !== 3) {
      fail("an open breaker let a call through", { calls: provider.calls });
    }
    return [
      null,
      `breaker opened after 3 failures; the 4th call was rejected without reaching the provider`,
    ];
  });
  return [flakyBreaker, deadBreaker];
}
