import type { Redis } from "ioredis";

/** The script calls (EVAL or EVALSHA) Redis has served since its stats were last reset. */
export const scriptCallCount = async (admin: Redis): Promise<number> => {
  const stats = await admin.info("commandstats");
  const calls = [...stats.matchAll(/cmdstat_(?:eval|evalsha):calls=(\d+)/g)];
  return calls.reduce((sum, m) => sum + Number(m[1]), 0);
};
