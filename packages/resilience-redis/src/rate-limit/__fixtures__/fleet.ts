import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { TS_NODE_ARGS } from "../../test-support/children";

const CHILD = fileURLToPath(new URL("./rate-child.ts", import.meta.url));
const PACKAGE_DIR = fileURLToPath(new URL("../../..", import.meta.url));

/** What one fleet worker reports when its run ends. */
export interface WorkerReport {
  admitted: { t: number; at: number; w: number; mode: string }[];
  slowestTakeMs: number;
  modes: string[];
  finalMode: string;
}

/** A running fleet worker: `ready` once its store answered, `done` with its report. */
export interface FleetWorker {
  ready: Promise<void>;
  done: Promise<WorkerReport>;
}

/** Starts one `rate-child.ts` worker process with `env`; killed by the caller's timeout at worst. */
export const startWorker = (env: Record<string, string>): FleetWorker => {
  const child = spawn(process.execPath, [...TS_NODE_ARGS, CHILD], {
    cwd: PACKAGE_DIR,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit", "ipc"],
  });
  let out = "";
  child.stdout!.on("data", (chunk: Buffer) => (out += chunk.toString()));
  const kill = setTimeout(() => child.kill("SIGKILL"), 60_000);
  kill.unref();
  return {
    ready: new Promise((resolve) => child.once("message", () => resolve())),
    done: new Promise((resolve, reject) =>
      child.once("exit", (code) => {
        clearTimeout(kill);
        if (code !== 0) reject(new Error(`worker exited with ${code}: ${out}`));
        else resolve(JSON.parse(out.trim().split("\n").pop() ?? "{}") as WorkerReport);
      }),
    ),
  };
};
