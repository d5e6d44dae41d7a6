import { describe, expect, it } from "vitest";
import { configRefusal } from "./test-support/config-refusal";
import { redisOptions, resolveStoreOptions } from "./store-options";

const OWNER = "createRedisBreakerStore";

describe("redisOptions: the parts a URL leaves out", () => {
  it.each([
    ["redis://10.0.0.5", { host: "10.0.0.5", port: 6379 }],
    ["redis://10.0.0.5/", { host: "10.0.0.5", port: 6379 }],
    ["redis://10.0.0.5:6380/x", { host: "10.0.0.5", port: 6380 }],
    ["redis://:s3cret@10.0.0.5/0", { host: "10.0.0.5", port: 6379, password: "s3cret", db: 0 }],
    ["redis://bot@10.0.0.5", { host: "10.0.0.5", port: 6379, username: "bot" }],
  ])("reads %s as exactly %o", (url, expected) => {
    expect(redisOptions(url)).toEqual(expected);
  });

  it("passes ioredis options through as they are", () => {
    const options = { port: 7000, lazyConnect: true };
    expect(redisOptions(options)).toBe(options);
  });

  it.each([42, "http://10.0.0.5", "http://proxy/?to=redis://10.0.0.5", null])(
    "refuses %o, naming `redis` and the owner",
    (value) => {
      const error = configRefusal(() => redisOptions(value, "myStore"));
      expect(error.message).toBe(
        "myStore: `redis` must be a redis:// URL or an ioredis options object",
      );
      expect(error.context).toEqual({ option: "redis", owner: "myStore" });
    },
  );
});

describe("resolveStoreOptions: each bad option named", () => {
  it.each([
    ["quorum", { quorum: 2.5 }, "a positive integer"],
    ["windowMs", { windowMs: -1 }, "a positive finite number"],
    ["pollIntervalMs", { pollIntervalMs: 0 }, "a positive finite number"],
    ["reconnectIntervalMs", { reconnectIntervalMs: Number.NaN }, "a positive finite number"],
    ["commandTimeoutMs", { commandTimeoutMs: Infinity }, "a positive finite number"],
    ["keyTtlMs", { keyTtlMs: "1000" }, "a positive finite number"],
    ["instanceId", { instanceId: "a b" }, "a non-empty string of letters, digits"],
    // A number passes the pattern once turned to text ("42"); only the type check refuses it.
    ["instanceId", { instanceId: 42 }, "a non-empty string of letters, digits"],
    ["redis", { redis: "localhost:6379" }, "a redis:// URL"],
  ])("`%s`", (option, options, expected) => {
    const error = configRefusal(() => resolveStoreOptions(options as never));
    expect(error.message).toContain(`${OWNER}: \`${option}\` must be ${expected}`);
    expect(error.context).toEqual({ option, owner: OWNER });
  });

  it("shows a bad text value as JSON in the hint", () => {
    expect(configRefusal(() => resolveStoreOptions({ instanceId: "a b" })).hint).toBe(
      'Pass a valid `instanceId` (got "a b")',
    );
  });

  it("lists the valid options for an unknown one with no close match", () => {
    const error = configRefusal(() => resolveStoreOptions({ zzzzzzzzzz: 1 } as never));
    expect(error.hint).toMatch(/^Valid options: redis, namespace, quorum/);
    expect(error.context).toEqual({ option: "zzzzzzzzzz", owner: OWNER });
  });

  it("keeps a fractional time and a fractional threshold where no integer is needed", () => {
    expect(resolveStoreOptions({ windowMs: 1.5, commandTimeoutMs: 2.5 })).toMatchObject({
      windowMs: 1.5,
      commandTimeoutMs: 2.5,
    });
  });
});
