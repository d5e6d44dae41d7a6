import type { BreakingRule, RuleSnapshot, RuleWindow } from "./breaking-rule";

/** Opens after `threshold` failures in a row; any success resets the count. */
export class ConsecutiveRule implements BreakingRule {
  private failures = 0;
  private readonly threshold: number;

  constructor(threshold: number) {
    this.threshold = threshold;
  }

  success(): void {
    this.failures = 0;
  }

  failure(): boolean {
    this.failures += 1;
    return this.failures >= this.threshold;
  }

  reset(): void {
    this.failures = 0;
  }

  window(): RuleWindow {
    return { calls: this.failures, failures: this.failures };
  }

  toJSON(): RuleSnapshot {
    return { kind: "consecutive", data: [this.failures] };
  }

  restore(snapshot: RuleSnapshot): void {
    if (snapshot.kind === "consecutive") this.failures = snapshot.data[0] ?? 0;
  }
}
