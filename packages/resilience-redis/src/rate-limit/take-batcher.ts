import type { RateLimitLink } from "./rate-limit-link";

/** Slots per window in the Redis log: a refusal is at most `windowMs / SLOTS` more conservative than an exact log. */
export const SLOTS = 20;

/**
 * How long a lease may be spent, from the moment its take was sent: `ttlMs`, but at most one
 * slot of the Redis log, so the script finds a lease's count at most one slot past the newest
 * admission (0: no leases).
 */
export const leaseHoldMs = (ttlMs: number, windowMs: number): number =>
  Math.min(ttlMs, Math.ceil(windowMs / SLOTS));

/** Most takes decided by one script call (bounds the time Redis spends in one script). */
const MAX_BATCH = 64;

/** Values per take in the script's arguments: weight, cap, maxWaitMs, lease. */
const PER_TAKE = 4;

/** Arguments before the takes: op, slots, window, lease hold. */
const HEAD = 4;

/** One take's answer from the script, or undefined when Redis failed. */
export interface SlotAnswer {
  readonly ok: boolean;
  /** waitMs when admitted, else retryAfterMs. */
  readonly ms: number;
  /** The slot the admission was counted in (for a refund of a waiting take; 0 when admitted at once). */
  readonly slot: number;
  /** The weight admitted (the lease, when one was asked for and granted). */
  readonly granted: number;
  /** Redis time (epoch ms) of the decision. */
  readonly now: number;
  /** Local monotonic time (`performance.now()`) the call was sent at: before Redis decided. */
  readonly sentAt: number;
}

type Resolve = (answer: SlotAnswer | undefined) => void;

interface Batch {
  readonly key: string;
  readonly windowMs: number;
  /** The script's arguments, built as takes arrive: HEAD values, then PER_TAKE per take. */
  readonly args: (string | number)[];
  readonly resolves: Resolve[];
}

/**
 * Sends the takes one process starts in the same turn of the event loop, per Redis key, as one
 * script call: every caller still gets its own atomic decision in arrival order and waits one
 * round trip at most, but Redis runs one script (and the client sets one command timer and
 * parses one reply) per batch instead of per call.
 *
 * One call per key and turn, even when a call is already in flight: splitting a turn's takes
 * into two calls (so Redis could decide one while this process handles the other's answers)
 * was measured and cost about 40% more client CPU and Redis time per take on a busy machine
 * (each call is a socket write that wakes Redis), with no gain in throughput; see the README.
 */
export class TakeBatcher {
  /** Replaced, never cleared: a cleared Map keeps a link to its successor, and the chain of old tables (holding every batch) would outlive the young generation. */
  private open = new Map<string, Batch>();
  /** The batch the previous take joined (most callers use one key). */
  private last: Batch | undefined;
  private scheduled = false;
  private readonly link: RateLimitLink;
  private readonly leaseTtlMs: number;
  private readonly flushNow = (): void => this.flush();

  /** `leaseTtlMs`: how long this process spends a lease (0: no leases). */
  constructor(link: RateLimitLink, leaseTtlMs = 0) {
    this.link = link;
    this.leaseTtlMs = leaseTtlMs;
  }

  /** Queues one take; resolves with its answer after the batch's one round trip. */
  take(
    key: string,
    windowMs: number,
    weight: number,
    cap: number,
    maxWaitMs: number,
    lease: number,
  ): Promise<SlotAnswer | undefined> {
    let batch = this.last;
    if (batch === undefined || batch.key !== key || batch.windowMs !== windowMs) {
      const id = `${windowMs}|${key}`;
      batch = this.open.get(id);
      if (batch === undefined) {
        const hold = leaseHoldMs(this.leaseTtlMs, windowMs);
        batch = { key, windowMs, args: ["take", SLOTS, windowMs, hold], resolves: [] };
        this.open.set(id, batch);
      }
      this.last = batch;
    }
    // Stryker disable next-line ConditionalExpression: a second flush in the same turn finds nothing open
    if (!this.scheduled) {
      // Stryker disable next-line BooleanLiteral: see above
      this.scheduled = true;
      process.nextTick(this.flushNow);
    }
    batch.args.push(weight, cap, maxWaitMs, lease);
    const { resolves } = batch;
    return new Promise((resolve) => resolves.push(resolve));
  }

  private flush(): void {
    this.scheduled = false;
    const open = this.open;
    this.open = new Map();
    this.last = undefined;
    for (const { key, args, resolves } of open.values()) {
      // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: the loop below sends a batch of at most MAX_BATCH takes as this one call too
      if (resolves.length <= MAX_BATCH) {
        void this.send(key, args, resolves);
        continue;
      }
      for (let i = 0; i < resolves.length; i += MAX_BATCH) {
        const end = Math.min(resolves.length, i + MAX_BATCH);
        const part = args
          .slice(0, HEAD)
          .concat(args.slice(HEAD + PER_TAKE * i, HEAD + PER_TAKE * end));
        void this.send(key, part, resolves.slice(i, end));
      }
    }
  }

  private async send(key: string, args: (string | number)[], resolves: Resolve[]): Promise<void> {
    const sentAt = performance.now();
    const reply = await this.link.run(key, args);
    if (reply === undefined) {
      for (const resolve of resolves) resolve(undefined);
      return;
    }
    const now = reply[0]!;
    const direct = reply[1]!;
    for (let i = 0; i < direct; i += 1) {
      const granted = args[HEAD + PER_TAKE * i] as number;
      resolves[i]!({ ok: true, ms: 0, slot: 0, granted, now, sentAt });
    }
    for (let i = direct, at = 2; i < resolves.length; i += 1, at += PER_TAKE) {
      resolves[i]!({
        ok: reply[at] === 1,
        ms: reply[at + 1]!,
        slot: reply[at + 2]!,
        granted: reply[at + 3]!,
        now,
        sentAt,
      });
    }
  }
}
