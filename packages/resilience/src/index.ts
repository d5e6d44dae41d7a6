export { circuitBreaker } from "./breaker/circuit-breaker";
export type { CircuitBreaker } from "./breaker/breaker-api";
export type { CircuitBreakerOptions } from "./breaker/breaker-options";
export type { CircuitBreakerSnapshot } from "./breaker/breaker-snapshot";
export type { CallOutcome } from "./breaker/call-outcome";
export type {
  BreakerStore,
  BreakerStoreBinding,
  BreakerStoreHandle,
} from "./breaker/store/breaker-store";
export type { BreakingStrategy, RuleSnapshot, RuleWindow } from "./breaker/rules/breaking-rule";
export type {
  CircuitBreakerStats,
  CircuitState,
  OutcomeEvent,
  StateChangeEvent,
  TransitionReason,
} from "./breaker/circuit-state";
export { CircuitOpenError, isCircuitOpenError } from "./errors/circuit-open-error";
export type { CircuitOpenErrorOptions } from "./errors/circuit-open-error";
export { retryWithBackoff } from "./retry/retry";
export type { RetryPolicy } from "./retry/retry";
export { isRetryableError } from "./retry/retry-options";
export { isTransientError } from "./retry/is-transient-error";
export { parseRetryAfter } from "./retry/parse-retry-after";
export type { RetryEvent, RetryOptions } from "./retry/retry-options";
export { backoffDelay } from "./retry/backoff";
export type { BackoffKind, BackoffSettings, JitterKind } from "./retry/backoff";
export { RetryExhaustedError, isRetryExhaustedError } from "./errors/retry-exhausted-error";
export type { RetryExhaustedErrorOptions, RetryStopReason } from "./errors/retry-exhausted-error";
export { TimeoutError, isTimeoutError } from "./errors/timeout-error";
export type { TimeoutErrorOptions } from "./errors/timeout-error";
export { systemClock, unrefClock } from "./time/clock";
export type { CancelTimer, Clock } from "./time/clock";
export type { ErrorClass, ErrorFilter } from "./shared/error-matcher";
export type { ExecuteContext, ExecuteResult, Policy, RetryContext } from "./shared/policy";
export { timeout } from "./timeout/timeout";
export type { TimeoutMode, TimeoutOptions } from "./timeout/timeout";
export { wrap } from "./compose/wrap";
export type { ContextOf, MergedContext } from "./compose/wrap";
export type { WrappingPolicy } from "./shared/policy";
export { HealthCheck } from "./health/health-check";
export type { HealthCheckRegistryOptions } from "./health/health-check";
export { healthCheck } from "./health/global-health";
export { breakerHealthCheck } from "./health/breaker-health";
export { HEALTH_JSON_CONTENT_TYPE, healthHttpStatus, toHealthJson } from "./health/health-json";
export type { HealthJson, HealthJsonCheck, HealthJsonOptions } from "./health/health-json";
export type {
  HealthCheckFn,
  HealthCheckOptions,
  HealthCheckResult,
  HealthCheckReturn,
  HealthReport,
  HealthStatus,
} from "./health/health-types";
export { withCircuitBreaker, withPolicy, withRetry } from "./compose/decorators";
export type { AsyncMethod, MethodDecorator } from "./compose/decorators";
export { rateLimiter } from "./rate-limit/rate-limiter";
export type { RateLimiterOptions } from "./rate-limit/rate-limiter-options";
export type {
  RateLimitAttempt,
  RateLimitCallOptions,
  RateLimitEvent,
  RateLimiter,
  RateLimiterBase,
  RateLimiterStats,
  SharedRateLimiter,
} from "./rate-limit/rate-limiter-api";
export type { RateLimiterSnapshot } from "./rate-limit/rate-limit-snapshot";
export type {
  RateLimitStore,
  RateLimitTakeRequest,
  RateLimitTakeResult,
} from "./rate-limit/rate-limit-store";
export { RateLimitedError, isRateLimitedError } from "./errors/rate-limited-error";
export type { RateLimitedErrorOptions } from "./errors/rate-limited-error";
export { BulkheadRejectedError, isBulkheadRejectedError } from "./errors/bulkhead-rejected-error";
export type {
  BulkheadRejectedErrorOptions,
  BulkheadRejectReason,
} from "./errors/bulkhead-rejected-error";
export { bulkhead } from "./bulkhead/bulkhead";
export type { Bulkhead, BulkheadOptions, BulkheadStats } from "./bulkhead/bulkhead";
export { fallback, isFallbackError } from "./fallback/fallback";
export type { FallbackOptions, FallbackPolicy } from "./fallback/fallback";
export { hedge, hedgedErrors } from "./hedge/hedge";
export type { HedgeEvent, HedgeOptions, HedgePolicy } from "./hedge/hedge";
