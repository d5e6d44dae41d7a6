import { afterEach, describe, expect, it } from "vitest";
import { eventually } from "../test-support/eventually";
import { linkClient, oneTake, recordingLogger } from "../test-support/rate-limit-harness";
import { useRedisServer } from "../test-support/redis-admin";
import { RateLimitLink } from "./rate-limit-link";
import { resolveRateLimitOptions } from "./rate-limit-options";

// The command deadline blames Redis, not this process: a reply that reached the socket while
// the process was busy (here a synchronous busy loop, as a long computation or a GC pause
// would be) counts, but a Redis that does not answer still fails the take at the deadline.
const { admin, url } = useRedisServer();
const DEADLINE = 50;
const KEY = "p:{stall}:log";
let link: RateLimitLink | undefined;
afterEach(async () => {
  link?.close();
  await admin().call("CLIENT", "UNPAUSE");
  await admin().flushall();
});

/**
 * Sends one take from a check-phase callback and keeps the event loop busy for `ms` right after:
 * the loop's next turn runs its expired timers before it reads the socket, as after any long
 * synchronous task or a CPU-starved moment.
 */
const takeThenBusy = (l: RateLimitLink, weight: number, ms: number) =>
  new Promise<Promise<unknown>>((resolve) => {
    setImmediate(() => {
      const pending = l.run(KEY, oneTake(weight));
      const end = performance.now() + ms;
      while (performance.now() < end) {
        // a synchronous task that keeps the event loop from reading the socket
      }
      resolve(pending);
    });
  });
const openLink = async () => {
  const log = recordingLogger();
  const options = resolveRateLimitOptions({
    url: url(),
    prefix: "p",
    commandTimeoutMs: DEADLINE,
    logger: log.logger,
  });
  const opened = new RateLimitLink(options, () => undefined);
  link = opened;
  await eventually(() => opened.healthy, "the link connects");
  return { link: opened, warnings: log.warnings };
};

describe("the rate-limit link's command deadline", () => {
  it("counts a reply that arrived while this process was busy past the deadline", async () => {
    const { link: l, warnings } = await openLink();
    const pending = await takeThenBusy(l, 3, DEADLINE * 10);
    expect(await pending).toEqual([expect.any(Number), 1]);
    expect(l.healthy).toBe(true);
    expect(warnings).toEqual([]);
    // Counted once in Redis: the weight is the key's whole sum.
    expect(await admin().hget(KEY, "sum")).toBe("3");
  });

  it("still fails a take at the deadline when Redis does not answer, busy or not", async () => {
    const { link: l, warnings } = await openLink();
    await admin().call("CLIENT", "PAUSE", "30000", "WRITE");
    const pending = await takeThenBusy(l, 1, DEADLINE * 4);
    // Resolved while Redis is still paused (the afterEach unpauses it).
    expect(await pending).toBeUndefined();
    expect(l.healthy).toBe(false);
    expect(warnings.map((w) => w.message)).toEqual([
      "Redis rate-limit store: Redis unavailable; admitting from this process's insurance share",
    ]);
    expect(warnings[0]?.context?.["error"]).toBe(`Command timed out after ${DEADLINE} ms`);
  });

  it("leaves ioredis's own timeout far behind: 60 s, or 4 × commandTimeoutMs when longer", () => {
    for (const [commandTimeoutMs, backstop] of [
      [DEADLINE, 60_000],
      [20_000, 80_000],
    ] as const) {
      const options = resolveRateLimitOptions({ url: url(), commandTimeoutMs });
      const opened = new RateLimitLink(options, () => undefined);
      opened.close();
      expect(linkClient(opened).options.commandTimeout).toBe(backstop);
    }
  });
});
