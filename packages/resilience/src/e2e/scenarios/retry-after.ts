import { ProviderError } from "@peak/errors";
import { parseRetryAfter } from "../../retry/parse-retry-after";
import { retryWithBackoff } from "../../retry/retry";
import { startServer } from "./local-server";

/** Point 3: a real `Retry-After: 1` is either waited in full or answered by giving up at once. */
export const retryAfter = async (): Promise<unknown> => {
  let requests = 0;
  const server = await startServer((_, res) => {
    requests += 1;
    if (requests % 2 === 1) res.writeHead(429, { "retry-after": "1" }).end();
    else res.end("ok");
  });
  const call = async ({ signal }: { signal: AbortSignal }): Promise<string> => {
    const res = await fetch(server.url, { signal });
    if (res.status !== 429) return res.text();
    const retryAfterMs = parseRetryAfter(res.headers.get("retry-after"));
    throw new ProviderError("HTTP 429", { retryAfterMs });
  };
  const impatient = retryWithBackoff({ baseDelayMs: 10, maxDelayMs: 100 });
  const startedAt = Date.now();
  const gaveUp = (await impatient.execute(call).catch((e: unknown) => e)) as { reason: string };
  const gaveUpAfterMs = Date.now() - startedAt;
  requests = 0;
  const patient = retryWithBackoff({ baseDelayMs: 10, maxDelayMs: 100, maxRetryAfterMs: 5_000 });
  const before = Date.now();
  const body = await patient.execute(call);
  const waitedMs = Date.now() - before;
  await server.close();
  return {
    reason: gaveUp.reason,
    gaveUpSoon: gaveUpAfterMs < 1_000,
    body,
    waitedFull: waitedMs >= 1_000,
  };
};
