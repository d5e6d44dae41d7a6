import type { BreakingRule, RuleSnapshot, RuleWindow } from "./breaking-rule";

/**
 * Failure rate over the last `windowMs`, kept in `buckets` fixed time slices: O(1) per
 * success, O(buckets) per failure, bounded memory whatever the call rate.
 */
export class TimeWindowRule implements BreakingRule {
  private readonly ids: Float64Array;
  private readonly successes: Float64Array;
  private readonly failures: Float64Array;
  private readonly sliceMs: number;
  private readonly rate: number;
  private readonly minimumCalls: number;

  constructor(windowMs: number, buckets: number, rate: number, minimumCalls: number) {
    this.ids = new Float64Array(buckets).fill(-Infinity);
    this.successes = new Float64Array(buckets);
    this.failures = new Float64Array(buckets);
    this.sliceMs = windowMs / buckets;
    this.rate = rate;
    this.minimumCalls = minimumCalls;
  }

  success(now: number): void {
    const slot = this.slot(now);
    this.successes[slot] = (this.successes[slot] ?? 0) + 1;
  }

  failure(now: number): boolean {
    const slot = this.slot(now);
    this.failures[slot] = (this.failures[slot] ?? 0) + 1;
    const { calls, failures } = this.window(now);
    return calls >= this.minimumCalls && failures >= this.rate * calls;
  }

  reset(): void {
    this.ids.fill(-Infinity);
    this.successes.fill(0);
    this.failures.fill(0);
  }

  window(now: number): RuleWindow {
    const oldest = Math.floor(now / this.sliceMs) - this.ids.length;
    let calls = 0;
    let failures = 0;
    this.ids.forEach((id, slot) => {
      if (id <= oldest) return;
      failures += this.failures[slot] ?? 0;
      calls += (this.failures[slot] ?? 0) + (this.successes[slot] ?? 0);
    });
    return { calls, failures };
  }

  toJSON(): RuleSnapshot {
    const data: number[] = [];
    this.ids.forEach((id, slot) => {
      if (id !== -Infinity) data.push(id, this.successes[slot] ?? 0, this.failures[slot] ?? 0);
    });
    return { kind: "time", data };
  }

  restore(snapshot: RuleSnapshot): void {
    if (snapshot.kind !== "time") return;
    this.reset();
    for (let i = 0; i + 2 < snapshot.data.length; i += 3) {
      const [id = 0, successes = 0, failures = 0] = snapshot.data.slice(i, i + 3);
      const slot = this.slot(id * this.sliceMs);
      this.successes[slot] = successes;
      this.failures[slot] = failures;
    }
  }

  // Returns the slice for `now`, clearing it first if it last held an older slice.
  private slot(now: number): number {
    const id = Math.floor(now / this.sliceMs);
    const slot = ((id % this.ids.length) + this.ids.length) % this.ids.length;
    if (this.ids[slot] !== id) {
      this.ids[slot] = id;
      this.successes[slot] = 0;
      this.failures[slot] = 0;
    }
    return slot;
  }
}
