import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { eventually } from "./test-support/eventually";
import { subscriberCount } from "./test-support/subscribers";
import { recordedLink, type RecordedLink } from "./test-support/recorded-link";
import { freePort } from "./test-support/redis-server";
import { useRedisServer } from "./test-support/redis-admin";

// In-process outages of the link: this file's own redis-server drops the link's connections
// (CLIENT KILL), or the link points at a port nobody listens on. Reconnection every 20 ms.
const { admin, url } = useRedisServer();
const links: RecordedLink[] = [];

afterEach(async () => {
  await Promise.all(links.splice(0).map((l) => l.shut()));
});

const UNAVAILABLE = "Redis breaker store: Redis unavailable; breakers decide locally";

const startedLink = async (withInfo = true, redis = url()) => {
  const recorded = recordedLink({ redis, namespace: randomUUID() }, withInfo);
  links.push(recorded);
  recorded.link.start();
  if (redis === url()) {
    await eventually(() => recorded.link.healthy, "the link reports Redis up");
    await expect
      .poll(() => subscriberCount(admin(), recorded.link.channel), { timeout: 5_000 })
      .toBe(1);
  }
  return recorded;
};

describe("RedisLink outages", () => {
  it("a dropped command connection is an outage: down, one warning, reconnect, rejoin", async () => {
    const recorded = await startedLink();
    const rejoined = recorded.nextEvents(recorded.client, "ready");
    await admin().call("CLIENT", "KILL", "TYPE", "normal");
    await rejoined;
    await eventually(() => recorded.events.length === 3, "down, then up again");
    expect(recorded.events).toEqual(["up", "down", "up"]);
    expect(recorded.link.healthy).toBe(true);
    expect(recorded.warnings).toEqual([
      {
        message: UNAVAILABLE,
        context: {
          namespace: recorded.link.channel.slice(0, -":events".length),
          error: "connection closed",
          hint: "Check that Redis is running and reachable; the store reconnects by itself",
        },
      },
    ]);
    expect(recorded.infos).toEqual(["Redis breaker store rejoined Redis"]);
  });

  it("rejoins with a logger that has no info()", async () => {
    const recorded = await startedLink(false);
    await admin().call("CLIENT", "KILL", "TYPE", "normal");
    await eventually(() => recorded.events.length === 3, "down, then up again");
    expect(recorded.events).toEqual(["up", "down", "up"]);
    expect(recorded.warnings.map((w) => w.message)).toEqual([UNAVAILABLE]);
  });

  it("a dropped pub/sub connection is no outage: it resubscribes, nothing is reported", async () => {
    const recorded = await startedLink();
    const { link, subscriber } = recorded;
    const resubscribed = recorded.nextEvents(subscriber, "ready");
    await admin().call("CLIENT", "KILL", "TYPE", "pubsub");
    await resubscribed;
    await expect.poll(() => subscriberCount(admin(), link.channel), { timeout: 5_000 }).toBe(1);
    await admin().publish(link.channel, "after");
    await eventually(() => recorded.events.length === 2, "the message after the drop");
    expect(recorded.events).toEqual(["up", "message:after"]);
    expect([link.healthy, recorded.warnings]).toEqual([true, []]);
  });

  it("a Redis that never answers: one warning however often it retries, never up or down", async () => {
    const recorded = await startedLink(true, `redis://127.0.0.1:${await freePort()}`);
    await recorded.nextEvents(recorded.client, "end", 4);
    expect(recorded.events).toEqual([]);
    expect(recorded.warnings.map((w) => w.message)).toEqual([UNAVAILABLE]);
    expect(recorded.link.usable).toBe(false);
  });
});
