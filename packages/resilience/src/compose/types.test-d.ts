import { expectTypeOf } from "vitest";
import { circuitBreaker } from "../breaker/circuit-breaker";
import type { CircuitOpenError } from "../errors/circuit-open-error";
import type { ExecuteResult } from "../shared/policy";
import { retryWithBackoff } from "../retry/retry";
import { timeout } from "../timeout/timeout";
import { wrap } from "./wrap";

// wrap merges the contexts of its layers: retry adds `attempt`.
const policy = wrap(retryWithBackoff(), circuitBreaker(), timeout(1_000));
void policy.execute((context) => {
  expectTypeOf(context.attempt).toEqualTypeOf<number>();
  expectTypeOf(context.signal).toEqualTypeOf<AbortSignal>();
  return 1;
});

// wrap() keeps the wrapped function's parameters and awaits its result.
const add = circuitBreaker().wrap((a: number, b: number) => Promise.resolve(a + b));
expectTypeOf(add).toEqualTypeOf<(a: number, b: number) => Promise<number>>();

// tryExecute returns a discriminated result.
const result = null as unknown as ExecuteResult<string>;
if (result.ok) expectTypeOf(result.value).toEqualTypeOf<string>();
else expectTypeOf(result.error).toEqualTypeOf<unknown>();

// The circuit error narrows its state.
expectTypeOf<CircuitOpenError["state"]>().toEqualTypeOf<"open" | "half-open">();
expectTypeOf<CircuitOpenError["code"]>().toEqualTypeOf<"CIRCUIT_OPEN">();
