import type { BreakingRule, RuleSnapshot, RuleWindow } from "./breaking-rule";

/** Failure rate over the last `size` calls: a ring buffer with running totals, O(1) per call. */
export class CountWindowRule implements BreakingRule {
  private readonly ring: Uint8Array;
  private next = 0;
  private calls = 0;
  private failures = 0;
  private readonly rate: number;
  private readonly minimumCalls: number;

  constructor(size: number, rate: number, minimumCalls: number) {
    this.ring = new Uint8Array(size);
    this.rate = rate;
    this.minimumCalls = minimumCalls;
  }

  success(): void {
    this.push(0);
  }

  failure(): boolean {
    this.push(1);
    return this.calls >= this.minimumCalls && this.failures >= this.rate * this.calls;
  }

  reset(): void {
    this.ring.fill(0);
    this.next = 0;
    this.calls = 0;
    this.failures = 0;
  }

  window(): RuleWindow {
    return { calls: this.calls, failures: this.failures };
  }

  toJSON(): RuleSnapshot {
    const data: number[] = [];
    const size = this.ring.length;
    for (let i = this.calls; i > 0; i -= 1)
      data.push(this.ring[(this.next - i + size) % size] ?? 0);
    return { kind: "count", data };
  }

  restore(snapshot: RuleSnapshot): void {
    if (snapshot.kind !== "count") return;
    this.reset();
    for (const outcome of snapshot.data.slice(-this.ring.length)) this.push(outcome === 1 ? 1 : 0);
  }

  private push(outcome: 0 | 1): void {
    if (this.calls === this.ring.length) this.failures -= this.ring[this.next] ?? 0;
    else this.calls += 1;
    this.ring[this.next] = outcome;
    this.failures += outcome;
    this.next = (this.next + 1) % this.ring.length;
  }
}
