import type { RateLimitedError } from "../errors/rate-limited-error";
import type { CancelTimer, Clock } from "../time/clock";
import { SlidingLog } from "./sliding-log";

/** A call waiting for its booked slot. */
export interface Waiter {
  readonly weight: number;
  readonly arrivedAt: number;
  /** The booked release time (it can only move earlier, when a waiter ahead gives up). */
  slot: number;
  cancelled: boolean;
  /** Called once, when the waiter is admitted. */
  readonly admit: (now: number) => void;
}

/** One key's budget: its sliding log, its FIFO waiters and the one timer for the first of them. */
export class KeyBudget {
  readonly log: SlidingLog;
  waiters: Waiter[] = [];
  /** The last rejection's error, reused while the weight and slot are the same. */
  lastRejection: { weight: number; slot: number; error: RateLimitedError } | undefined;
  private cancelTimer: CancelTimer | undefined;
  private dirty = false;

  private readonly clock: Clock;

  constructor(capacity: number, intervalMs: number, clock: Clock) {
    this.clock = clock;
    this.log = new SlidingLog(capacity, intervalMs);
  }

  /** Admits `weight` at `now` if it fits and nobody is waiting; true when admitted. */
  tryNow(weight: number, now: number): boolean {
    if (this.dirty) this.rebuild(now);
    if (this.waiters.length > 0) return false;
    const log = this.log;
    log.evict(now);
    if (log.earliest(log.released, log.admittedTotal, weight, now) > now) return false;
    log.push(now, weight, true);
    return true;
  }

  /** The time `weight` could be admitted behind every waiter (FIFO). */
  slotFor(weight: number, now: number): number {
    if (this.dirty) this.rebuild(now);
    const log = this.log;
    log.evict(now);
    const lower = Math.max(now, log.lastTime(now));
    return log.earliest(log.times.length, log.bookedTotal, weight, lower);
  }

  /** Queues `waiter` at its `slot` (from {@link slotFor} in the same tick). */
  book(waiter: Waiter, now: number): void {
    this.log.push(waiter.slot, waiter.weight, false);
    this.waiters.push(waiter);
    if (this.waiters.length === 1) this.schedule(waiter.slot, now);
  }

  /** Takes `waiter` out of the queue; its booking is given back before anything else is decided. */
  cancel(waiter: Waiter): void {
    waiter.cancelled = true;
    if (this.dirty) return;
    this.dirty = true;
    queueMicrotask(() => {
      if (this.dirty) this.rebuild(this.clock.now());
    });
  }

  /** True when the budget holds nothing worth keeping at `now`. */
  idle(now: number): boolean {
    return this.waiters.length === 0 && this.log.idle(now);
  }

  // Books the remaining waiters again, in order, without the cancelled ones' weight.
  private rebuild(now: number): void {
    this.dirty = false;
    const log = this.log;
    this.waiters = this.waiters.filter((w) => !w.cancelled);
    log.dropBookings();
    log.evict(now);
    for (const w of this.waiters) {
      const lower = Math.max(now, log.lastTime(now));
      w.slot = log.earliest(log.times.length, log.bookedTotal, w.weight, lower);
      log.push(w.slot, w.weight, false);
    }
    const first = this.waiters[0];
    if (first === undefined) this.stopTimer();
    else this.schedule(first.slot, now);
  }

  private schedule(at: number, now: number): void {
    this.stopTimer();
    this.cancelTimer = this.clock.setTimeout(() => this.release(), Math.max(0, at - now));
  }

  private stopTimer(): void {
    this.cancelTimer?.();
    this.cancelTimer = undefined;
  }

  // Admits waiters from the front while they fit by the real admission times.
  private release(): void {
    this.cancelTimer = undefined;
    const now = this.clock.now();
    if (this.dirty) this.rebuild(now);
    const log = this.log;
    for (let next = this.waiters[0]; next !== undefined; next = this.waiters[0]) {
      log.evict(now);
      const at = log.earliest(log.released, log.admittedTotal, next.weight, now);
      if (at > now) {
        this.schedule(at, now);
        return;
      }
      this.waiters.shift();
      log.releaseNext(now);
      next.admit(now);
    }
  }
}
