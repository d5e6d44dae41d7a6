// Turns the "acquired <ns>" / "released <ns>" logs of many lock holders into hold intervals and
// counts the pairs that overlap (two holders inside the lock at once).

/** One holder's time inside the lock, in process.hrtime nanoseconds. */
export interface HoldInterval {
  holder: string;
  start: bigint;
  end: bigint;
}

/**
 * Pairs each holder's events in order.
 *
 * @throws {Error} when a holder's log is not a strict acquired/released alternation.
 */
export const holdIntervals = (logs: Record<string, readonly string[]>): HoldInterval[] =>
  Object.entries(logs).flatMap(([holder, events]) => {
    const intervals: HoldInterval[] = [];
    for (let i = 0; i < events.length; i += 2) {
      const [open, close] = [events[i]?.split(" "), events[i + 1]?.split(" ")];
      if (open?.[0] !== "acquired" || close?.[0] !== "released") {
        throw new Error(`holder ${holder}: unpaired lock events at ${i}`);
      }
      intervals.push({ holder, start: BigInt(open[1]!), end: BigInt(close[1]!) });
    }
    return intervals;
  });

/** How many intervals start before an earlier-starting interval of another holder has ended. */
export const countOverlaps = (intervals: readonly HoldInterval[]): number => {
  const sorted = [...intervals].sort((a, b) =>
    a.start < b.start ? -1 : a.start > b.start ? 1 : 0,
  );
  let overlaps = 0;
  let latest: HoldInterval | undefined;
  for (const interval of sorted) {
    if (latest !== undefined && interval.start < latest.end) overlaps += 1;
    if (latest === undefined || interval.end > latest.end) latest = interval;
  }
  return overlaps;
};
