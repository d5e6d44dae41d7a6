import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { eventually } from "./test-support/eventually";
import { recordedLink, type RecordedLink } from "./test-support/recorded-link";
import { startRedisServer, type RedisServerProcess } from "./test-support/redis-server";

// The link's warnings when Redis refuses the login: one per outage, however often the link
// reconnects (every 20 ms here), and a refusal is reported even after a plain outage warning.
let server: RedisServerProcess;
const links: RecordedLink[] = [];

beforeAll(async () => {
  server = await startRedisServer(["--requirepass", "s3cret"]);
});
afterEach(async () => {
  await Promise.all(links.splice(0).map((l) => l.shut()));
});
afterAll(async () => {
  await server.kill();
});

const UNAVAILABLE = "Redis breaker store: Redis unavailable; breakers decide locally";
const REFUSED = "Redis breaker store: Redis refused the credentials; breakers decide locally";

const linkWithPassword = (password: string) => {
  const url = new URL(server.url);
  url.password = password;
  const recorded = recordedLink({ redis: url.href, namespace: randomUUID() });
  links.push(recorded);
  return recorded;
};

describe("RedisLink and a refused login", () => {
  it("warns once about a wrong password, however often the reconnection is refused", async () => {
    const recorded = linkWithPassword("wrong");
    const retried = recorded.nextEvents(recorded.client, "end", 4);
    recorded.link.start();
    await retried;
    expect(recorded.warnings.map((w) => w.message)).toEqual([REFUSED]);
    expect(String(recorded.warnings[0]?.context?.["hint"])).toContain("password");
    expect(String(recorded.warnings[0]?.context?.["error"])).toContain("WRONGPASS");
    expect([recorded.events, recorded.link.healthy]).toEqual([[], false]);
  });

  it("reports a refused login after an outage warning, then stays quiet", async () => {
    const recorded = linkWithPassword("wrong");
    await server.kill();
    try {
      recorded.link.start();
      await eventually(() => recorded.warnings.length > 0, "the outage warning");
      expect(recorded.warnings.map((w) => w.message)).toEqual([UNAVAILABLE]);
    } finally {
      await server.restart();
    }
    await eventually(() => recorded.warnings.length > 1, "the refused login is reported");
    await recorded.nextEvents(recorded.client, "end", 4);
    expect(recorded.warnings.map((w) => w.message)).toEqual([UNAVAILABLE, REFUSED]);
    expect(recorded.events).toEqual([]);
  });

  it("connects with the right password", async () => {
    const recorded = linkWithPassword("s3cret");
    recorded.link.start();
    await eventually(() => recorded.link.healthy, "the link reports Redis up");
    expect([recorded.events, recorded.warnings]).toEqual([["up"], []]);
  });
});
