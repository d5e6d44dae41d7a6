import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { SCHEMA_VERSION } from "./shared-state";
import { eventually } from "./test-support/eventually";
import { subscriberCount } from "./test-support/subscribers";
import { recordedLink, type RecordedLink } from "./test-support/recorded-link";
import { scriptCallCount } from "./test-support/script-calls";
import { useRedisServer } from "./test-support/redis-admin";

// The link in the test process itself (the store's suites mostly reach it from child processes).
const { admin, url } = useRedisServer();
const links: RecordedLink[] = [];

afterEach(async () => {
  await Promise.all(links.splice(0).map((l) => l.shut()));
});

const newLink = () => {
  const recorded = recordedLink({ redis: url(), namespace: randomUUID() });
  links.push(recorded);
  return recorded;
};

// peakBreakerSync with nothing to report: it only reads the state (none here).
const syncArgs = (channel: string) => [SCHEMA_VERSION, channel, "x", "me", 0, 0, 1, 2, 3, 4, 5];

const sockets = () => process.getActiveResourcesInfo().filter((r) => r === "TCPSocketWrap").length;

describe("RedisLink", () => {
  it("is unusable before start: a script is not sent, nothing is reported", async () => {
    const { link, events, warnings } = newLink();
    expect([link.usable, link.healthy]).toEqual([false, false]);
    const calls = await scriptCallCount(admin());
    const keys: [string, string] = ["k:state", "k:peers"];
    expect(await link.run("peakBreakerSync", keys, syncArgs(link.channel))).toBeUndefined();
    expect(await scriptCallCount(admin())).toBe(calls);
    expect({ events, warnings }).toEqual({ events: [], warnings: [] });
  });

  it("connects, reports up once, runs scripts and delivers its channel's messages", async () => {
    const recorded = newLink();
    const { link, events } = recorded;
    const ns = link.channel.slice(0, -":events".length);
    expect(link.channel).toBe(`${ns}:events`);
    link.start();
    await eventually(() => link.healthy, "the link reports Redis up");
    expect(link.usable).toBe(true);
    const reply = await link.run("peakBreakerSync", [`${ns}:state`, `${ns}:peers`], syncArgs("c"));
    expect(reply?.[1]).toBe("");
    expect(typeof reply?.[0]).toBe("number");
    await expect.poll(() => subscriberCount(admin(), link.channel), { timeout: 5_000 }).toBe(1);
    await admin().publish(`${ns}:other`, "not for this link");
    await admin().publish(link.channel, '{"v":1}');
    await eventually(() => events.length > 1, "the message arrives");
    expect(events).toEqual(["up", 'message:{"v":1}']);
    expect(recorded.warnings).toEqual([]);
  });

  it("unrefs both sockets: an idle link does not keep Node alive", async () => {
    const { link } = newLink();
    const before = sockets();
    link.start();
    await eventually(() => link.healthy, "the link reports Redis up");
    await expect.poll(() => subscriberCount(admin(), link.channel), { timeout: 5_000 }).toBe(1);
    expect(sockets()).toBe(before);
  });

  it("close() makes it unusable at once, reports nothing and stays closed", async () => {
    const recorded = newLink();
    const { link, client, subscriber } = recorded;
    link.start();
    await eventually(() => link.healthy, "the link reports Redis up");
    const ended = Promise.all([
      recorded.nextEvents(client, "end"),
      recorded.nextEvents(subscriber, "end"),
    ]);
    link.close();
    expect([link.usable, link.healthy]).toEqual([false, false]);
    await ended;
    link.start();
    expect([client.status, subscriber.status]).toEqual(["end", "end"]);
    const keys: [string, string] = ["k:state", "k:peers"];
    expect(await link.run("peakBreakerSync", keys, syncArgs(link.channel))).toBeUndefined();
    expect(recorded.events).toEqual(["up"]);
    expect(recorded.warnings).toEqual([]);
  });
});
