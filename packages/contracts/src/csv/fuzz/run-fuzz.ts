import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

/** How a fuzz run ended: counts per outcome, and the seeds of the cases that failed. */
export interface FuzzCounts {
  cases: number;
  parsed: number;
  typed: number;
  untyped: number;
  timeouts: number;
  crashes: number;
  failures: { seed: number; outcome: string; detail: string }[];
}

const CHILD = fileURLToPath(new URL("./fuzz-child.ts", import.meta.url));
const PACKAGE_DIR = fileURLToPath(new URL("../../..", import.meta.url));

/**
 * Runs `cases` seeded CSV fuzz cases (seeds `firstSeed`…) in a child process with a
 * `heapMb` heap cap; each case has `deadlineMs` to end with a table/report or a
 * PeakTradeError, else the child is killed (a timeout or a crash) and a fresh one takes over.
 */
export const runCsvFuzz = async (
  cases: number,
  { firstSeed = 1, deadlineMs = 2000, heapMb = 128 } = {},
): Promise<FuzzCounts> => {
  const counts: FuzzCounts = {
    cases,
    parsed: 0,
    typed: 0,
    untyped: 0,
    timeouts: 0,
    crashes: 0,
    failures: [],
  };
  let child: ChildProcess | undefined;
  const spawn = () =>
    fork(CHILD, [], {
      cwd: PACKAGE_DIR,
      execArgv: [`--max-old-space-size=${heapMb}`, "--conditions=@peak/source", "--import", "tsx"],
      stdio: ["ignore", "ignore", "pipe", "ipc"],
    });
  const runOne = (seed: number) =>
    new Promise<{ outcome: string; detail: string }>((resolve) => {
      const c = (child ??= spawn());
      const done = (outcome: string, detail: string) => {
        clearTimeout(timer);
        c.off("message", onMessage);
        c.off("exit", onExit);
        if (outcome === "timeout" || outcome === "crash") {
          c.kill("SIGKILL");
          child = undefined;
        }
        resolve({ outcome, detail });
      };
      const onMessage = (m: { outcome: string; detail: string }) => done(m.outcome, m.detail);
      const onExit = (code: number | null) => done("crash", `child exited with ${String(code)}`);
      // The first case also pays for the child's start-up.
      const timer = setTimeout(
        () => done("timeout", ""),
        deadlineMs + (c.connected && seed !== firstSeed ? 0 : 15_000),
      );
      c.on("message", onMessage);
      c.on("exit", onExit);
      c.send(seed);
    });
  try {
    for (let seed = firstSeed; seed < firstSeed + cases; seed++) {
      const { outcome, detail } = await runOne(seed);
      if (outcome === "parsed") counts.parsed++;
      else if (outcome === "typed") counts.typed++;
      else {
        if (outcome === "untyped") counts.untyped++;
        else if (outcome === "timeout") counts.timeouts++;
        else counts.crashes++;
        counts.failures.push({ seed, outcome, detail: detail.slice(0, 500) });
      }
    }
  } finally {
    child?.kill();
  }
  return counts;
};
