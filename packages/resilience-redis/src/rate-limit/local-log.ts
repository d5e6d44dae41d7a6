/** One admission in a {@link LocalLog}: its time (ms) and weight. */
export interface LogEntry {
  readonly at: number;
  /** The weight admitted at `at` (several shared admissions in the same millisecond share one entry). */
  weight: number;
  /** Admitted by this process alone (Redis does not know it yet). */
  local: boolean;
}

/** What {@link LocalLog.take} decided: admitted after `waitMs`, or rejected for `retryAfterMs`. */
export type LocalDecision =
  | { ok: true; waitMs: number; entry: LogEntry }
  | { ok: false; retryAfterMs: number };

/**
 * The weighted sliding log of the Redis script, in process memory: the insurance limiter that
 * holds this process's share of the budget while Redis is unreachable, and the record of this
 * process's own admissions that seeds it. Same guarantee: in any window of `intervalMs`, at most
 * `cap` weight; entries are appended in time order, so waiting callers keep FIFO order.
 */
export class LocalLog {
  private entries: LogEntry[] = [];
  private head = 0;
  private total = 0;

  /** The newest entry's time, or -Infinity when empty. */
  get newest(): number {
    return this.entries.length > this.head ? this.entries[this.entries.length - 1]!.at : -Infinity;
  }

  /** The local-only entries newer than `sinceMs` (to replay into Redis); marks them shared. */
  takeLocalSince(sinceMs: number): LogEntry[] {
    const found: LogEntry[] = [];
    for (let i = this.head; i < this.entries.length; i += 1) {
      const entry = this.entries[i]!;
      if (!entry.local) continue;
      if (entry.at > sinceMs) found.push(entry);
      entry.local = false;
    }
    return found;
  }

  /** Admits `weight` at `now` or later within `maxWaitMs`, or tells when it could be. */
  take(
    now: number,
    weight: number,
    cap: number,
    intervalMs: number,
    maxWaitMs: number,
  ): LocalDecision {
    this.trim(now - intervalMs);
    const start = Math.max(now, this.newest);
    let inWindow = this.total;
    let i = this.head;
    for (; i < this.entries.length && this.entries[i]!.at <= start - intervalMs; i += 1) {
      inWindow -= this.entries[i]!.weight;
    }
    let at = start;
    let need = inWindow + weight - cap;
    for (; need > 1e-9 && i < this.entries.length; i += 1) {
      need -= this.entries[i]!.weight;
      if (need <= 1e-9) at = this.entries[i]!.at + intervalMs;
    }
    if (need > 1e-9) return { ok: false, retryAfterMs: Infinity };
    if (at - now > maxWaitMs) return { ok: false, retryAfterMs: at - now };
    return { ok: true, waitMs: at - now, entry: this.record(at, weight, undefined, true) };
  }

  /**
   * Records an admission decided elsewhere (by Redis), keeping time order; with `intervalMs`,
   * drops what left the window. A shared admission in the same millisecond as the newest shared
   * entry joins it (the same sum in every window, and one object per millisecond instead of one
   * per call: at tens of thousands of calls a second, a window's worth of entries would otherwise
   * outlive the young generation and make every scavenge slow).
   */
  record(at: number, weight: number, intervalMs?: number, local = false): LogEntry {
    if (intervalMs !== undefined) this.trim(at - intervalMs);
    const last =
      this.entries.length > this.head ? this.entries[this.entries.length - 1] : undefined;
    this.total += weight;
    if (last !== undefined && !local && !last.local && last.at >= at) {
      last.weight += weight;
      return last;
    }
    const entry = { at: Math.max(at, this.newest), weight, local };
    this.entries.push(entry);
    return entry;
  }

  /** Removes a reservation that will not be used: `weight` of `entry` (default: all of it). */
  remove(entry: LogEntry, weight = entry.weight): void {
    const index = this.entries.indexOf(entry, this.head);
    if (index < 0) return;
    const taken = Math.min(weight, entry.weight);
    entry.weight -= taken;
    this.total -= taken;
    if (entry.weight <= 1e-9) this.entries.splice(index, 1);
  }

  /** True when nothing in the log can matter after `cutoffMs` (the key may be dropped). */
  idleSince(cutoffMs: number): boolean {
    return this.newest <= cutoffMs;
  }

  private trim(cutoffMs: number): void {
    while (this.head < this.entries.length && this.entries[this.head]!.at <= cutoffMs) {
      this.total -= this.entries[this.head]!.weight;
      this.head += 1;
    }
    // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator,ArithmeticOperator,BlockStatement: cutting off the expired prefix only frees memory; every read starts at head, so when (or whether) it happens changes no decision
    if (this.head > 1024 && this.head * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
    if (this.head === this.entries.length) this.total = 0;
  }
}
