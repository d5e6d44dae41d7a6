import type { SlotAnswer } from "./take-batcher";

interface Lease {
  remaining: number;
  /** Local time the lease was granted (ms); it may be spent until grantedAt + ttlMs. */
  readonly grantedAt: number;
  /** Redis time of the grant: the lease is counted in the shared log there. */
  readonly redisAt: number;
  readonly cap: number;
  readonly windowMs: number;
}

interface KeyLeases {
  lease: Lease | undefined;
  /** No new lease before this local time (one lease per ttlMs per key and process). */
  nextAt: number;
  asking: boolean;
}

/**
 * Local leases (opt-in): with a take, a process may ask Redis to admit `size` weight at once
 * instead of the call's own weight, counted in the shared log at the grant's Redis time T, and
 * spend the rest locally, without a round trip, until T + ttlMs; unspent weight expires.
 *
 * The bound: a lease's spends fall in [T, T + ttlMs), so in any window (t - W, t] the spends
 * the shared log did not count in that window come from leases granted in (t - W - ttlMs, t - W];
 * a process asks for a new lease at most once per ttlMs per key, so it holds at most one such
 * lease: **at most P × size extra weight in any window**, P = processes using leases on the key.
 */
export class Leases {
  private readonly keys = new Map<string, KeyLeases>();
  private readonly size: number;
  private readonly ttlMs: number;

  constructor(size: number, ttlMs: number) {
    this.size = size;
    this.ttlMs = ttlMs;
  }

  /** Spends `weight` from the key's live lease; returns the spend's time in Redis's frame, or undefined. */
  spend(key: string, weight: number, cap: number, windowMs: number, now: number) {
    const lease = this.keys.get(key)?.lease;
    if (lease === undefined || lease.cap !== cap || lease.windowMs !== windowMs) return undefined;
    if (now >= lease.grantedAt + this.ttlMs || lease.remaining < weight) return undefined;
    lease.remaining -= weight;
    return lease.redisAt + (now - lease.grantedAt);
  }

  /** The lease weight to ask for with this take (0: none), marking the key as asking. */
  ask(key: string, weight: number, cap: number, now: number): number {
    if (this.size > cap || weight > this.size) return 0;
    let state = this.keys.get(key);
    if (state === undefined)
      this.keys.set(key, (state = { lease: undefined, nextAt: 0, asking: false }));
    if (state.asking || now < state.nextAt) return 0;
    state.asking = true;
    return this.size;
  }

  /** Records Redis's answer to a take that asked for a lease (undefined: Redis failed). */
  answered(
    key: string,
    request: { weight: number; cap: number; windowMs: number },
    now: number,
    answer?: SlotAnswer,
  ): void {
    const { weight, cap, windowMs } = request;
    const state = this.keys.get(key);
    if (state === undefined) return;
    state.asking = false;
    state.nextAt = now + this.ttlMs;
    if (answer?.ok !== true || answer.granted !== this.size || answer.ms !== 0) return;
    const remaining = this.size - weight;
    state.lease = { remaining, grantedAt: now, redisAt: answer.now, cap, windowMs };
  }
}
