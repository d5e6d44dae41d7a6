import { timeout } from "../../timeout/timeout";
import { wait } from "./wait";

/** Point 4: with real timers, cooperative waits for the call; aggressive does not. */
export const timeoutModes = async (): Promise<unknown> => {
  const order: string[] = [];
  const post = (label: string) => async () => {
    await wait(80);
    order.push(`${label} executed`);
    return label;
  };
  const cooperative = await timeout(20).execute(post("cooperative"));
  order.push(`cooperative returned ${cooperative}`);
  const aggressive = await timeout(20, { mode: "aggressive" })
    .execute(post("aggressive"))
    .catch((e: unknown) => (e as Error).name);
  order.push(`aggressive returned ${aggressive}`);
  await wait(100);
  return order;
};
