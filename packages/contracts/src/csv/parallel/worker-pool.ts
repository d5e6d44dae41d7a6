import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { PeakTradeError } from "@peak/errors";

type Reply<R> = { ok: true; result: R } | { ok: false; id: number; data: boolean; message: string };

const source = import.meta.url.endsWith(".ts");
const WORKER = new URL(source ? "./csv-worker.ts" : "./csv-worker.js", import.meta.url);
// From source (tests, tsx) the worker first registers the TypeScript loader.
const start = (): Worker =>
  source
    ? new Worker(
        `import("tsx/esm/api").then((t) => { t.register(); return import(${JSON.stringify(WORKER.href)}); });`,
        { eval: true, execArgv: ["--conditions=@peak/source"] },
      )
    : new Worker(WORKER);

/** Thrown when a worker stopped without an answer (crashed, killed, out of memory). */
const crashed = (why: string) =>
  new PeakTradeError(`A CSV reader worker stopped: ${why}`, {
    hint: "Retry; if it persists, the machine may be short of memory (PEAK_CSV_WORKERS=1 reads on one thread)",
    context: { worker: WORKER.pathname },
  });

/** How many workers to use: `PEAK_CSV_WORKERS`, else `fallback` (the machine's parallelism). */
export const workerCount = (fallback = availableParallelism()): number => {
  const env = Number(process.env.PEAK_CSV_WORKERS);
  return Number.isSafeInteger(env) && env > 0 ? env : fallback;
};

/**
 * Runs `jobs` on up to `size` threads, at most `2 × size` results ahead of the one `take`
 * consumes next (so memory stays bounded), and hands results to `take` in job order. With
 * `local`, this thread is one of the `size` and runs jobs itself between messages (one
 * worker fewer: less memory for the same speed). Resolves false as soon as a worker reports
 * a data error (the caller re-reads on one thread). Always terminates its workers; a worker
 * that dies rejects with a PeakTradeError.
 */
export const runPool = <J extends { id: number }, R extends { id: number }>(
  jobs: J[],
  size: number,
  take: (result: R) => void,
  local?: (job: J) => R,
): Promise<boolean> => {
  const workers: Worker[] = [];
  const done = new Map<number, R>();
  let next = 0;
  let wanted = 0;
  let over = false;
  return new Promise<boolean>((resolve, reject) => {
    const settle = (fn: () => void) => {
      over = true;
      for (const w of workers) void w.terminate();
      workers.length = 0;
      fn();
    };
    const room = () => next < jobs.length && next - wanted < size * 2;
    const feed = (w: Worker) => {
      if (room()) w.postMessage(jobs[next++]);
      else idle.push(w);
    };
    const idle: Worker[] = [];
    // Stryker disable next-line ConditionalExpression,EqualityOperator: runLocal sets it before any reply can read it
    let localIdle = local !== undefined;
    const accept = (result: R): boolean => {
      done.set(result.id, result);
      try {
        for (let r = done.get(wanted); r !== undefined; r = done.get(wanted)) {
          done.delete(wanted++);
          take(r);
        }
      } catch (error) {
        settle(() => reject(error instanceof Error ? error : new Error(String(error))));
        return false;
      }
      if (wanted === jobs.length) settle(() => resolve(true));
      return !over;
    };
    const runLocal = () => {
      localIdle = false;
      if (over || local === undefined) return;
      if (!room()) return void (localIdle = true);
      const job = jobs[next++] as J;
      let result: R;
      try {
        result = local(job);
      } catch (error) {
        return settle(() => reject(error instanceof Error ? error : new Error(String(error))));
      }
      if (accept(result)) setImmediate(runLocal);
    };
    const onReply = (w: Worker, reply: Reply<R>) => {
      if (!reply.ok)
        return settle(() => (reply.data ? resolve(false) : reject(crashed(reply.message))));
      if (!accept(reply.result)) return;
      feed(w);
      while (idle.length > 0 && room()) feed(idle.pop() as Worker);
      if (localIdle && room()) runLocal();
    };
    const threads = local === undefined ? size : size - 1;
    for (let k = 0; k < Math.min(threads, jobs.length); k++) {
      const w = start();
      workers.push(w);
      w.on("message", (reply: Reply<R>) => onReply(w, reply));
      w.on("error", (error) => settle(() => reject(crashed(String(error)))));
      w.on("exit", (code) => {
        if (workers.includes(w)) settle(() => reject(crashed(`exit code ${code}`)));
      });
      feed(w);
    }
    if (local !== undefined) setImmediate(runLocal);
  });
};
