import type { Redis } from "ioredis";
import { createClients, unrefSocket } from "./redis-clients";
import { describeRedisFailure, type RedisFailure } from "./redis-failure";
import { withDeadline } from "./reply-deadline";
import type { ResolvedStoreOptions } from "./store-options";
import { UnrefTimer } from "./unref-timer";

/** What the Lua scripts answer: Redis time (epoch ms) and the state JSON ("" when none). */
export type ScriptReply = [now: number, raw: string];

type Script = (keys: [string, string], ...args: (string | number)[]) => Promise<ScriptReply>;
type ScriptName = "peakBreakerSync" | "peakBreakerClaim" | "peakBreakerResolve";

/** Callbacks of a {@link RedisLink}. */
export interface LinkEvents {
  /** Redis answered again (or for the first time). */
  up(): void;
  /** Redis became unreachable or too slow. */
  down(): void;
  /** A state published on the events channel. */
  message(raw: string): void;
}

const noop = (): void => undefined;

/**
 * The store's two Redis connections (commands and pub/sub). Sockets and timers are unref'd so
 * they never keep Node alive; ioredis's own reconnection is off and replaced by an unref'd
 * timer; no offline queue, so commands fail fast while Redis is unreachable.
 */
export class RedisLink {
  healthy = false;
  private closed = false;
  private outageLogged: RedisFailure["kind"] | undefined;
  private readonly client: Redis;
  private readonly subscriber: Redis;
  private readonly options: ResolvedStoreOptions;
  private readonly events: LinkEvents;
  private readonly timers: UnrefTimer[] = [];

  constructor(options: ResolvedStoreOptions, events: LinkEvents) {
    this.options = options;
    this.events = events;
    [this.client, this.subscriber] = createClients(options);
    this.wire(this.client, () => this.markUp());
    this.wire(this.subscriber, () => {
      this.subscriber.subscribe(this.channel).catch(noop);
    });
    this.subscriber.on("message", (_channel: string, raw: string) => events.message(raw));
  }

  /** The pub/sub channel of this namespace. */
  get channel(): string {
    return `${this.options.namespace}:events`;
  }

  /** True when the command connection is open (commands may be tried). */
  get usable(): boolean {
    return !this.closed && this.client.status === "ready";
  }

  /** Opens both connections in the background. */
  start(): void {
    this.connect(this.client);
    this.connect(this.subscriber);
  }

  /** Runs a script; a failure (error or timeout) marks Redis down and resolves to undefined. */
  async run(name: ScriptName, keys: [string, string], args: (string | number)[]) {
    if (!this.usable) return undefined;
    const script = (this.client as unknown as Record<ScriptName, Script>)[name];
    try {
      const sent = script.call(this.client, keys, ...args);
      const reply = await withDeadline(sent, this.options.commandTimeoutMs);
      this.markUp();
      return reply;
    } catch (error) {
      this.markDown(error);
      return undefined;
    }
  }

  /** Closes both connections and cancels every timer. */
  close(): void {
    this.closed = true;
    this.healthy = false;
    for (const timer of this.timers) timer.clear();
    this.client.disconnect();
    this.subscriber.disconnect();
  }

  private wire(client: Redis, onReady: () => void): void {
    const reconnect = new UnrefTimer(() => this.connect(client));
    this.timers.push(reconnect);
    client.on("error", (error: unknown) => this.markDown(error));
    client.on("connect", () => unrefSocket(client));
    client.on("ready", onReady);
    client.on("close", () => {
      if (client === this.client) this.markDown(new Error("connection closed"));
    });
    client.on("end", () => {
      if (!this.closed) reconnect.start(this.options.reconnectIntervalMs);
    });
  }

  private connect(client: Redis): void {
    // Stryker disable next-line StringLiteral: connect() of a ready client only rejects ("already connected"), and the rejection is ignored
    if (!this.closed && client.status !== "ready") client.connect().catch(noop);
  }

  private markUp(): void {
    if (this.healthy || this.closed) return;
    this.healthy = true;
    if (this.outageLogged) this.options.logger.info?.("Redis breaker store rejoined Redis");
    this.outageLogged = undefined;
    this.events.up();
  }

  private markDown(error: unknown): void {
    if (this.closed) return;
    const wasHealthy = this.healthy;
    this.healthy = false;
    const failure = describeRedisFailure(error);
    // One warning per outage; a refused login is reported even after a plain outage warning.
    if (
      this.outageLogged === undefined ||
      (failure.kind === "auth" && this.outageLogged !== "auth")
    ) {
      this.outageLogged = failure.kind;
      this.options.logger.warn(failure.message, {
        namespace: this.options.namespace,
        error: error instanceof Error ? error.message : String(error),
        hint: failure.hint,
      });
    }
    if (wasHealthy) this.events.down();
  }
}
