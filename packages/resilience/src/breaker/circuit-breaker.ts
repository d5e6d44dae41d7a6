import type { CircuitBreaker } from "./breaker-api";
import { Breaker } from "./breaker-impl";
import type { CircuitBreakerOptions } from "./breaker-options";

/**
 * Creates a circuit breaker. Closed, it runs calls and feeds their outcomes to the breaking
 * rule (default: 5 failures in a row). Open, it rejects every call at once with a cheap
 * {@link CircuitOpenError}. After `recoveryTimeoutMs` it turns half-open and admits up to
 * `halfOpenMaxCalls` probes at a time; `successThreshold` successful probes close it and any
 * failed probe opens it again. A probe that succeeds counts however long it took, unless
 * `maxHalfOpenMs` is finite and it ran that long; a hung probe never blocks the breaker,
 * because after `maxHalfOpenMs` (or, by default, `recoveryTimeoutMs`) its slot goes to a
 * fresh probe and whichever probe settles first decides. Outcomes of calls admitted in an
 * earlier state or half-open round never change the state.
 *
 * @throws {@link ConfigError} for a bad option (named in the message)
 * @example
 * ```ts
 * const breaker = circuitBreaker({ name: "kraken", failureThreshold: 3, recoveryTimeoutMs: 30_000 });
 * const quotes = await breaker.execute(({ signal }) => fetchQuotes("BTC-EUR", { signal }));
 * const result = await breaker.tryExecute(() => fetchQuotes("ETH-EUR")); // never throws
 * if (!result.ok) console.warn(result.error);
 * ```
 */
export const circuitBreaker = (options: CircuitBreakerOptions = {}): CircuitBreaker =>
  new Breaker(options);
