// Test fixture of the connected SharedBreaker suites: one private redis-server and an admin
// client per test file (useRedisServer), connected peers closed after each test, and the Redis
// reads and writes those suites share.
import type { CircuitBreakerOptions } from "@peak/resilience";
import { afterEach, expect } from "vitest";
import { useRedisServer } from "./redis-admin";
import { createPeer, NAME, type SharedPeer } from "./shared-peer";
import { subscriberCount } from "./subscribers";
import type { SharedState } from "../shared-state";

/** Registers the hooks; the returned functions work inside tests. */
export const usePeerFixture = () => {
  const { admin, url } = useRedisServer();
  const peers: SharedPeer[] = [];
  afterEach(async () => {
    await Promise.all(peers.splice(0).map((p) => p.store.close()));
  });
  return {
    admin,
    url,
    /** A peer on `namespace` whose store is connected and whose first sync is answered. */
    async peer(
      namespace: string,
      instanceId: string,
      breakerOptions: Omit<CircuitBreakerOptions, "store" | "clock"> = {},
    ): Promise<SharedPeer> {
      const peer = createPeer({ redis: url(), namespace, instanceId }, breakerOptions);
      peers.push(peer);
      expect(await peer.store.ready()).toBe(true);
      await peer.settle();
      return peer;
    },
    /** Closes `peer`'s store after the test. */
    track: (peer: SharedPeer): void => {
      peers.push(peer);
    },
    /** Waits until `count` connections listen on the events channel of `namespace`. */
    async listeners(namespace: string, count: number): Promise<void> {
      await expect.poll(() => subscriberCount(admin(), `${namespace}:events`)).toBe(count);
    },
    /** Stores `state` for breaker {@link NAME} without publishing it. */
    async store(namespace: string, state: SharedState): Promise<void> {
      await admin().set(`${namespace}:{${NAME}}:state`, JSON.stringify(state), "PX", 60_000);
    },
  };
};
