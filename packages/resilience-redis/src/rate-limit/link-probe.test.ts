import { afterEach, describe, expect, it, vi } from "vitest";
import { eventually } from "../test-support/eventually";
import { oneTake, recordingLogger } from "../test-support/rate-limit-harness";
import { RateLimitLink } from "./rate-limit-link";
import { resolveRateLimitOptions } from "./rate-limit-options";
import { useRedisServer } from "../test-support/redis-admin";

// A slow Redis on a live connection: a command past its deadline marks the link down, and a
// PING probe (every reconnectIntervalMs) brings it back. The deadlines and the probe run on the
// virtual clock (ioredis's commandTimeout is a setTimeout too): a command "times out" when the
// clock is moved past its deadline before its reply is read.
const { admin, url } = useRedisServer();
const DEADLINE = 100;
const PROBE = 1_000;
let link: RateLimitLink | undefined;
afterEach(() => {
  vi.useRealTimers();
  link?.close();
});

const pings = async (): Promise<number> => {
  const stats = await admin().info("commandstats");
  return Number(/cmdstat_ping:calls=(\d+)/.exec(stats)?.[1] ?? 0);
};
/** A connected link whose timers (and ioredis's command deadlines) then run on the virtual clock. */
const slowLink = async () => {
  let ups = 0;
  const options = resolveRateLimitOptions({
    url: url(),
    prefix: "p",
    commandTimeoutMs: DEADLINE,
    reconnectIntervalMs: PROBE,
    logger: recordingLogger().logger,
  });
  const opened = new RateLimitLink(options, () => (ups += 1));
  link = opened;
  await eventually(() => opened.healthy, "the link connects");
  await admin().config("RESETSTAT");
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
  return { link: opened, ups: () => ups };
};
/** One take whose reply comes after its deadline: resolves undefined and marks the link down. */
const lateTake = async (l: RateLimitLink) => {
  const pending = l.run("p:{k}:log", oneTake());
  vi.advanceTimersByTime(DEADLINE);
  expect(await pending).toBeUndefined();
  expect(l.healthy).toBe(false);
};

describe("the rate-limit link's probe of a slow Redis (virtual clock)", () => {
  it("a command past its deadline marks the link down; the probe's PING marks it up again", async () => {
    const { link: l, ups } = await slowLink();
    await lateTake(l);
    vi.advanceTimersByTime(PROBE - 1);
    expect(await pings()).toBe(0);
    vi.advanceTimersByTime(1);
    vi.useRealTimers();
    await eventually(() => l.healthy, "the probe's PING answers");
    expect(ups()).toBe(2);
    expect(await pings()).toBe(1);
  });

  it("sends no PING when Redis answered a take before the probe was due", async () => {
    const { link: l, ups } = await slowLink();
    await lateTake(l);
    expect(await l.run("p:{k}:log", oneTake())).toEqual([expect.any(Number), 1]);
    expect(l.healthy).toBe(true);
    expect(ups()).toBe(2);
    vi.advanceTimersByTime(PROBE);
    // The link's own connection: whatever the probe sent is served before this take.
    await l.run("p:{k}:log", oneTake());
    expect(await pings()).toBe(0);
  });

  it("a second late command does not postpone a probe already due", async () => {
    const { link: l } = await slowLink();
    await lateTake(l);
    vi.advanceTimersByTime(PROBE / 2);
    await lateTake(l);
    // Due PROBE after the first failure, not after the second.
    vi.advanceTimersByTime(PROBE / 2 - DEADLINE);
    vi.useRealTimers();
    await eventually(() => l.healthy, "the probe's PING answers");
  });

  it("probes again when the PING itself misses the deadline", async () => {
    const { link: l } = await slowLink();
    await lateTake(l);
    vi.advanceTimersByTime(PROBE);
    // The PING is sent; its reply is not read before the clock passes its deadline.
    vi.advanceTimersByTime(DEADLINE);
    expect(l.healthy).toBe(false);
    vi.advanceTimersByTime(PROBE);
    vi.useRealTimers();
    await eventually(() => l.healthy, "the second PING answers");
    expect(await pings()).toBe(2);
  });
});
