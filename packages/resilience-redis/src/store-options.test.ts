import { ConfigError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { parseSharedState, SCHEMA_VERSION } from "./shared-state";
import { resolveStoreOptions } from "./store-options";

describe("resolveStoreOptions", () => {
  it("fills in the documented defaults", () => {
    const options = resolveStoreOptions({});
    expect(options).toMatchObject({
      redis: { host: "127.0.0.1", port: 6379 },
      namespace: "peak:breaker",
      quorum: 2,
      soloThreshold: 10,
      windowMs: 60_000,
      pollIntervalMs: 1_000,
      reconnectIntervalMs: 1_000,
      commandTimeoutMs: 500,
      keyTtlMs: 600_000,
    });
    expect(options.instanceId).not.toBe(resolveStoreOptions({}).instanceId);
  });

  it("reads host, port, credentials, database and TLS from a URL", () => {
    expect(resolveStoreOptions({ redis: "rediss://bot:p%40ss@10.0.0.5:6380/3" }).redis).toEqual({
      host: "10.0.0.5",
      port: 6380,
      username: "bot",
      password: "p@ss",
      db: 3,
      tls: {},
    });
  });

  it("names the bad option in a ConfigError with a hint", () => {
    const error = (() => {
      try {
        return resolveStoreOptions({ soloThreshold: 2.5 });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toMatchObject({ message: expect.stringContaining("`soloThreshold`") as unknown });
    expect((error as ConfigError).hint).toContain("2.5");
  });
});

describe("parseSharedState", () => {
  const valid = {
    v: SCHEMA_VERSION,
    name: "x",
    gen: 5,
    state: "open",
    until: 10,
    at: 1,
    by: "a",
    reason: "quorum",
    prober: "",
    deadline: 0,
  };

  it("accepts state of this schema version and reports absence", () => {
    expect(parseSharedState(JSON.stringify(valid))).toEqual({ kind: "state", state: valid });
    expect(parseSharedState(null)).toEqual({ kind: "none" });
    expect(parseSharedState("")).toEqual({ kind: "none" });
  });

  it("flags another version, malformed fields and non-JSON as foreign", () => {
    expect(parseSharedState(JSON.stringify({ ...valid, v: 2 }))).toEqual({
      kind: "foreign",
      version: 2,
    });
    expect(parseSharedState(JSON.stringify({ ...valid, state: "weird" })).kind).toBe("foreign");
    expect(parseSharedState("{not json").kind).toBe("foreign");
  });

  it("rejects an unknown option, naming it and suggesting the closest valid one", () => {
    let caught: unknown;
    try {
      resolveStoreOptions({ quorom: 3 } as never);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).message).toContain("`quorom`");
    expect((caught as ConfigError).hint).toBe("Did you mean `quorum`?");
  });
});
