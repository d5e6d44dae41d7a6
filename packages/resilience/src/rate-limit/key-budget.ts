import type { CancelTimer, Clock } from "../time/clock";
import type { Rejection } from "./rejection";
import { SlidingLog } from "./sliding-log";
import { immediateFor, wakeAt, type Immediate } from "./wake-at";
import type { Waiter, WaiterQueue } from "./waiter";

/** One key's budget: its sliding log, its FIFO waiters and the one timer for the first of them. */
export class KeyBudget implements WaiterQueue {
  readonly log: SlidingLog;
  waiters: Waiter[] = [];
  /** The last rejection, reused while the weight and slot are the same. */
  private lastRejection: Rejection | undefined;
  /** `log.changes` when the last rejection was decided. */
  private rejectedAt = -1;
  private cancelTimer: CancelTimer | undefined;
  // Stryker disable next-line BooleanLiteral: starting dirty only makes the first call rebuild an empty budget, which changes nothing
  private dirty = false;

  private readonly clock: Clock;
  private readonly poll: Immediate | undefined;

  constructor(capacity: number, intervalMs: number, clock: Clock) {
    this.clock = clock;
    this.poll = immediateFor(clock);
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
  book(waiter: Waiter): void {
    this.log.push(waiter.slot, waiter.weight, false);
    this.waiters.push(waiter);
    if (this.waiters.length === 1) this.schedule(waiter.slot);
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

  /**
   * The last rejection, if `weight` would get the same answer at `now` without looking at the
   * log again: same weight, nothing admitted, booked or cancelled since (time passing alone
   * never moves a slot), and the slot still more than `maxWaitMs` away.
   */
  // Stryker disable next-line BlockStatement: never repeating is equivalent, the gate then reaches the same rejection through `rejectionFor`
  repeatRejection(weight: number, now: number, maxWaitMs: number): Rejection | undefined {
    const last = this.lastRejection;
    return last !== undefined &&
      !this.dirty &&
      this.rejectedAt === this.log.changes &&
      last.weight === weight &&
      last.slot - now > maxWaitMs
      ? last
      : undefined;
  }

  /** The last rejection for this weight and slot (to reuse it), or `undefined`. */
  rejectionFor(weight: number, slot: number): Rejection | undefined {
    const last = this.lastRejection;
    return last !== undefined && last.weight === weight && last.slot === slot ? last : undefined;
  }

  /** Remembers `rejection` as decided on the log as it is now. */
  rejected(rejection: Rejection): void {
    this.lastRejection = rejection;
    this.rejectedAt = this.log.changes;
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
    else this.schedule(first.slot);
  }

  private schedule(at: number): void {
    this.stopTimer();
    this.cancelTimer = wakeAt(this.clock, this.poll, at, () => this.release());
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
        this.schedule(at);
        return;
      }
      this.waiters.shift();
      log.releaseNext(now);
      next.admit(now);
    }
  }
}
