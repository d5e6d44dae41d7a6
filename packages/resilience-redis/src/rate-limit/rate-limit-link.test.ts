import { afterEach, describe, expect, it } from "vitest";
import { eventually } from "../test-support/eventually";
import { linkClient, nextEnd, oneTake, recordingLogger } from "../test-support/rate-limit-harness";
import { RateLimitLink } from "./rate-limit-link";
import { resolveRateLimitOptions, type RedisRateLimitStoreOptions } from "./rate-limit-options";
import { useRedisServer } from "../test-support/redis-admin";

// The rate-limit store's one connection, in this process: up/down state, what it logs, and
// what it sends (a client killed by CLIENT KILL, a login Redis starts to refuse, a paused Redis).
const { admin, url } = useRedisServer();
let links: RateLimitLink[] = [];
afterEach(() => {
  links.forEach((l) => l.close());
  links = [];
});

const OUTAGE =
  "Redis rate-limit store: Redis unavailable; admitting from this process's insurance share";
const AUTH =
  "Redis rate-limit store: authentication failed; admitting from this process's insurance share";

const open = (options: RedisRateLimitStoreOptions = {}) => {
  const log = recordingLogger();
  let ups = 0;
  const resolved = resolveRateLimitOptions({
    url: url(),
    prefix: "p",
    logger: log.logger,
    ...options,
  });
  const link = new RateLimitLink(resolved, () => {
    ups += 1;
  });
  links.push(link);
  return { link, log, ups: () => ups };
};
const up = async (options: RedisRateLimitStoreOptions = {}) => {
  const opened = open(options);
  await eventually(() => opened.link.healthy, "the link connects");
  return opened;
};
/** Kills every connection but the admin's (the link's, here). */
const dropConnections = () => admin().client("KILL", "TYPE", "normal", "SKIPME", "yes");
const tcpHandles = () => process.getActiveResourcesInfo().filter((r) => r === "TCPSocketWrap");

describe("RateLimitLink", () => {
  it("is up once Redis answers: healthy, everUp, no problem, one onUp, and its socket keeps Node alive no longer", async () => {
    const before = tcpHandles().length;
    const { link, ups, log } = open();
    expect(link.connecting).toBe(true);
    await eventually(() => link.healthy, "the link connects");
    expect(link).toMatchObject({ healthy: true, everUp: true, problem: undefined });
    expect(link.connecting).toBe(false);
    expect(ups()).toBe(1);
    expect(tcpHandles()).toHaveLength(before);
    // One take of weight 1 under a cap of 10: Redis time, then one take admitted at once.
    const reply = await link.run("p:{k}:log", oneTake());
    expect(reply).toEqual([expect.any(Number), 1]);
    // Already up: an answer is no new "up".
    expect(ups()).toBe(1);
    expect(log.warnings).toEqual([]);
  });

  it("sends nothing before the connection is ready and reports no problem for it", async () => {
    const { link, log } = open();
    expect(await link.run("p:{k}:log", oneTake())).toBeUndefined();
    expect(link.problem).toBeUndefined();
    expect(log.warnings).toEqual([]);
    await eventually(() => link.healthy, "the link connects");
  });

  it("is still connecting while Redis holds the handshake (CLIENT PAUSE), then up", async () => {
    await admin().call("CLIENT", "PAUSE", "600", "ALL");
    const { link } = open({ commandTimeoutMs: 5_000 });
    // Connected at TCP level but not ready: ioredis's status is "connect" for ~600 ms.
    await eventually(() => !link.connecting, "the link stops connecting");
    expect(link.healthy).toBe(true);
  });

  it("close(): down at once, no longer connecting, runs nothing, and says nothing when the connection ends", async () => {
    const { link, log } = await up();
    const ended = nextEnd(link);
    link.close();
    expect(link.healthy).toBe(false);
    expect(link.connecting).toBe(false);
    expect(await link.run("p:{k}:log", oneTake())).toBeUndefined();
    await ended;
    expect(log.warnings).toEqual([]);
    expect(link.problem).toBeUndefined();
  });

  it("a dropped connection: down with one warning (prefix, error, hint), reconnects by itself, logs the rejoin", async () => {
    const { link, log, ups } = await up({ reconnectIntervalMs: 20, prefix: "px" });
    await dropConnections();
    await eventually(() => ups() === 2, "the link reconnects");
    expect(link).toMatchObject({ healthy: true, everUp: true, problem: undefined });
    expect(log.warnings).toEqual([
      {
        message: OUTAGE,
        context: {
          prefix: "px",
          error: "connection closed",
          hint: "Calls go on within limit / fleetSize per process; the store rejoins when Redis answers",
        },
      },
    ]);
    expect(log.infos.map((l) => l.message)).toEqual(["Redis rate-limit store rejoined Redis"]);
  });

  it("while down, names the problem: the first error's message, kind outage", async () => {
    const { link } = await up({ reconnectIntervalMs: 60_000 });
    const ended = nextEnd(link);
    await dropConnections();
    await ended;
    expect(link.healthy).toBe(false);
    expect(link.problem).toEqual({ kind: "outage", message: "connection closed" });
  });

  it("rejoins with a logger that has no info()", async () => {
    const { logger } = recordingLogger();
    const { link, ups } = await up({ reconnectIntervalMs: 20, logger: { warn: logger.warn } });
    await dropConnections();
    await eventually(() => ups() === 2, "the link reconnects");
    expect(link.healthy).toBe(true);
  });

  it("an outage that turns into refused logins: one outage warning, then one authentication warning", async () => {
    const { link, log } = await up({ reconnectIntervalMs: 20 });
    let ends = 0;
    linkClient(link).on("end", () => (ends += 1));
    await admin().config("SET", "requirepass", "s3cret");
    try {
      await dropConnections();
      await eventually(() => link.problem?.kind === "auth", "the link reports the refused login");
      const seen = ends;
      // Several more refused logins (one per reconnection attempt) change nothing.
      await eventually(() => ends >= seen + 3, "the link tries again");
      expect(log.warnings.map((w) => w.message)).toEqual([OUTAGE, AUTH]);
      expect(log.warnings[1]?.context).toMatchObject({
        prefix: "p",
        error: expect.stringContaining("NOAUTH"),
        hint: "Check the password (and user) in the Redis URL or the `redis` options",
      });
      expect(link.problem?.message).toContain("NOAUTH");
    } finally {
      await admin().config("SET", "requirepass", "");
    }
  });
});
