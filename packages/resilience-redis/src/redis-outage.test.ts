import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { TS_NODE_ARGS } from "./test-support/children";
import type { ChildMessage } from "./test-support/children";
import { useRedisFixture } from "./test-support/redis-fixture";

const fixture = useRedisFixture();

const connected = (value: boolean) => (m: ChildMessage) =>
  m.type === "reply" && m.connected === value;
const remoteOpen = (m: ChildMessage) =>
  m.type === "change" && m.to === "open" && m.reason === "remote";

describe("Redis outage", () => {
  it("keeps every process working locally while Redis is down, and rejoins after a restart", async () => {
    const server = fixture.server();
    const env = { REDIS_URL: server.url, NAMESPACE: randomUUID(), RECOVERY_MS: "300" };
    const children = [fixture.spawn(env), fixture.spawn(env), fixture.spawn(env)] as const;
    const [a, b, c] = children;
    await Promise.all(children.map((x) => x.waitFor((m) => m.type === "ready" && m.ok === true)));

    await server.kill();
    await Promise.all(children.map((x) => x.waitFor(connected(false))));
    expect(await a.call(true)).toMatchObject({ state: "closed", code: "PROVIDER" });
    expect(await a.call(true)).toMatchObject({ state: "open" });
    expect(await b.call(false)).toMatchObject({ ok: true, state: "closed" });
    expect(await c.call(false)).toMatchObject({ ok: true, state: "closed" });
    expect(a.messages.filter((m) => m.type === "log")).toHaveLength(1);

    await server.restart();
    await Promise.all(children.map((x) => x.waitFor(connected(true))));
    // a recovers locally, then b and c trip: the quorum opens a again, through Redis.
    await a.waitFor((m) => m.type === "change" && m.to === "half-open");
    expect(await a.call(false)).toMatchObject({ ok: true, state: "closed" });
    await b.call(true);
    await b.call(true);
    await c.call(true);
    await c.call(true);
    await a.waitFor(remoteOpen);
    expect(await a.call(false)).toMatchObject({ ok: false, code: "CIRCUIT_OPEN" });
    const logs = children.flatMap((x) => x.messages.filter((m) => m.type === "log"));
    expect(logs.map((m) => m.message)).toEqual(
      Array(3).fill("Redis breaker store: Redis unavailable; breakers decide locally"),
    );
  });

  const runExitChild = async (env: Record<string, string>) => {
    const child = spawn(
      process.execPath,
      [...TS_NODE_ARGS, fileURLToPath(new URL("./test-support/breaker-child.ts", import.meta.url))],
      { env: { ...process.env, NAMESPACE: randomUUID(), MODE: "exit", ...env } },
    );
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    const code = await new Promise((resolve) =>
      child.once("exit", (c, signal) => resolve(c ?? signal)),
    );
    clearTimeout(timer);
    return { code, output: output.trim() };
  };

  it("never keeps a process alive: a script that forgets close() still exits", async () => {
    expect(await runExitChild({ REDIS_URL: fixture.server().url })).toEqual({
      code: 0,
      output: "connected, open",
    });
  });

  it("keeps a script alive while it awaits ready(), which then answers false", async () => {
    const dead = "redis://127.0.0.1:1";
    expect(await runExitChild({ REDIS_URL: dead, READY_MS: "300" })).toEqual({
      code: 0,
      output: "not connected, open",
    });
  });
});
