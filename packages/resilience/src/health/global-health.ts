import { HealthCheck } from "./health-check";

const KEY = Symbol.for("@peak/resilience/healthCheck");

/** The process-wide registry, created on first use and shared by every copy of the package. */
export const globalHealthCheck = (): HealthCheck => {
  const holder = globalThis as { [KEY]?: HealthCheck };
  return (holder[KEY] ??= new HealthCheck());
};

/**
 * The global health-check registry. It is created on first use (importing the package has no
 * side effects) and shared process-wide; call `healthCheck.clear()` between tests.
 *
 * @example
 * ```ts
 * healthCheck.register("exchange", () => exchange.ping(), { critical: false, timeoutMs: 800 });
 * const ok = await healthCheck.isSystemHealthy();
 * ```
 */
export const healthCheck: Pick<
  HealthCheck,
  | "register"
  | "registerBreaker"
  | "unregister"
  | "names"
  | "clear"
  | "run"
  | "isSystemHealthy"
  | "toHealthJson"
  | "onResult"
> = {
  register: (...args) => globalHealthCheck().register(...args),
  registerBreaker: (...args) => globalHealthCheck().registerBreaker(...args),
  unregister: (name) => globalHealthCheck().unregister(name),
  names: () => globalHealthCheck().names(),
  clear: () => globalHealthCheck().clear(),
  run: () => globalHealthCheck().run(),
  isSystemHealthy: () => globalHealthCheck().isSystemHealthy(),
  toHealthJson: (options) => globalHealthCheck().toHealthJson(options),
  onResult: (listener) => globalHealthCheck().onResult(listener),
};
