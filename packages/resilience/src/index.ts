export { circuitBreaker } from "./circuit-breaker";
export type { CircuitBreaker } from "./breaker-api";
export type { CircuitBreakerOptions } from "./breaker-options";
export type { CircuitBreakerSnapshot } from "./breaker-snapshot";
export type { CallOutcome } from "./breaker-machine";
export type { BreakerStore, BreakerStoreBinding, BreakerStoreHandle } from "./breaker-store";
export type { BreakingStrategy, RuleSnapshot, RuleWindow } from "./breaking-rule";
export type {
  CircuitBreakerStats,
  CircuitState,
  OutcomeEvent,
  StateChangeEvent,
  TransitionReason,
} from "./circuit-state";
export { CircuitOpenError, isCircuitOpenError } from "./circuit-open-error";
export type { CircuitOpenErrorOptions } from "./circuit-open-error";
export { retryWithBackoff } from "./retry";
export type { RetryPolicy } from "./retry";
export { isRetryableError } from "./retry-options";
export type { RetryEvent, RetryOptions } from "./retry-options";
export { backoffDelay } from "./backoff";
export type { BackoffKind, BackoffSettings, JitterKind } from "./backoff";
export { RetryExhaustedError, isRetryExhaustedError } from "./retry-exhausted-error";
export type { RetryExhaustedErrorOptions, RetryStopReason } from "./retry-exhausted-error";
export { TimeoutError, isTimeoutError } from "./timeout-error";
export type { TimeoutErrorOptions } from "./timeout-error";
export { systemClock, unrefClock } from "./clock";
export type { CancelTimer, Clock } from "./clock";
export type { ErrorClass, ErrorFilter } from "./error-matcher";
export type { ExecuteContext, ExecuteResult, Policy, RetryContext } from "./policy";
export { timeout } from "./timeout";
export type { TimeoutOptions } from "./timeout";
export { wrap } from "./wrap";
export type { ContextOf, MergedContext } from "./wrap";
export type { WrappingPolicy } from "./policy";
export { HealthCheck } from "./health-check";
export type { HealthCheckRegistryOptions } from "./health-check";
export { healthCheck } from "./global-health";
export { breakerHealthCheck } from "./breaker-health";
export { HEALTH_JSON_CONTENT_TYPE, healthHttpStatus, toHealthJson } from "./health-json";
export type { HealthJson, HealthJsonCheck, HealthJsonOptions } from "./health-json";
export type {
  HealthCheckFn,
  HealthCheckOptions,
  HealthCheckResult,
  HealthCheckReturn,
  HealthReport,
  HealthStatus,
} from "./health-types";
export { withCircuitBreaker, withPolicy, withRetry } from "./decorators";
export type { AsyncMethod, MethodDecorator } from "./decorators";
