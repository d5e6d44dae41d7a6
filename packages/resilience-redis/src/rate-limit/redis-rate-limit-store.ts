import { Insurance } from "./insurance";
import { Leases } from "./lease";
import type { LocalLog, LogEntry } from "./local-log";
import { RateLimitLink, type LinkProblem } from "./rate-limit-link";
import type { RateLimitStoreMode, RedisRateLimitStore, RedisTakeResult } from "./store-api";
import {
  checkedCap,
  resolveRateLimitOptions,
  type RedisRateLimitStoreOptions,
  type ResolvedRateLimitOptions,
} from "./rate-limit-options";
import type { RateLimitTakeRequest } from "./store-contract";
import { RateLimitKeys } from "./redis-keys";
import { SLOTS, TakeBatcher } from "./take-batcher";

export type { RateLimitStoreMode, RedisRateLimitStore, RedisTakeResult } from "./store-api";

/**
 * Creates a rate-limit store shared by every process that uses the same Redis and `prefix`, for
 * `rateLimiter({ store })`. Each decision is one atomic Lua script (a weighted sliding log on
 * Redis time): in any window of `intervalMs`, at most `limit + burst` weight per key across the
 * fleet. Redis down, slow or refusing the password: no call waits longer than `commandTimeoutMs`;
 * admissions fall back at once to this process's insurance share (`(limit + burst) / fleetSize`),
 * logged once; when Redis returns, the store replays its local admissions into Redis and, for a
 * window and a reconnect, admits what both allow. Never rejects for a Redis problem; no timer or
 * socket keeps the process alive.
 *
 * @throws {@link ConfigError} for a bad or unknown option (named, with the closest valid one)
 * @example
 * ```ts
 * const store = createRedisRateLimitStore({ url: "redis://127.0.0.1:6379", prefix: "binance", fleetSize: 8 });
 * const limiter = rateLimiter({ name: "binance", limit: 1200, intervalMs: 60_000, maxWaitMs: 5_000, store });
 * await limiter.execute(() => exchange.fetchOHLCV("BTC/USDT"), { weight: 2 });
 * await store.close();
 * ```
 */
export const createRedisRateLimitStore = (
  options: RedisRateLimitStoreOptions = {},
): RedisRateLimitStore => new RedisRateLimitStoreImpl(resolveRateLimitOptions(options));

interface Reservation {
  /** Where Redis counted it (slot, weight, time), or undefined for a local-only reservation. */
  readonly shared: [slot: number, weight: number, at: number] | undefined;
  /** Holds the request's weight (and maybe other admissions of the same millisecond). */
  readonly entry: LogEntry;
}

class RedisRateLimitStoreImpl implements RedisRateLimitStore {
  private readonly insurance: Insurance;
  private readonly reservations = new WeakMap<RateLimitTakeRequest, Reservation>();
  private readonly waiters = new Set<(ok: boolean) => void>();
  private readonly link: RateLimitLink;
  private readonly batcher: TakeBatcher;
  private readonly leases: Leases | undefined;
  private rejoinUntil = -Infinity;
  private readonly keys: RateLimitKeys;
  private readonly options: ResolvedRateLimitOptions;

  constructor(options: ResolvedRateLimitOptions) {
    this.options = options;
    this.insurance = new Insurance(options);
    this.link = new RateLimitLink(options, () => this.rejoin());
    const { lease } = options;
    this.batcher = new TakeBatcher(this.link, lease?.ttlMs ?? 0);
    this.keys = new RateLimitKeys(options.prefix);
    this.leases = lease === undefined ? undefined : new Leases(lease.size, lease.ttlMs);
  }

  get mode(): RateLimitStoreMode {
    if (!this.link.healthy) return "insurance";
    return Date.now() < this.rejoinUntil ? "rejoining" : "redis";
  }

  get problem(): LinkProblem | undefined {
    return this.link.problem;
  }

  async take(request: RateLimitTakeRequest): Promise<RedisTakeResult> {
    const cap = checkedCap(request);
    const windowMs = Math.ceil(request.intervalMs + this.options.marginMs);
    const log = this.insurance.logFor(request.key, windowMs);
    // A store used right after creation: wait (at most commandTimeoutMs) for the first connection.
    if (!this.link.everUp && this.link.connecting) await this.ready(this.options.commandTimeoutMs);
    const mode = this.mode;
    if (mode === "redis" && this.leases !== undefined) {
      const at = this.leases.spend(request.key, request.weight, cap, windowMs, performance.now());
      if (at !== undefined) {
        // The next lease, asked with a take of weight 0 that admits nothing when it does not fit.
        if (this.leases.refillDue(request.key))
          void this.takeShared({ ...request, weight: 0, maxWaitMs: -1 }, log, windowMs, false);
        return { ok: true, waitMs: 0, at, leased: true };
      }
    }
    if (mode !== "insurance") {
      const shared = await this.takeShared(request, log, windowMs, mode === "rejoining");
      if (shared !== undefined) return shared;
    }
    this.insurance.enter(Date.now());
    const decision = this.insurance.decide(request, log, windowMs);
    if (!decision.ok) return decision;
    if (decision.waitMs > 0)
      this.reservations.set(request, { shared: undefined, entry: decision.entry });
    return { ok: true, waitMs: decision.waitMs, at: decision.entry.at };
  }

  async refund(request: RateLimitTakeRequest): Promise<void> {
    const reservation = this.reservations.get(request);
    if (reservation === undefined) return;
    this.reservations.delete(request);
    const windowMs = Math.ceil(request.intervalMs + this.options.marginMs);
    this.insurance.logFor(request.key, windowMs).remove(reservation.entry, request.weight);
    if (reservation.shared === undefined || !this.link.healthy) return;
    await this.link.run(this.keys.of(request.key), [
      "refund",
      SLOTS,
      windowMs,
      ...reservation.shared,
    ]);
  }

  ready(timeoutMs = 5_000): Promise<boolean> {
    if (this.link.healthy) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = (ok: boolean) => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve(ok);
      };
      const timer = setTimeout(() => done(false), timeoutMs);
      this.waiters.add(done);
    });
  }

  close(): Promise<void> {
    this.link.close();
    [...this.waiters].forEach((w) => w(false));
    return Promise.resolve();
  }

  /** Asks Redis (while rejoining, the local share must admit too); undefined when Redis failed. */
  private async takeShared(
    request: RateLimitTakeRequest,
    log: LocalLog,
    windowMs: number,
    both: boolean,
  ) {
    const local = both ? this.insurance.decide(request, log, windowMs) : undefined;
    if (local !== undefined && !local.ok) return local;
    // Rejoining, a call the share admits only later is refused: Redis would count it too early.
    if (local !== undefined && local.waitMs > 0) {
      log.remove(local.entry, request.weight);
      return { ok: false as const, retryAfterMs: Math.ceil(local.waitMs) };
    }
    const cap = request.limit + request.burst;
    const lease = both ? 0 : (this.leases?.ask(request.key, request.weight, cap) ?? 0);
    const { weight, maxWaitMs } = request;
    const key = this.keys.of(request.key);
    const answer = await this.batcher.take(key, windowMs, weight, cap, maxWaitMs, lease);
    // Stryker disable next-line OptionalChaining: lease > 0 only when this.leases asked for it
    if (lease > 0) this.leases?.answered(request.key, { weight, cap, windowMs }, answer);
    if (local?.ok === true) log.remove(local.entry, weight);
    if (answer === undefined) return undefined;
    if (!answer.ok) return { ok: false as const, retryAfterMs: answer.ms };
    const waitMs = answer.ms;
    // Stryker disable next-line OptionalChaining: only a lease is granted above the weight, so this.leases exists; a lease is logged at its last spend time (conservative for the share)
    const held = answer.granted > weight ? (this.leases?.holdMs(windowMs) ?? 0) : 0;
    const entry = log.record(Date.now() + waitMs + held, answer.granted, windowMs);
    const shared: Reservation["shared"] = [answer.slot, answer.granted, answer.now + waitMs];
    if (waitMs > 0) this.reservations.set(request, { shared, entry });
    return { ok: true as const, waitMs, at: answer.now + waitMs };
  }

  /** Redis answers again: replay this process's local admissions, then admit through both for one window and a reconnect. */
  private rejoin(): void {
    [...this.waiters].forEach((w) => w(true));
    const now = Date.now();
    const replay = this.insurance.leave(now);
    if (replay.length === 0) return;
    // One window plus the time the others may take to notice Redis is back (a reconnect and its deadline).
    const { reconnectIntervalMs, commandTimeoutMs } = this.options;
    this.rejoinUntil = now + this.insurance.maxWindowMs + reconnectIntervalMs + commandTimeoutMs;
    for (const { key, windowMs, entries } of replay) {
      if (entries.length === 0) continue;
      const args = entries.flatMap((e) => [e.at, e.weight]);
      void this.link.run(this.keys.of(key), ["seed", SLOTS, windowMs, ...args]);
    }
  }
}
