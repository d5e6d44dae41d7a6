import { retryWithBackoff } from "../../retry/retry";
import { startServer } from "./local-server";

/** Point 2: a reset connection and a refused one are retried by default, with real fetch. */
export const networkErrors = async (): Promise<unknown> => {
  let connections = 0;
  const server = await startServer(
    (_, res) => res.end("ok"),
    (socket) => {
      if (connections++ < 2) socket.resetAndDestroy();
    },
  );
  const retry = retryWithBackoff({ baseDelayMs: 10, maxAttempts: 3 });
  const attempts: number[] = [];
  const body = await retry.execute(async ({ signal, attempt }) => {
    attempts.push(attempt);
    const res = await fetch(server.url, { signal });
    return res.text();
  });
  await server.close();
  const refused = (await retry
    .execute(({ signal }) => fetch(server.url, { signal }))
    .catch((error: unknown) => error)) as { reason: string; attempts: number };
  return { body, attempts, refused: { reason: refused.reason, attempts: refused.attempts } };
};
