import type { BreakerStoreBinding, BreakerStoreHandle, CallOutcome } from "@peak/resilience";
import type { StateChangeEvent } from "@peak/resilience";
import type { RedisLink } from "./redis-link";
import { parseSharedState, SCHEMA_VERSION, warnForeign, type SharedState } from "./shared-state";
import type { ResolvedStoreOptions } from "./store-options";
import { UnrefTimer } from "./unref-timer";

/**
 * One breaker attached to the Redis store. The hot path (`outcome`) only bumps a counter;
 * trips are flushed in a microtask, failure counts on the store's poll tick. Shared "open"
 * holds the local breaker open until this process wins the single probe (compare-and-set in
 * Lua) or another process publishes the probe's result.
 */
export class SharedBreaker implements BreakerStoreBinding {
  private pendingFailures = 0;
  private tripped = false;
  private flushQueued = false;
  private syncing = false;
  private again = false;
  private appliedGen = 0;
  private held = false;
  private heldUntil = 0;
  private probingGen = -1;
  private readonly claimTimer = new UnrefTimer(() => void this.claim());
  private readonly keys: [string, string];
  private readonly handle: BreakerStoreHandle;
  private readonly link: RedisLink;
  private readonly options: ResolvedStoreOptions;

  constructor(handle: BreakerStoreHandle, link: RedisLink, options: ResolvedStoreOptions) {
    this.handle = handle;
    this.link = link;
    this.options = options;
    const base = `${options.namespace}:{${handle.name}}`;
    this.keys = [`${base}:state`, `${base}:peers`];
  }

  outcome(type: CallOutcome): void {
    if (type === "failure") this.pendingFailures += 1;
  }

  stateChange(event: StateChangeEvent): void {
    // Stryker disable next-line ConditionalExpression,StringLiteral: a remote change comes from apply or fallBack, which clear probingGen first, and never has the reason "failures", so neither branch below takes it
    if (event.reason === "remote") return;
    if (this.probingGen >= 0 && event.from === "half-open") {
      const gen = this.probingGen;
      this.probingGen = -1;
      void this.resolveProbe(gen, event.to === "closed" ? "closed" : "open");
    } else if (event.to === "open" && event.reason === "failures") {
      this.tripped = true;
      this.flush();
    }
  }

  /** Sends pending reports (soon, in a microtask) and applies the shared state answered. */
  flush(): void {
    if (this.flushQueued) return;
    this.flushQueued = true;
    queueMicrotask(() => {
      this.flushQueued = false;
      void this.sync();
    });
  }

  /** Applies a shared state read at Redis time `redisNow`; older generations are ignored. */
  apply(s: SharedState, redisNow: number): void {
    if (s.gen <= this.appliedGen) return;
    this.appliedGen = s.gen;
    this.claimTimer.clear();
    this.probingGen = -1;
    if (s.state === "closed") {
      // Only a breaker held open for the fleet closes; a local trip stays a local decision.
      if (this.held && this.handle.state !== "closed") this.handle.close();
      this.held = false;
    } else if (s.state === "half-open" && s.prober === this.options.instanceId) {
      this.held = false;
      this.probingGen = s.gen;
      this.handle.halfOpen();
    } else {
      const wait = Math.max(0, (s.state === "open" ? s.until : s.deadline) - redisNow);
      this.held = true;
      this.heldUntil = this.handle.now() + wait;
      this.handle.open(Infinity);
      this.claimTimer.start(wait);
    }
  }

  /** Redis is gone: hand control back to the local breaker (a held breaker keeps its deadline). */
  fallBack(): void {
    this.appliedGen = 0;
    this.pendingFailures = 0;
    this.tripped = false;
    this.probingGen = -1;
    this.claimTimer.clear();
    if (this.held) {
      this.held = false;
      this.handle.open(Math.max(0, this.heldUntil - this.handle.now()));
    }
  }

  private async sync(): Promise<void> {
    if (!this.link.usable) return this.fallBack();
    if (this.syncing) {
      this.again = true;
      return;
    }
    this.syncing = true;
    const { instanceId, windowMs, quorum, soloThreshold, keyTtlMs } = this.options;
    const args = [this.pendingFailures, this.tripped ? 1 : 0, windowMs, quorum, soloThreshold];
    this.pendingFailures = 0;
    this.tripped = false;
    const reply = await this.run(
      "peakBreakerSync",
      instanceId,
      ...args,
      this.handle.recoveryTimeoutMs,
      keyTtlMs,
    );
    this.syncing = false;
    if (reply !== undefined) this.receive(reply[1], reply[0]);
    if (this.again) {
      this.again = false;
      this.flush();
    }
  }

  private async claim(): Promise<void> {
    const { instanceId, keyTtlMs } = this.options;
    const probeMs = Math.max(1, this.handle.maxHalfOpenMs);
    const reply = await this.run("peakBreakerClaim", instanceId, probeMs, keyTtlMs);
    if (reply !== undefined) this.receive(reply[1], reply[0]);
    if (this.held && !this.claimTimer.pending && this.link.usable) this.claimTimer.start(50);
  }

  private async resolveProbe(gen: number, outcome: "closed" | "open"): Promise<void> {
    const { instanceId, keyTtlMs } = this.options;
    const args = [gen, outcome, this.handle.recoveryTimeoutMs, keyTtlMs];
    const reply = await this.run("peakBreakerResolve", instanceId, ...args);
    if (reply !== undefined) this.receive(reply[1], reply[0]);
  }

  private run(name: Parameters<RedisLink["run"]>[0], ...args: (string | number)[]) {
    const head = [SCHEMA_VERSION, this.link.channel, this.handle.name];
    return this.link.run(name, this.keys, [...head, ...args]);
  }

  private receive(raw: string, redisNow: number): void {
    const parsed = parseSharedState(raw);
    if (parsed.kind === "state") this.apply(parsed.state, redisNow);
    else if (parsed.kind === "foreign") warnForeign(this.options, this.handle.name, parsed.version);
    else if (this.held) this.fallBack();
  }
}
