import { Worker } from "node:worker_threads";
import type { WorkerVerdict } from "./fuzz-worker-loop";

/** How one case ended. `timeout` and `crash` (out of memory, worker died) fail the run. */
export type FuzzOutcome = WorkerVerdict["outcome"] | "timeout" | "crash";

/** Options of {@link runFuzzCases}. */
export interface FuzzRunOptions<P> {
  /** A bundled JavaScript worker entry that calls `serveFuzzCases`. */
  workerFile: string;
  /** The payloads, one per case (sent with structured clone). */
  cases: Iterable<P>;
  /** Per-case deadline. @defaultValue 2000 */
  deadlineMs?: number;
  /** Worker heap cap (`resourceLimits.maxOldGenerationSizeMb`). @defaultValue 256 */
  memoryMb?: number;
  /** Called for every case that did not end `parsed` or `typed`. */
  onBad?: (index: number, outcome: FuzzOutcome, detail: string | undefined) => void;
}

/** Counts per outcome after a run. */
export type FuzzCounts = Record<FuzzOutcome, number> & { cases: number };

const start = (file: string, memoryMb: number) =>
  new Promise<Worker>((resolve, reject) => {
    const worker = new Worker(file, {
      resourceLimits: { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: 32 },
      stdout: true,
      stderr: true,
    });
    worker.once("message", () => resolve(worker));
    worker.once("error", reject);
  });

/**
 * Runs each case in a worker thread with a heap cap and a deadline; a worker that hangs,
 * runs out of memory or dies is replaced and the case is counted as `timeout` / `crash`.
 * Reusable by any parser: write a worker entry with `serveFuzzCases(parse)`, bundle it, and
 * pass its path with your payloads.
 *
 * @example
 * ```ts
 * const counts = await runFuzzCases({ workerFile, cases: payloads, deadlineMs: 2000 });
 * // counts: { cases, parsed, typed, untyped, timeout, crash }
 * ```
 */
export const runFuzzCases = async <P>(options: FuzzRunOptions<P>): Promise<FuzzCounts> => {
  const { workerFile, deadlineMs = 2_000, memoryMb = 256 } = options;
  const counts: FuzzCounts = { cases: 0, parsed: 0, typed: 0, untyped: 0, timeout: 0, crash: 0 };
  let worker = await start(workerFile, memoryMb);
  let index = 0;
  for (const payload of options.cases) {
    const id = index++;
    const verdict = await new Promise<{ outcome: FuzzOutcome; detail?: string }>((resolve) => {
      const timer = setTimeout(() => finish({ outcome: "timeout" }), deadlineMs);
      const onMessage = (m: WorkerVerdict) => {
        if (m.id === id) finish(m.detail === undefined ? { outcome: m.outcome } : m);
      };
      const onError = (error: Error) => finish({ outcome: "crash", detail: String(error) });
      const onExit = (code: number) => finish({ outcome: "crash", detail: `exit ${code}` });
      function finish(result: { outcome: FuzzOutcome; detail?: string }) {
        clearTimeout(timer);
        worker.off("message", onMessage).off("error", onError).off("exit", onExit);
        resolve(result);
      }
      worker.on("message", onMessage).on("error", onError).on("exit", onExit);
      worker.postMessage({ id, payload });
    });
    counts.cases += 1;
    counts[verdict.outcome] += 1;
    if (verdict.outcome === "timeout" || verdict.outcome === "crash") {
      await worker.terminate();
      worker = await start(workerFile, memoryMb);
    }
    if (verdict.outcome !== "parsed" && verdict.outcome !== "typed") {
      options.onBad?.(id, verdict.outcome, verdict.detail);
    }
  }
  await worker.terminate();
  return counts;
};
