import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

const CHILD = fileURLToPath(new URL("./breaker-child.ts", import.meta.url));
const PACKAGE_DIR = fileURLToPath(new URL("../..", import.meta.url));

/** A reply or event sent by a breaker child. */
export interface ChildMessage {
  type: "ready" | "reply" | "change" | "log";
  id?: number;
  ok?: boolean;
  code?: string | null;
  state?: string;
  connected?: boolean;
  from?: string;
  to?: string;
  reason?: string;
  message?: string;
}

/** A breaker worker process driven over IPC. */
export interface BreakerChild {
  readonly messages: ChildMessage[];
  call(fail: boolean): Promise<ChildMessage>;
  status(): Promise<ChildMessage>;
  /** Polls until `predicate` holds for the status (or a seen message), or throws after `ms`. */
  waitFor(predicate: (m: ChildMessage) => boolean, ms?: number): Promise<ChildMessage>;
  kill(): Promise<void>;
}

/** The arguments that run a TypeScript file from source in a child Node. */
export const TS_NODE_ARGS = ["--conditions=@peak/source", "--import", "tsx"];

/** Spawns `node --conditions=@peak/source --import tsx breaker-child.ts` with `env`. */
export const spawnChild = (env: Record<string, string>): BreakerChild => {
  const child: ChildProcess = spawn(process.execPath, [...TS_NODE_ARGS, CHILD], {
    cwd: PACKAGE_DIR,
    env: { ...process.env, ...env },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const messages: ChildMessage[] = [];
  const pending = new Map<number, (m: ChildMessage) => void>();
  let next = 0;
  child.on("message", (m: ChildMessage) => {
    messages.push(m);
    if (m.type === "reply" && m.id !== undefined) pending.get(m.id)?.(m);
  });
  const request = (cmd: string, fail = false): Promise<ChildMessage> =>
    new Promise((resolve, reject) => {
      const id = (next += 1);
      const timer = setTimeout(() => reject(new Error(`child did not answer ${cmd}`)), 10_000);
      pending.set(id, (m) => {
        clearTimeout(timer);
        pending.delete(id);
        resolve(m);
      });
      child.send({ id, cmd, fail });
    });
  const status = () => request("state");
  return {
    messages,
    call: (fail) => request("call", fail),
    status,
    async waitFor(predicate, ms = 10_000) {
      const end = Date.now() + ms;
      while (Date.now() < end) {
        const seen = messages.find((m) => m.type !== "reply" && predicate(m));
        if (seen !== undefined) return seen;
        const current = await status();
        if (predicate(current)) return current;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      throw new Error(`child: condition not met within ${ms} ms; seen ${JSON.stringify(messages)}`);
    },
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGKILL");
      await exited;
    },
  };
};
