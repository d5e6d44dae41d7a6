import type { Redis } from "ioredis";

/**
 * How many clients are subscribed to `channel` (`PUBSUB NUMSUB`). A message published before a
 * subscriber's SUBSCRIBE lands is lost, so tests wait for this before they publish.
 */
export const subscriberCount = async (admin: Redis, channel: string): Promise<number> => {
  const reply = (await admin.call("PUBSUB", "NUMSUB", channel)) as [string, number];
  return Number(reply[1]);
};
