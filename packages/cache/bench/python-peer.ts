// Drives bench/pandas_peer.py (one long-lived process) for side-by-side rounds.
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

/** A pandas peer that reports its own elapsed milliseconds per command. */
export interface PythonPeer {
  write(path: string, rows: number, seed: number): Promise<number>;
  read(path: string): Promise<number>;
  close(): void;
}

/** Starts the peer with `python` (a Python with pandas and pyarrow), or undefined without one. */
export const startPythonPeer = (python: string | undefined): PythonPeer | undefined => {
  if (python === undefined || python === "") return undefined;
  const script = fileURLToPath(new URL("./pandas_peer.py", import.meta.url));
  const child = spawn(python, [script], { stdio: ["pipe", "pipe", "inherit"] });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const ask = async (line: string) => {
    child.stdin.write(`${line}\n`);
    const reply = await lines.next();
    if (reply.done === true) throw new Error("the pandas peer exited");
    return (JSON.parse(reply.value) as { ms: number }).ms;
  };
  return {
    write: (path, rows, seed) => ask(`write ${path} ${rows} ${seed}`),
    read: (path) => ask(`read ${path}`),
    close: () => child.stdin.end(),
  };
};
