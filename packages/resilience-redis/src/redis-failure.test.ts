import { describe, expect, it } from "vitest";
import { describeRedisFailure } from "./redis-failure";

describe("describeRedisFailure", () => {
  it.each([
    "NOAUTH Authentication required.",
    "WRONGPASS invalid username-password pair",
    "NOPERM",
  ])("reports %s as a refused login, with a hint on the credentials", (reply) => {
    const failure = describeRedisFailure(new Error(reply));
    expect(failure.kind).toBe("auth");
    expect(failure.message).toContain("refused the credentials");
    expect(failure.hint).toContain("password");
  });

  it.each([new Error("connect ECONNREFUSED 127.0.0.1:6379"), "Command timed out", 42])(
    "reports %s as an outage, with a hint that the store reconnects",
    (thrown) => {
      const failure = describeRedisFailure(thrown);
      expect(failure.kind).toBe("unavailable");
      expect(failure.message).toBe(
        "Redis breaker store: Redis unavailable; breakers decide locally",
      );
      expect(failure.hint).toBe(
        "Check that Redis is running and reachable; the store reconnects by itself",
      );
    },
  );

  it("does not take a word that only contains NOAUTH for a refused login", () => {
    expect(describeRedisFailure(new Error("XNOAUTHX")).kind).toBe("unavailable");
  });
});
