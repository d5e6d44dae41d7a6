// Timing helpers for the benchmark: medians over rounds, contenders in rotated order.

export interface Contender {
  name: string;
  run: () => unknown;
}

/** After one untimed warm-up run each, runs every contender once per round, rotating the start, and returns median ms per name. */
export const compare = (contenders: Contender[], rounds: number): Map<string, number> => {
  const times = new Map<string, number[]>(contenders.map((c) => [c.name, []]));
  for (const c of contenders) c.run(); // warm-up (JIT), not timed
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < contenders.length; k++) {
      const c = contenders[(k + r) % contenders.length] as Contender;
      const start = performance.now();
      c.run();
      times.get(c.name)?.push(performance.now() - start);
    }
  }
  return new Map([...times].map(([name, t]) => [name, median(t)]));
};

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

export const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
export const mRows = (rows: number, ms: number): string =>
  `${(rows / ms / 1000).toFixed(1)}M rows/s`;
export const maxRss = (): number => process.resourceUsage().maxRSS * 1024;
export const rss = (): number => process.memoryUsage().rss;
