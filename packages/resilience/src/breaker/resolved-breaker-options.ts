import type { Clock } from "../time/clock";
import type { BreakingRule } from "./rules/breaking-rule";

/** Options with defaults filled in and checked. */
export interface ResolvedBreakerOptions {
  name: string;
  recoveryTimeoutMs: number;
  halfOpenMaxCalls: number;
  successThreshold: number;
  maxHalfOpenMs: number;
  slowCallMs: number;
  isFailure: (error: unknown) => boolean;
  clock: Clock;
  rule: BreakingRule;
}
