// Runs a group of tools as fresh child processes, rotating the order each round, and
// summarises every tool by medians. A run counts only when its output passes the tool's check.
import { runChild } from "./run-child.mjs";

export const median = (values) => {
  const xs = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return xs.length === 0 ? NaN : xs[Math.floor(xs.length / 2)];
};

const parseJson = (text) => {
  try {
    return JSON.parse(text.trim().split("\n").at(-1) ?? "");
  } catch {
    return undefined;
  }
};

/** One measured run: the child's usage plus what its JSON output says, or why it failed. */
export const runOnce = (meter, tool, round) => {
  const [cmd, args] = tool.command(round);
  const r = runChild(meter, cmd, args);
  const out = parseJson(r.stdout);
  const why =
    out === undefined
      ? `exit ${r.status}, no JSON output: ${r.stderr.trim().split("\n").slice(-3).join(" | ")}`
      : tool.check(out, r.status);
  return {
    wallS: r.wallS,
    cpuS: r.cpuS,
    rssBytes: r.rssBytes,
    opS: out?.opS ?? NaN,
    opCpuS: out?.opCpuS ?? NaN,
    output: out,
    error: why,
  };
};

/**
 * Runs `group.tools` for `rounds` rounds (after one untimed warm-up each if `group.warmup`),
 * the k-th tool of round r being tools[(k + r) % n]. `onRun` sees every run as it ends.
 */
export const runGroup = (meter, group, rounds, onRun = () => {}) => {
  const tools = group.tools;
  const runs = new Map(tools.map((t) => [t.name, []]));
  if (group.warmup) for (const t of tools) runOnce(meter, t, -1);
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < tools.length; k++) {
      const tool = tools[(k + r) % tools.length];
      const run = runOnce(meter, tool, r);
      runs.get(tool.name).push(run);
      onRun(tool, r, run);
    }
    group.afterRound?.(r);
  }
  return tools.map((t) => summarise(t, runs.get(t.name)));
};

/** Medians over the good runs; `error` holds the first failure (then the tool is not judged). */
export const summarise = (tool, runs) => {
  const good = runs.filter((r) => r.error === undefined);
  const pick = (key) => median(good.map((r) => r[key]));
  return {
    name: tool.name,
    ours: tool.ours === true,
    runs: runs.length,
    good: good.length,
    wallS: pick("wallS"),
    cpuS: pick("cpuS"),
    rssBytes: pick("rssBytes"),
    opS: pick("opS"),
    opCpuS: pick("opCpuS"),
    error: runs.find((r) => r.error !== undefined)?.error,
  };
};
