export { registerResilienceMetrics } from "./register-metrics";
export type { ResilienceMetrics, ResilienceMetricsOptions } from "./register-metrics";
export { OVERFLOW_LABEL } from "./label-limiter";
export type { TrafficObservers } from "./traffic-metrics";
