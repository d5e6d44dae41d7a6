import { once } from "node:events";
import { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import { clientOptions, createClients, unrefSocket } from "./redis-clients";
import { resolveStoreOptions } from "./store-options";
import { useRedisServer } from "./test-support/redis-admin";

// The connections the stores own: on demand, failing fast, never reconnecting or resubscribing
// on their own (the stores' unref'd timers do that), and never keeping Node alive.

const { admin, port, url } = useRedisServer();
const options = () => clientOptions({ host: "127.0.0.1", port: port() }, 100);
const tcpHandles = () => process.getActiveResourcesInfo().filter((r) => r === "TCPSocketWrap");
type Scripts = Record<string, (...args: string[]) => Promise<unknown>>;

describe("the stores' Redis clients", () => {
  it("connect only when asked, and fail a command at once instead of queueing it", async () => {
    const client = new Redis(options());
    try {
      expect(client.status).toBe("wait");
      await expect(client.ping()).rejects.toThrow("enableOfflineQueue options is false");
    } finally {
      client.disconnect();
    }
  });

  it("give the TCP connect four command deadlines", () => {
    expect(clientOptions({ host: "h" }, 250)).toMatchObject({ host: "h", connectTimeout: 1_000 });
  });

  it("unrefSocket: a connected socket stops keeping Node alive; before connecting it does nothing", async () => {
    const client = new Redis(options());
    try {
      expect(() => unrefSocket(client)).not.toThrow();
      const before = tcpHandles().length;
      await client.connect();
      expect(tcpHandles()).toHaveLength(before + 1);
      unrefSocket(client);
      expect(tcpHandles()).toHaveLength(before);
    } finally {
      client.disconnect();
    }
  });

  it("the pub/sub connection stays down when dropped, and connect() brings it back unsubscribed", async () => {
    const [client, subscriber] = createClients(resolveStoreOptions({ redis: url() }));
    subscriber.on("error", () => undefined);
    try {
      await subscriber.connect();
      await subscriber.subscribe("peak-clients-test");
      const ended = once(subscriber, "end");
      await admin().client("KILL", "TYPE", "pubsub");
      await ended;
      expect(subscriber.status).toBe("end");
      await subscriber.connect();
      // Served after anything the client sent on reconnecting (a resubscription, say).
      expect(await subscriber.ping()).toBe("PONG");
      expect(await admin().pubsub("NUMSUB", "peak-clients-test")).toEqual(["peak-clients-test", 0]);
    } finally {
      client.disconnect();
      subscriber.disconnect();
    }
  });

  it("the command connection runs the breaker scripts under their names", async () => {
    const [client, subscriber] = createClients(resolveStoreOptions({ redis: url() }));
    try {
      await client.connect();
      const scripts = client as unknown as Scripts;
      const keys = ["peak-clients:state", "peak-clients:peers"];
      // No shared state yet: each answers Redis time and no state, writing nothing.
      const claim = await scripts["peakBreakerClaim"]!(...keys, "1", "ch", "n", "i", "100", "1000");
      expect(claim).toEqual([expect.any(Number), ""]);
      const resolved = await scripts["peakBreakerResolve"]!(
        ...keys,
        ...["1", "ch", "n", "i", "1", "closed", "100", "1000"],
      );
      expect(resolved).toEqual([expect.any(Number), ""]);
      expect(await admin().exists(...keys)).toBe(0);
    } finally {
      client.disconnect();
      subscriber.disconnect();
    }
  });
});
