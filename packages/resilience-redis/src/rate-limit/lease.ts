import { leaseHoldMs, type SlotAnswer } from "./take-batcher";

interface Lease {
  remaining: number;
  /** True once the next lease was asked for while this one pays (at most once per lease). */
  refilled: boolean;
  /** Local monotonic time the asking take was sent (before Redis granted the lease). */
  readonly sentAt: number;
  /** Local monotonic time the lease may be spent until (sentAt + hold). */
  readonly until: number;
  /** Redis time of the grant (T). */
  readonly redisAt: number;
  readonly cap: number;
  readonly windowMs: number;
}

interface KeyLeases {
  lease: Lease | undefined;
  /** A lease refilled while `lease` could still pay: spent once `lease` cannot. */
  next: Lease | undefined;
  asking: boolean;
}

/** True when `lease` can pay `weight` at local time `now`. */
const payable = (lease: Lease | undefined, weight: number, now: number): boolean =>
  lease !== undefined && now < lease.until && lease.remaining >= weight;

/**
 * Local leases (opt-in): with a take, a process may ask Redis to admit `size` weight at once
 * instead of the call's own weight, and spend the rest locally, without a round trip.
 *
 * No overshoot: Redis grants the lease at its time T and counts it at T + hold (hold = `ttlMs`,
 * at most one slot of the log), the latest time it may be spent. The process spends it only
 * until `hold` after it *sent* the take, which is before T, so every spend falls in [T, T + hold]
 * and every window holding a spend also holds (or precedes) the count: each later decision
 * counts the lease for as long as a window may hold a spend of it. Unspent weight stays counted
 * until T + hold + the window (conservative only). One lease per key is asked at a time: the
 * next when this one is more than half spent (a refill, so that takes keep being paid locally),
 * or when it cannot pay a take. A process holds at most two leases per key.
 */
export class Leases {
  private readonly keys = new Map<string, KeyLeases>();
  private readonly size: number;
  private readonly ttlMs: number;

  constructor(size: number, ttlMs: number) {
    this.size = size;
    this.ttlMs = ttlMs;
  }

  /**
   * Spends `weight` from the key's live lease at local monotonic time `now`; returns the
   * spend's time in Redis's frame (in [T, T + hold)), or undefined.
   */
  spend(key: string, weight: number, cap: number, windowMs: number, now: number) {
    const state = this.keys.get(key);
    if (state === undefined) return undefined;
    if (state.next !== undefined && !payable(state.lease, weight, now)) {
      state.lease = state.next;
      state.next = undefined;
    }
    const lease = state.lease;
    if (lease === undefined || lease.cap !== cap || lease.windowMs !== windowMs) return undefined;
    if (!payable(lease, weight, now)) return undefined;
    lease.remaining -= weight;
    return lease.redisAt + Math.max(0, now - lease.sentAt);
  }

  /**
   * True (once per lease) when the key's current lease is more than half spent and no other is
   * held or asked for: the time to ask for the next one, with a take of weight 0, while this one
   * still pays.
   */
  refillDue(key: string): boolean {
    const state = this.keys.get(key);
    const lease = state?.lease;
    if (lease === undefined || lease.refilled || state!.asking || state!.next !== undefined)
      return false;
    if (lease.remaining * 2 >= this.size) return false;
    lease.refilled = true;
    return true;
  }

  /** How long a lease of a key with this window is spent. */
  holdMs(windowMs: number): number {
    return leaseHoldMs(this.ttlMs, windowMs);
  }

  /** The lease weight to ask for with this take (0: none), marking the key as asking. */
  ask(key: string, weight: number, cap: number): number {
    if (this.size > cap || weight > this.size) return 0;
    let state = this.keys.get(key);
    if (state === undefined) {
      // Stryker disable next-line ObjectLiteral: {} reads the same (undefined leases, asking falsy)
      state = { lease: undefined, next: undefined, asking: false };
      this.keys.set(key, state);
    }
    if (state.asking) return 0;
    state.asking = true;
    return this.size;
  }

  /**
   * Records Redis's answer to a take that asked for a lease (undefined: Redis failed). A lease
   * granted while the current one can still pay `now` (a refill) is held as the next one.
   */
  answered(
    key: string,
    request: { weight: number; cap: number; windowMs: number },
    answer?: SlotAnswer,
    now = performance.now(),
  ): void {
    const { weight, cap, windowMs } = request;
    const state = this.keys.get(key);
    if (state === undefined) return;
    state.asking = false;
    if (answer?.ok !== true || answer.granted !== this.size || answer.ms !== 0) return;
    const { sentAt } = answer;
    const until = sentAt + this.holdMs(windowMs);
    const lease = {
      remaining: this.size - weight,
      refilled: false,
      sentAt,
      until,
      redisAt: answer.now,
      cap,
      windowMs,
    };
    if (payable(state.lease, 1e-9, now)) state.next = lease;
    else state.lease = lease;
  }
}
