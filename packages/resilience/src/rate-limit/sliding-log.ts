// Why a weighted sliding log, and why it keeps the promise.
//
// The promise: in ANY window [s, s + intervalMs), whatever its alignment, the admitted weight is
// at most capacity = limit + burst. A token bucket (or a GCRA whose tolerance equals the limit)
// does not keep it: it admits a full bucket at the end of one window and, having refilled, a
// full bucket again just after, so a window straddling the two sees up to twice the limit.
//
// The log records every admission (time, running total of weight). A call of weight w may be
// admitted at time t only if the weight admitted in (t - intervalMs, t] plus w is at most the
// capacity. Proof of the promise: take any window and the admission in it that was decided
// last, at time t. Every other admission in the window happened at or before t (admissions
// are recorded in time order) and after s > t - intervalMs, so all of them were counted when t
// was decided, and the check bounded their sum plus the last one by the capacity. Dropping
// entries older than t - intervalMs, or giving an aborted waiter's weight back, only ever
// removes weight from the log, so neither can break the bound.
//
// What a caller sees: bursts up to the whole capacity at once (no spacing), then a wait until
// the oldest admissions age out of the window. The cost is memory: one entry per admission
// still inside the window (at most `capacity` entries for unit weights); lookups are a binary
// search over the running totals, so admission stays O(log n).
//
// Waiters book their slot on arrival (after every earlier waiter: FIFO), which predicts the
// wait for `maxWaitMs`; the release itself is checked again against the real admission times,
// so a late timer can delay a release but never squeeze two windows' weight into one.

/** One key's admission log, oldest first: entries [head, released) are admitted, the rest booked. */
export class SlidingLog {
  /** Admission (or booked) time of each entry. */
  readonly times: number[] = [];
  /** Running total of weight through each entry, from `base`. */
  readonly totals: number[] = [];
  head = 0;
  released = 0;
  /** Running total of the entries dropped from the head. */
  base = 0;
  /** Running total through the last admitted entry. */
  admittedTotal = 0;
  /** Counts the pushes, releases and dropped bookings (evictions do not move any slot). */
  changes = 0;

  readonly capacity: number;
  readonly intervalMs: number;

  constructor(capacity: number, intervalMs: number) {
    this.capacity = capacity;
    this.intervalMs = intervalMs;
  }

  /** Running total through the last entry, admitted or booked. */
  get bookedTotal(): number {
    const last = this.totals.length - 1;
    return last >= this.head ? (this.totals[last] as number) : this.admittedTotal;
  }

  /** True when nothing admitted is still inside the window at `now` and nothing is booked. */
  idle(now: number): boolean {
    const last = this.times.length - 1;
    return (
      last < this.head ||
      (this.released > last && (this.times[last] as number) + this.intervalMs <= now)
    );
  }

  /** Forgets admissions that left the window at `now`. */
  evict(now: number): void {
    const { times, intervalMs } = this;
    let head = this.head;
    while (head < this.released && (times[head] as number) + intervalMs <= now) head += 1;
    if (head === this.head) return;
    this.base = this.totals[head - 1] as number;
    this.head = head;
    if (head > 256 && head * 2 > times.length) this.compact();
  }

  /**
   * The earliest time `>= lower` at which `weight` fits on top of entries [head, upto) whose
   * running total is `total` (the entries after `upto` are not looked at).
   */
  earliest(upto: number, total: number, weight: number, lower: number): number {
    const need = total + weight - this.capacity;
    if (need <= this.base) return lower;
    // The first entry whose running total reaches `need`: it and all before it must have left.
    let lo = this.head;
    let hi = upto - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.totals[mid] as number) >= need) hi = mid;
      else lo = mid + 1;
    }
    const leaves = (this.times[lo] as number) + this.intervalMs;
    return leaves > lower ? leaves : lower;
  }

  /** Appends an entry of `weight` at `time`: an admission (only when nothing is booked) or a booking. */
  push(time: number, weight: number, admitted: boolean): void {
    const total = this.bookedTotal + weight;
    this.changes += 1;
    this.times.push(time);
    this.totals.push(total);
    if (admitted) {
      this.released += 1;
      this.admittedTotal = total;
    }
  }

  /** Turns the oldest booked entry into an admission at `now`. */
  releaseNext(now: number): void {
    const index = this.released;
    const { times } = this;
    this.changes += 1;
    times[index] = now;
    // Keep times sorted: later bookings never precede this real admission.
    for (let i = index + 1; i < times.length && (times[i] as number) < now; i += 1) times[i] = now;
    this.admittedTotal = this.totals[index] as number;
    this.released = index + 1;
  }

  /** Drops every booked entry (before booking the remaining waiters again). */
  dropBookings(): void {
    this.changes += 1;
    this.times.length = this.released;
    this.totals.length = this.released;
  }

  /** Time of the last entry, or `fallback` when the log is empty. */
  lastTime(fallback: number): number {
    const last = this.times.length - 1;
    return last >= this.head ? (this.times[last] as number) : fallback;
  }

  /** The admitted entries still in the log, as `[time, weight]` pairs. */
  admitted(): [number, number][] {
    const out: [number, number][] = [];
    let previous = this.base;
    for (let i = this.head; i < this.released; i += 1) {
      const total = this.totals[i] as number;
      out.push([this.times[i] as number, total - previous]);
      previous = total;
    }
    return out;
  }

  // Drops the evicted prefix and rebases the running totals on zero.
  private compact(): void {
    const { head, base } = this;
    this.times.splice(0, head);
    this.totals.splice(0, head);
    for (let i = 0; i < this.totals.length; i += 1)
      this.totals[i] = (this.totals[i] as number) - base;
    this.admittedTotal -= base;
    this.released -= head;
    this.head = 0;
    this.base = 0;
  }
}
