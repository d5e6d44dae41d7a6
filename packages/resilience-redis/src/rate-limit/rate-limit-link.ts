import { Redis } from "ioredis";
import { commandClientOptions, unrefSocket } from "../redis-clients";
import { withDeadline } from "../reply-deadline";
import { UnrefTimer } from "../unref-timer";
import type { ResolvedRateLimitOptions } from "./rate-limit-options";
import { RATE_LIMIT_SCRIPT } from "./rate-limit-script";

/** Why Redis cannot be used: unreachable or slow, or it refused our credentials. */
export type LinkProblem = { kind: "outage" | "auth"; message: string };

/** The script's reply: Redis time (epoch ms), the count c of leading takes admitted at once, then per later take: admitted (1/0), wait or retry-after ms, slot, granted weight. */
export type RateReply = number[];

const isAuthError = (error: unknown): boolean =>
  /\b(NOAUTH|WRONGPASS)\b|invalid password|Authentication required/i.test(
    error instanceof Error ? error.message : String(error),
  );

const noop = (): void => undefined;

/**
 * The store's one Redis connection: the admission script, a hard per-command deadline
 * (`commandTimeoutMs`, judged after the I/O that was ready when it passed, so a reply that came
 * while this process was busy counts: see `withDeadline`; ioredis's `commandTimeout`, a backstop
 * (see `commandClientOptions`), only clears commands Redis never answers), up/down tracking with
 * one log line per outage, an authentication failure told apart from an outage, and an unref'd
 * reconnect timer. Nothing here keeps Node alive.
 */
export class RateLimitLink {
  healthy = false;
  /** True once Redis has answered at least once. */
  everUp = false;
  problem: LinkProblem | undefined;
  private closed = false;
  private logged = false;
  private readonly client: Redis;
  private readonly reconnect: UnrefTimer;
  private readonly probe: UnrefTimer;

  private readonly options: ResolvedRateLimitOptions;
  private readonly onUp: () => void;

  constructor(options: ResolvedRateLimitOptions, onUp: () => void) {
    this.options = options;
    this.onUp = onUp;
    this.client = new Redis(commandClientOptions(options.redis, options.commandTimeoutMs));
    this.client.defineCommand("peakRateLimit", { numberOfKeys: 1, lua: RATE_LIMIT_SCRIPT });
    this.reconnect = new UnrefTimer(() => this.connect());
    this.probe = new UnrefTimer(() => this.ping());
    this.client.on("error", (error: unknown) => this.markDown(error));
    this.client.on("connect", () => unrefSocket(this.client));
    this.client.on("ready", () => this.markUp());
    this.client.on("close", () => this.markDown(new Error("connection closed")));
    this.client.on("end", () => {
      if (!this.closed) this.reconnect.start(this.options.reconnectIntervalMs);
    });
    this.connect();
  }

  /** Runs the script; resolves undefined (and marks Redis down) on any error, including a reply later than `commandTimeoutMs`. */
  async run(key: string, args: (string | number)[]): Promise<RateReply | undefined> {
    if (this.closed || this.client.status !== "ready") return undefined;
    const script = (
      this.client as unknown as Record<string, (...a: unknown[]) => Promise<RateReply>>
    )["peakRateLimit"]!;
    try {
      const sent = script.call(this.client, key, ...args);
      const reply = await withDeadline(sent, this.options.commandTimeoutMs);
      this.markUp();
      return reply;
    } catch (error) {
      this.markDown(error);
      return undefined;
    }
  }

  /** True while the first connection attempt is still under way. */
  get connecting(): boolean {
    return !this.closed && ["wait", "connecting", "connect"].includes(this.client.status);
  }

  /** Closes the connection and cancels the reconnect timer. */
  close(): void {
    this.closed = true;
    this.healthy = false;
    this.reconnect.clear();
    this.probe.clear();
    this.client.disconnect();
  }

  /** Connected but slow: PING until Redis answers within the deadline again. */
  private ping(): void {
    if (this.closed || this.healthy || this.client.status !== "ready") return;
    const timer = setTimeout(
      () => this.probe.start(this.options.reconnectIntervalMs),
      this.options.commandTimeoutMs,
    );
    timer.unref();
    this.client.ping().then(
      () => {
        clearTimeout(timer);
        this.markUp();
      },
      () => undefined,
    );
  }

  private connect(): void {
    // Stryker disable next-line ConditionalExpression,LogicalOperator,StringLiteral: only the constructor and the reconnect timer (cleared by close()) call this, never while ready; ioredis refuses a second connect anyway
    if (!this.closed && this.client.status !== "ready") this.client.connect().catch(noop);
  }

  private markUp(): void {
    if (this.healthy || this.closed) return;
    this.healthy = true;
    this.everUp = true;
    this.problem = undefined;
    if (this.logged) this.options.logger.info?.("Redis rate-limit store rejoined Redis");
    this.logged = false;
    this.onUp();
  }

  private markDown(error: unknown): void {
    if (this.closed) return;
    this.healthy = false;
    if (this.client.status === "ready" && !this.probe.pending) {
      this.probe.start(this.options.reconnectIntervalMs);
    }
    const auth = isAuthError(error);
    const message = error instanceof Error ? error.message : String(error);
    // Stryker disable next-line OptionalChaining: logged and problem are set (and cleared) together, so problem is defined whenever the right side runs
    if (this.logged && !(auth && this.problem?.kind !== "auth")) return;
    this.logged = true;
    this.problem = { kind: auth ? "auth" : "outage", message };
    const context = { prefix: this.options.prefix, error: message };
    if (auth) {
      this.options.logger.warn(
        "Redis rate-limit store: authentication failed; admitting from this process's insurance share",
        {
          ...context,
          hint: "Check the password (and user) in the Redis URL or the `redis` options",
        },
      );
    } else {
      this.options.logger.warn(
        "Redis rate-limit store: Redis unavailable; admitting from this process's insurance share",
        {
          ...context,
          hint: "Calls go on within limit / fleetSize per process; the store rejoins when Redis answers",
        },
      );
    }
  }
}
