import { ConfigError } from "@peak/errors";
import type { CircuitBreaker } from "../breaker/breaker-api";
import type { CircuitBreakerOptions } from "../breaker/breaker-options";
import { circuitBreaker } from "../breaker/circuit-breaker";
import type { Policy } from "../shared/policy";
import { retryWithBackoff } from "../retry/retry";
import type { RetryOptions } from "../retry/retry-options";

/** An async method, as the decorators accept it. */
export type AsyncMethod<This, A extends unknown[], R> = (this: This, ...args: A) => Promise<R>;

/** A TC39 (TypeScript 5 standard) method decorator produced by this package. */
export type MethodDecorator = <This extends object, A extends unknown[], R>(
  method: AsyncMethod<This, A, R>,
  context: ClassMethodDecoratorContext<This, AsyncMethod<This, A, R>>,
) => AsyncMethod<This, A, R>;

// Under TypeScript's legacy `experimentalDecorators` a decorator gets (target, key,
// descriptor) and its return value is taken as a descriptor: ours would silently not apply.
const checkStandard = (context: unknown, decorator: string): void => {
  if (typeof context === "object" && context !== null && "kind" in context) return;
  throw new ConfigError(
    `${decorator} is a TC39 standard decorator, but it was called as a legacy one`,
    {
      hint: 'Turn off "experimentalDecorators" in tsconfig.json (TypeScript 5 standard decorators), or call policy.execute() in the method instead',
      context: { decorator, received: typeof context },
    },
  );
};

// The policy context goes after the method's declared parameters (`method.length`), so a
// method declared `(symbol: string, ctx?: RetryContext)` gets it even when called `(symbol)`.
const withContext = (args: unknown[], declared: number, context: unknown): unknown[] => {
  const padded: unknown[] = [...args];
  while (padded.length < declared - 1) padded.push(undefined);
  padded.push(context);
  return padded;
};

/**
 * Decorates an async method so every call runs under a policy. `policy` is one policy for
 * all instances, or a factory called once per instance (the object the method is called on).
 * The method receives the policy's context (`{ signal }`, plus `attempt` under a retry) as one
 * more argument after its declared parameters: declare it last, without a default value.
 *
 * @throws {@link ConfigError} when applied under legacy `experimentalDecorators`
 *
 * @example
 * ```ts
 * class Quotes {
 *   @withPolicy(wrap(retryWithBackoff(), timeout(2_000)))
 *   async latest(symbol: string) { … }
 * }
 * ```
 */
export const withPolicy =
  (policy: Policy | ((instance: object, methodName: string) => Policy)): MethodDecorator =>
  (method, context) => {
    checkStandard(context, "withPolicy/withRetry/withCircuitBreaker");
    const perInstance = new WeakMap<object, Policy>();
    const name = String(context.name);
    return function (this, ...args) {
      let p = typeof policy === "function" ? perInstance.get(this) : policy;
      if (p === undefined && typeof policy === "function") {
        p = policy(this, name);
        perInstance.set(this, p);
      }
      return (p as Policy).execute((ctx) =>
        method.apply(this, withContext(args, method.length, ctx) as typeof args),
      );
    };
  };

const isBreaker = (value: unknown): value is CircuitBreaker =>
  typeof (value as { execute?: unknown }).execute === "function" &&
  typeof (value as { toJSON?: unknown }).toJSON === "function";

const ownerName = (instance: object): string =>
  typeof instance === "function" ? instance.name : instance.constructor.name;

/**
 * Guards an async method with a circuit breaker: **one breaker per instance** (named
 * `<Class>.<method>` unless `options.name` is given), or the breaker you pass, shared.
 *
 * @example
 * ```ts
 * class Exchange {
 *   @withCircuitBreaker({ failureThreshold: 3 })
 *   async ticker(symbol: string) { … }
 * }
 * ```
 */
export const withCircuitBreaker = (
  options: CircuitBreakerOptions | CircuitBreaker = {},
): MethodDecorator =>
  isBreaker(options)
    ? withPolicy(options)
    : withPolicy((instance, method) =>
        circuitBreaker({ name: `${ownerName(instance)}.${method}`, ...options }),
      );

/**
 * Retries an async method with {@link retryWithBackoff}; one policy serves every instance
 * (retry keeps no state between calls).
 *
 * @example
 * ```ts
 * class Exchange {
 *   @withRetry({ maxAttempts: 4, baseDelayMs: 250 })
 *   async candles(symbol: string) { … }
 * }
 * ```
 */
export const withRetry = (options: RetryOptions = {}): MethodDecorator =>
  withPolicy(retryWithBackoff(options));
