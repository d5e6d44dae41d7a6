import type { Clock } from "../time/clock";
import type { BreakingRule } from "./rules/breaking-rule";

/** Options with defaults filled in and checked. */
export interface ResolvedBreakerOptions {
  name: string;
  recoveryTimeoutMs: number;
  halfOpenMaxCalls: number;
  successThreshold: number;
  /** `Infinity` when unset, 0 or `Infinity`: probe results are never discarded for time. */
  maxHalfOpenMs: number;
  /** How long a probe holds its slot: a finite `maxHalfOpenMs`, else `recoveryTimeoutMs` (>= 1). */
  probeLeaseMs: number;
  slowCallMs: number;
  isFailure: (error: unknown) => boolean;
  clock: Clock;
  rule: BreakingRule;
}
