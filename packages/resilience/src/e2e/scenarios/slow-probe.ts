import { ProviderError } from "@peak/errors";
import { circuitBreaker } from "../../breaker/circuit-breaker";
import { wait } from "./wait";

/** Point 1: a probe slower than the recovery timeout still closes the breaker, every cycle. */
export const slowProbe = async (): Promise<unknown> => {
  const breaker = circuitBreaker({ name: "slow", failureThreshold: 1, recoveryTimeoutMs: 40 });
  const states: string[] = [];
  for (let cycle = 0; cycle < 5; cycle += 1) {
    await breaker.execute(() => Promise.reject(new ProviderError("down"))).catch(() => undefined);
    await wait(50);
    await breaker.execute(() => wait(60).then(() => "slow but fine"));
    states.push(breaker.state);
  }
  return { states };
};
