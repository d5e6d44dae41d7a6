import { LocalLog, type LocalDecision, type LogEntry } from "./local-log";
import type { ResolvedRateLimitOptions } from "./rate-limit-options";
import type { RateLimitTakeRequest } from "./store-contract";

interface KeyState {
  readonly log: LocalLog;
  windowMs: number;
}

/**
 * This process's side of the shared budget: a local log per key of what it admitted (through
 * Redis or alone), and the insurance share it may admit alone while Redis cannot decide:
 * `insurance.limit`, else `(limit + burst) / fleetSize`, else nothing (fail closed). With
 * `holdOff`, the first local admission of an outage comes one window after Redis failed, so the
 * fleet's pre-outage calls and its insurance calls never share a window.
 */
export class Insurance {
  private readonly keys = new Map<string, KeyState>();
  private outageSince = -Infinity;
  private takes = 0;
  /** The longest window any key uses (how long a rejoin must admit through both). */
  maxWindowMs = 0;

  private readonly options: ResolvedRateLimitOptions;

  constructor(options: ResolvedRateLimitOptions) {
    this.options = options;
  }

  /** The log of `key`, created on first use; drops idle keys every 1,000 calls. */
  logFor(key: string, windowMs: number): LocalLog {
    this.sweep();
    let state = this.keys.get(key);
    if (state === undefined) this.keys.set(key, (state = { log: new LocalLog(), windowMs }));
    state.windowMs = windowMs;
    this.maxWindowMs = Math.max(this.maxWindowMs, windowMs);
    return state.log;
  }

  /** Marks the start of an outage (idempotent until {@link leave}). */
  enter(now: number): void {
    if (this.outageSince === -Infinity) this.outageSince = now;
  }

  /** Ends the outage; returns each key's local-only admissions still inside its window. */
  leave(now: number): { key: string; windowMs: number; entries: LogEntry[] }[] {
    const wasOut = this.outageSince !== -Infinity;
    this.outageSince = -Infinity;
    if (!wasOut) return [];
    return [...this.keys].map(([key, { log, windowMs }]) => ({
      key,
      windowMs,
      entries: log.takeLocalSince(now - windowMs),
    }));
  }

  /** Decides from the share alone (recording the admission in `log`). */
  decide(request: RateLimitTakeRequest, log: LocalLog, windowMs: number): LocalDecision {
    const share = this.share(request);
    if (request.weight > share)
      return { ok: false, retryAfterMs: this.options.reconnectIntervalMs };
    const now = Date.now();
    const from = this.options.holdOff ? Math.max(now, this.outageSince + windowMs) : now;
    const decision = log.take(
      from,
      request.weight,
      share,
      windowMs,
      request.maxWaitMs - (from - now),
    );
    if (decision.ok) return { ...decision, waitMs: decision.waitMs + (from - now) };
    return { ok: false, retryAfterMs: decision.retryAfterMs + (from - now) };
  }

  private share(request: RateLimitTakeRequest): number {
    const { insuranceLimit, fleetSize } = this.options;
    if (insuranceLimit !== undefined) return insuranceLimit;
    return fleetSize === undefined ? 0 : (request.limit + request.burst) / fleetSize;
  }

  private sweep(): void {
    // Stryker disable next-line AssignmentOperator: counting down, -1_000 % 1_000 is -0, which equals 0, so the sweep runs on the same calls
    this.takes += 1;
    if (this.takes % 1_000 !== 0) return;
    const now = Date.now();
    for (const [key, { log, windowMs }] of this.keys) {
      if (log.idleSince(now - windowMs)) this.keys.delete(key);
    }
  }
}
