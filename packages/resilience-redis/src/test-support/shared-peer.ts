// In-process peers for the SharedBreaker tests. A peer is one circuitBreaker (on a virtual
// clock) attached through its own store (own clients, own instanceId), so two peers on one
// namespace act like two processes of a fleet inside the vitest worker. Every script call the
// peer's link is asked to run is recorded with its reply, and `settle()` waits until no call is
// in flight and none follows.
import {
  circuitBreaker,
  type BreakerStoreHandle,
  type CircuitBreaker,
  type CircuitBreakerOptions,
  type StateChangeEvent,
} from "@peak/resilience";
import { createVirtualClock, type VirtualClock } from "@peak/resilience/testing";
import type { Redis } from "ioredis";
import { createRedisBreakerStore, type RedisBreakerStore } from "../redis-breaker-store";
import type { RedisLink, ScriptReply } from "../redis-link";
import type { SharedBreaker } from "../shared-breaker";
import type { SharedState } from "../shared-state";
import type { RedisBreakerStoreOptions } from "../store-options";

/** One script call a peer's link was asked to run. */
export interface SentScript {
  readonly name: Parameters<RedisLink["run"]>[0];
  /** From the instance id on (the version, channel and breaker name are left out). */
  readonly args: readonly (string | number)[];
  reply?: ScriptReply | undefined;
}

/** A breaker attached through its own store, with the store's binding and what it sent. */
export interface SharedPeer {
  readonly breaker: CircuitBreaker;
  readonly store: RedisBreakerStore;
  readonly shared: SharedBreaker;
  readonly handle: BreakerStoreHandle;
  readonly clock: VirtualClock;
  readonly sent: SentScript[];
  readonly changes: StateChangeEvent[];
  /** The most script calls that were in flight at once. */
  readonly maxInFlight: number;
  /** `[failures, tripped]` of every sync sent. */
  syncs(): [number, number][];
  /** Waits until every call sent is answered and handled and no further call follows. */
  settle(): Promise<void>;
}

/** The virtual clock's start (epoch ms), far from 0 so sums and differences differ. */
export const START = 1_000_000;

/** The breaker name every peer uses. */
export const NAME = "x";

const quiet = { warn: () => undefined };

/**
 * A peer; `detached` closes its store before the breaker attaches (no Redis needed: every
 * call it sends is recorded and answered with undefined, as while Redis is down).
 */
export const createPeer = (
  storeOptions: RedisBreakerStoreOptions,
  breakerOptions: BreakerOptions = {},
  detached = false,
): SharedPeer => {
  const store = createRedisBreakerStore({
    pollIntervalMs: 3_600_000,
    logger: quiet,
    ...storeOptions,
  });
  if (detached) void store.close();
  return attachPeer(store, breakerOptions);
};

type BreakerOptions = Omit<CircuitBreakerOptions, "store" | "clock">;

/** A peer on an existing `store` (e.g. one already connected when the breaker attaches). */
export const attachPeer = (
  store: RedisBreakerStore,
  breakerOptions: BreakerOptions = {},
): SharedPeer => {
  const clock = createVirtualClock(START);
  let captured: { handle: BreakerStoreHandle; shared: SharedBreaker } | undefined;
  const breaker = circuitBreaker({
    name: NAME,
    failureThreshold: 2,
    recoveryTimeoutMs: 60_000,
    ...breakerOptions,
    clock,
    store: {
      attach: (handle) => {
        captured = { handle, shared: store.attach(handle) as SharedBreaker };
        return captured.shared;
      },
    },
  });
  if (captured === undefined) throw new Error("the breaker did not attach");
  const changes: StateChangeEvent[] = [];
  breaker.onStateChange((event) => changes.push(event));
  const sent: SentScript[] = [];
  const pending: Promise<unknown>[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const link = captured.shared["link"];
  const run = link.run.bind(link);
  link.run = (name, keys, args) => {
    const entry: SentScript = { name, args: args.slice(3) };
    sent.push(entry);
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    const reply = run(name, keys, args).then((r) => {
      entry.reply = r;
      inFlight -= 1;
      return r;
    });
    pending.push(reply);
    return reply;
  };
  const settle = async () => {
    for (let round = 0; round < 30; round += 1) {
      const count = sent.length;
      await Promise.all(pending);
      await new Promise((resolve) => setImmediate(resolve));
      if (sent.length === count && inFlight === 0) return;
    }
    throw new Error(`script calls did not settle: ${sent.map((s) => s.name).join(", ")}`);
  };
  const syncs = () =>
    sent
      .filter((s) => s.name === "peakBreakerSync")
      .map((s): [number, number] => [Number(s.args[1]), Number(s.args[2])]);
  return {
    breaker,
    store,
    ...captured,
    clock,
    sent,
    changes,
    get maxInFlight() {
      return maxInFlight;
    },
    syncs,
    settle,
  };
};

/** A shared state of breaker {@link NAME}: open by default, with `fields` on top. */
export const sharedState = (gen: number, fields: Partial<SharedState> = {}): SharedState => ({
  v: 1,
  name: NAME,
  gen,
  state: "open",
  until: 0,
  at: 0,
  by: "peer",
  reason: "quorum",
  prober: "",
  deadline: 0,
  ...fields,
});

/** Redis `TIME` in epoch milliseconds. */
export const redisNow = async (admin: Redis): Promise<number> => {
  const [seconds, micros] = await admin.time();
  return Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
};

/** The state JSON stored for breaker {@link NAME} in `namespace`, parsed (undefined: none). */
export const storedState = async (
  admin: Redis,
  namespace: string,
): Promise<SharedState | undefined> => {
  const raw = await admin.get(`${namespace}:{${NAME}}:state`);
  return raw === null ? undefined : (JSON.parse(raw) as SharedState);
};
