/**
 * When a closed breaker opens. Pick one:
 * - `consecutive`: `threshold` failures in a row (a success resets the count);
 * - `count`: the failure rate of the last `windowSize` calls reaches `failureRate`, once at
 *   least `minimumCalls` (default `windowSize`) calls are in the window;
 * - `time`: the failure rate of the calls in the last `windowMs` reaches `failureRate`, once
 *   at least `minimumCalls` calls are in the window (kept in `buckets` slices, default 10).
 *
 * Slow calls: set the breaker's `slowCallMs` and a success slower than that counts as a
 * failure under any of these rules (with a window rule that is a slow-call rate).
 */
export type BreakingStrategy =
  | { kind: "consecutive"; threshold: number }
  | { kind: "count"; windowSize: number; failureRate: number; minimumCalls?: number }
  | {
      kind: "time";
      windowMs: number;
      failureRate: number;
      minimumCalls: number;
      buckets?: number;
    };

/** What a rule remembers, as saved in a breaker snapshot. */
export interface RuleSnapshot {
  kind: BreakingStrategy["kind"];
  /** Rule-specific numbers (consecutive: `[failures]`; count: outcomes; time: bucket triples). */
  data: number[];
}

/** The calls a rule currently counts, reported in breaker stats. */
export interface RuleWindow {
  calls: number;
  failures: number;
}

/** A breaking rule: fed the outcomes of calls admitted while closed. */
export interface BreakingRule {
  /** Records a success. */
  success(now: number): void;
  /** Records a failure; true when the breaker must open. */
  failure(now: number): boolean;
  /** Forgets everything (on close and reset). */
  reset(): void;
  /** The calls currently counted. */
  window(now: number): RuleWindow;
  /** Saves the rule's memory. */
  toJSON(): RuleSnapshot;
  /** Restores memory saved by {@link BreakingRule.toJSON}; ignores a snapshot of another kind. */
  restore(snapshot: RuleSnapshot): void;
}
