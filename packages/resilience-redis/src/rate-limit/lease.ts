import { leaseHoldMs, type SlotAnswer } from "./take-batcher";

interface Lease {
  remaining: number;
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
  asking: boolean;
}

/**
 * Local leases (opt-in): with a take, a process may ask Redis to admit `size` weight at once
 * instead of the call's own weight, and spend the rest locally, without a round trip.
 *
 * No overshoot: Redis grants the lease at its time T and counts it at T + hold (hold = `ttlMs`,
 * at most one slot of the log), the latest time it may be spent. The process spends it only
 * until `hold` after it *sent* the take, which is before T, so every spend falls in [T, T + hold]
 * and every window holding a spend also holds (or precedes) the count: each later decision
 * counts the lease for as long as a window may hold a spend of it. Unspent weight stays counted
 * until T + hold + the window (conservative only). One lease per key is asked at a time; the
 * next when this one cannot pay a take.
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
    const lease = this.keys.get(key)?.lease;
    if (lease === undefined || lease.cap !== cap || lease.windowMs !== windowMs) return undefined;
    if (now >= lease.until || lease.remaining < weight) return undefined;
    lease.remaining -= weight;
    return lease.redisAt + Math.max(0, now - lease.sentAt);
  }

  /** How long a lease of a key with this window is spent. */
  holdMs(windowMs: number): number {
    return leaseHoldMs(this.ttlMs, windowMs);
  }

  /** The lease weight to ask for with this take (0: none), marking the key as asking. */
  ask(key: string, weight: number, cap: number): number {
    if (this.size > cap || weight > this.size) return 0;
    let state = this.keys.get(key);
    if (state === undefined) this.keys.set(key, (state = { lease: undefined, asking: false }));
    if (state.asking) return 0;
    state.asking = true;
    return this.size;
  }

  /** Records Redis's answer to a take that asked for a lease (undefined: Redis failed). */
  answered(
    key: string,
    request: { weight: number; cap: number; windowMs: number },
    answer?: SlotAnswer,
  ): void {
    const { weight, cap, windowMs } = request;
    const state = this.keys.get(key);
    if (state === undefined) return;
    state.asking = false;
    if (answer?.ok !== true || answer.granted !== this.size || answer.ms !== 0) return;
    const { sentAt } = answer;
    const until = sentAt + this.holdMs(windowMs);
    state.lease = {
      remaining: this.size - weight,
      sentAt,
      until,
      redisAt: answer.now,
      cap,
      windowMs,
    };
  }
}
