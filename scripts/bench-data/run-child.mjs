// Runs one command as a fresh child process and measures it from outside: wall time (around
// the spawn), CPU seconds (user + sys of the child) and peak RSS (ru_maxrss). The rusage comes
// from GNU time when /usr/bin/time is there, else from a tiny Python wrapper calling wait4.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const GNU_TIME = "/usr/bin/time";
const WAIT4 = [
  "import os, sys, json",
  "pid = os.posix_spawnp(sys.argv[2], sys.argv[2:], os.environ)",
  "_, status, ru = os.wait4(pid, 0)",
  "open(sys.argv[1], 'w').write(json.dumps([ru.ru_utime, ru.ru_stime, ru.ru_maxrss]))",
  "sys.exit(os.waitstatus_to_exitcode(status) & 255)",
].join("\n");

const probe = (cmd, args) => spawnSync(cmd, args, { stdio: "ignore" }).status === 0;

/** How children are measured here: "gnu-time", "python-wait4" or "wall-only". */
export const detectMeter = () => {
  if (existsSync(GNU_TIME) && probe(GNU_TIME, ["-f", "%M", "-o", "/dev/null", "true"])) {
    return "gnu-time";
  }
  return probe("python3", ["-c", "import os; os.wait4"]) ? "python-wait4" : "wall-only";
};

const wrap = (meter, out, cmd, args) => {
  if (meter === "gnu-time") return [GNU_TIME, ["-f", "%U %S %M", "-o", out, cmd, ...args]];
  if (meter === "python-wait4") return ["python3", ["-c", WAIT4, out, cmd, ...args]];
  return [cmd, args];
};

const usage = (meter, out) => {
  if (meter === "wall-only" || !existsSync(out)) return { cpuS: NaN, rssBytes: NaN };
  const text = readFileSync(out, "utf8").trim();
  // GNU time may print "Command exited with non-zero status N" before the format line.
  const [user, sys, maxKiB] =
    meter === "gnu-time" ? text.split("\n").at(-1).split(" ").map(Number) : JSON.parse(text);
  return { cpuS: user + sys, rssBytes: maxKiB * 1024 };
};

/**
 * Spawns `cmd args` once and waits. Returns { wallS, cpuS, rssBytes, status, stdout, stderr }
 * (cpuS / rssBytes NaN when no meter is available).
 */
export const runChild = (meter, cmd, args, options = {}) => {
  const dir = mkdtempSync(join(tmpdir(), "peak-bench-rusage-"));
  const out = join(dir, "usage");
  try {
    const [bin, argv] = wrap(meter, out, cmd, args);
    const t0 = process.hrtime.bigint();
    const child = spawnSync(bin, argv, {
      encoding: "utf8",
      maxBuffer: 64 << 20,
      env: { ...process.env, ...options.env },
      cwd: options.cwd,
    });
    const wallS = Number(process.hrtime.bigint() - t0) / 1e9;
    const status = child.error === undefined ? child.status : -1;
    const stderr = child.error === undefined ? child.stderr : String(child.error);
    return { wallS, ...usage(meter, out), status, stdout: child.stdout ?? "", stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
