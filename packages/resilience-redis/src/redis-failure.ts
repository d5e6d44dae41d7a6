/** How the store reports a Redis failure in its one warning per outage. */
export interface RedisFailure {
  readonly kind: "auth" | "unavailable";
  readonly message: string;
  readonly hint: string;
}

// Redis's replies for a missing password, a wrong one, or an ACL user without permission.
const AUTH_ERROR = /\b(NOAUTH|WRONGPASS|NOPERM)\b/;

/**
 * Tells a refused login (NOAUTH/WRONGPASS/NOPERM: retrying will not help until the
 * configuration changes) from an outage (unreachable or too slow: it may come back).
 */
export const describeRedisFailure = (error: unknown): RedisFailure => {
  const text = error instanceof Error ? error.message : String(error);
  return AUTH_ERROR.test(text)
    ? {
        kind: "auth",
        message: "Redis breaker store: Redis refused the credentials; breakers decide locally",
        hint: "Set the password (and ACL user) in `redis`, e.g. redis://user:password@host:6379, or ioredis `{ username, password }`",
      }
    : {
        kind: "unavailable",
        message: "Redis breaker store: Redis unavailable; breakers decide locally",
        hint: "Check that Redis is running and reachable; the store reconnects by itself",
      };
};
