import { abortReason } from "../time/sleep";
import type { RateLimitCounters } from "./rate-limit-counters";

// Stryker disable next-line ObjectLiteral,BooleanLiteral: a signal fires "abort" once; `once` only drops the listener sooner
const ONCE = { once: true } as const;

/** Where a waiter goes back when its caller aborts. */
export interface WaiterQueue {
  /** Takes `waiter` out of the queue and gives its booking back. */
  cancel(waiter: Waiter): void;
}

/**
 * A call waiting for its booked slot. A class with prototype methods, not closures: booking
 * 10,000 waiters at once must cost little more than their promises. It is its own abort
 * listener (`handleEvent`).
 */
export class Waiter {
  readonly weight: number;
  readonly key: string | undefined;
  readonly arrivedAt: number;
  /** The booked release time (it can only move earlier, when a waiter ahead gives up). */
  slot: number;
  cancelled = false;
  /** Resolves when the waiter is admitted, rejects with the abort reason. */
  readonly promise: Promise<void>;
  private resolve!: () => void;
  private reject!: (error: Error) => void;
  private readonly counters: RateLimitCounters;
  private readonly queue: WaiterQueue;
  private readonly signal: AbortSignal | undefined;

  constructor(
    call: { weight: number; key: string | undefined; slot: number; now: number },
    counters: RateLimitCounters,
    queue: WaiterQueue,
    signal: AbortSignal | undefined,
  ) {
    this.weight = call.weight;
    this.key = call.key;
    this.arrivedAt = call.now;
    this.slot = call.slot;
    this.counters = counters;
    this.queue = queue;
    this.signal = signal;
    this.promise = new Promise<void>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
    counters.queued += 1;
    signal?.addEventListener("abort", this, ONCE);
  }

  /** Called once, when the waiter is admitted at `now`. */
  admit(now: number): void {
    this.signal?.removeEventListener("abort", this);
    this.counters.queued -= 1;
    this.counters.admit(this.key, this.weight, now - this.arrivedAt);
    this.resolve();
  }

  /** The abort listener: leaves the queue at once and rejects with the abort reason. */
  handleEvent(): void {
    this.counters.queued -= 1;
    this.queue.cancel(this);
    this.reject(abortReason(this.signal));
  }
}
