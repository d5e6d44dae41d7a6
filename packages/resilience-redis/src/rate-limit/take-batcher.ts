import type { RateLimitLink } from "./rate-limit-link";

/** Slots per window in the Redis log: a refusal is at most `windowMs / SLOTS` more conservative than an exact log. */
export const SLOTS = 20;

/** Most takes decided by one script call (bounds the time Redis spends in one script). */
const MAX_BATCH = 64;

/** One take's answer from the script, or undefined when Redis failed. */
export interface SlotAnswer {
  readonly ok: boolean;
  /** waitMs when admitted, else retryAfterMs. */
  readonly ms: number;
  /** The slot the admission was counted in (for a refund). */
  readonly slot: number;
  /** The weight admitted (the lease, when one was asked for and granted). */
  readonly granted: number;
  /** Redis time (epoch ms) of the decision. */
  readonly now: number;
}

interface Pending {
  readonly args: number[];
  readonly resolve: (answer: SlotAnswer | undefined) => void;
}

interface Batch {
  readonly key: string;
  readonly windowMs: number;
  readonly items: Pending[];
}

/**
 * Sends the takes one process starts in the same turn of the event loop, per Redis key, as one
 * script call: every caller still gets its own atomic decision in arrival order and waits one
 * round trip at most, but Redis runs one script (and the client sets one command timer and
 * parses one reply) per batch instead of per call.
 */
export class TakeBatcher {
  private readonly open = new Map<string, Batch>();
  private scheduled = false;
  private readonly link: RateLimitLink;

  constructor(link: RateLimitLink) {
    this.link = link;
  }

  /** Queues one take; resolves with its answer after the batch's one round trip. */
  take(
    key: string,
    windowMs: number,
    args: [weight: number, cap: number, maxWaitMs: number, lease: number],
  ): Promise<SlotAnswer | undefined> {
    const id = `${windowMs}|${key}`;
    let batch = this.open.get(id);
    if (batch === undefined) this.open.set(id, (batch = { key, windowMs, items: [] }));
    if (!this.scheduled) {
      this.scheduled = true;
      process.nextTick(() => this.flush());
    }
    const items = batch.items;
    return new Promise((resolve) => items.push({ args, resolve }));
  }

  private flush(): void {
    this.scheduled = false;
    const batches = [...this.open.values()];
    this.open.clear();
    for (const { key, windowMs, items } of batches) {
      for (let i = 0; i < items.length; i += MAX_BATCH) {
        void this.send(key, windowMs, items.slice(i, i + MAX_BATCH));
      }
    }
  }

  private async send(key: string, windowMs: number, items: Pending[]): Promise<void> {
    const args: (string | number)[] = ["take", SLOTS, windowMs];
    for (const item of items) args.push(...item.args);
    const reply = await this.link.run(key, args);
    const now = Number(reply?.[0]);
    items.forEach((item, i) => {
      if (reply === undefined) return item.resolve(undefined);
      const at = 1 + 4 * i;
      item.resolve({
        ok: reply[at] === 1,
        ms: Number(reply[at + 1]),
        slot: Number(reply[at + 2]),
        granted: Number(reply[at + 3]),
        now,
      });
    });
  }
}
