// Test helper: a RedisLink (the store's two connections) whose events and log lines are
// recorded, with its two ioredis clients at hand for waiting on their connection events.
import type { Redis } from "ioredis";
import { RedisLink } from "../redis-link";
import { resolveStoreOptions, type RedisBreakerStoreOptions } from "../store-options";

/** One `logger.warn` call of the link. */
export interface LinkWarning {
  readonly message: string;
  readonly context: Record<string, unknown> | undefined;
}

/** A link with what it did: `events` is "up", "down" or "message:<raw>" in order. */
export interface RecordedLink {
  readonly link: RedisLink;
  readonly events: string[];
  readonly warnings: LinkWarning[];
  readonly infos: string[];
  /** The command connection and the pub/sub connection (private fields of the link). */
  readonly client: Redis;
  readonly subscriber: Redis;
  /** Resolves after `client` has emitted `event` `times` more times. */
  nextEvents(client: Redis, event: string, times?: number): Promise<void>;
  /** Closes the link and resolves once both sockets are gone. */
  shut(): Promise<void>;
}

/** A link that is not started yet; `withInfo: false` gives a logger without `info`. */
export const recordedLink = (options: RedisBreakerStoreOptions, withInfo = true): RecordedLink => {
  const events: string[] = [];
  const warnings: LinkWarning[] = [];
  const infos: string[] = [];
  const warn = (message: string, context?: Record<string, unknown>) =>
    warnings.push({ message, context });
  const logger = withInfo ? { warn, info: (m: string) => infos.push(m) } : { warn };
  const link = new RedisLink(resolveStoreOptions({ reconnectIntervalMs: 20, ...options, logger }), {
    up: () => events.push("up"),
    down: () => events.push("down"),
    message: (raw) => events.push(`message:${raw}`),
  });
  const clients = link as unknown as { client: Redis; subscriber: Redis };
  const ended = (client: Redis) =>
    client.status === "end" || client.status === "wait"
      ? Promise.resolve()
      : new Promise<void>((resolve) => client.once("end", () => resolve()));
  return {
    link,
    events,
    warnings,
    infos,
    client: clients.client,
    subscriber: clients.subscriber,
    nextEvents: (client, event, times = 1) =>
      new Promise((resolve) => {
        let seen = 0;
        const count = () => {
          seen += 1;
          if (seen < times) return;
          client.off(event, count);
          resolve();
        };
        client.on(event, count);
      }),
    shut: async () => {
      const gone = Promise.all([ended(clients.client), ended(clients.subscriber)]);
      link.close();
      await gone;
    },
  };
};
