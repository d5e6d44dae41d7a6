// Loads the first `rows` values of each raw float64 column file written by inputs.mjs.
import { closeSync, openSync, readSync } from "node:fs";
import { join } from "node:path";

export const COLUMNS = ["timestamp", "open", "high", "low", "close", "volume"];

export const loadColumns = (dir, rows) =>
  Object.fromEntries(
    COLUMNS.map((name) => {
      const values = new Float64Array(rows);
      const fd = openSync(join(dir, `${name}.f64`), "r");
      try {
        const bytes = new Uint8Array(values.buffer);
        for (let at = 0; at < bytes.length; ) {
          const n = readSync(fd, bytes, at, bytes.length - at, at);
          if (n === 0) throw new Error(`${name}.f64 holds fewer than ${rows} values`);
          at += n;
        }
      } finally {
        closeSync(fd);
      }
      return [name, values];
    }),
  );

/** Times `fn` in this process: wall and CPU (user + sys, all threads) seconds. */
export const timed = async (fn) => {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await fn();
  const wall = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(c0);
  return { value, opS: wall, opCpuS: (cpu.user + cpu.system) / 1e6 };
};

export const print = (result) => process.stdout.write(`${JSON.stringify(result)}\n`);
