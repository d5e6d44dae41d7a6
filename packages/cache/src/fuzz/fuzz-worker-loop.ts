import { parentPort } from "node:worker_threads";
import { isPeakTradeError } from "@peak/errors";

/** One finished case, as the worker reports it. */
export interface WorkerVerdict {
  id: number;
  outcome: "parsed" | "typed" | "untyped";
  detail?: string;
}

/**
 * Worker side of {@link runFuzzCases}: call it once in a worker entry file with a handler
 * that parses one payload (and throws on bad input). It warms up with `warm` first, then
 * answers `{ id, payload }` messages with `parsed`, `typed` (a `PeakTradeError`) or `untyped`.
 */
export const serveFuzzCases = async <P>(
  handler: (payload: P) => Promise<unknown>,
  warm?: () => Promise<unknown>,
): Promise<void> => {
  const port = parentPort;
  if (port === null) throw new Error("serveFuzzCases must run in a worker thread");
  await warm?.().catch(() => undefined);
  port.on("message", (message: { id: number; payload: P }) => {
    // A handler that throws synchronously is judged like one that rejects.
    Promise.resolve(message.payload)
      .then(handler)
      .then(
        () => port.postMessage({ id: message.id, outcome: "parsed" } satisfies WorkerVerdict),
        (error: unknown) => {
          const typed = isPeakTradeError(error);
          const detail = `${(error as Error)?.name}: ${String((error as Error)?.message).slice(0, 300)}`;
          port.postMessage({
            id: message.id,
            outcome: typed ? "typed" : "untyped",
            detail,
          } satisfies WorkerVerdict);
        },
      );
  });
  port.postMessage({ ready: true });
};
