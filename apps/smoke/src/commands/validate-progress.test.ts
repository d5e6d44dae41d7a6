import { describe, expect, it } from "vitest";
import { createValidateProgress } from "./validate-progress";

const screen = (isTTY: boolean) => {
  const out: string[] = [];
  let clock = 0;
  const progress = createValidateProgress(
    "bars.csv",
    { isTTY, write: (t) => out.push(t) },
    () => clock,
  );
  return { out, progress, tick: (ms: number) => (clock += ms) };
};

describe("validate progress on a TTY", () => {
  it("shows phase, percent, rows/s and ETA, and never 100% while work remains", () => {
    const { out, progress, tick } = screen(true);
    tick(1000);
    progress.update(1 << 20, 4 << 20, 0);
    tick(1000);
    progress.update(2 << 20, 4 << 20, 500_000);
    tick(2000);
    progress.update(4 << 20, 4 << 20, 1_000_000);
    progress.phase("checking", 1_000_000);
    progress.done();
    expect(out).toEqual([
      "\r\x1b[Kreading bars.csv: 25% · 0 rows · 0k rows/s · ETA 3s",
      "\r\x1b[Kparsing bars.csv: 50% · 500,000 rows · 250k rows/s · ETA 2s",
      "\r\x1b[Kparsing bars.csv: 99% · 1,000,000 rows · 250k rows/s",
      "\r\x1b[Kchecking bars.csv: 1,000,000 rows",
      "\n",
    ]);
  });

  it("writes nothing when the stream is not a TTY", () => {
    const { out, progress } = screen(false);
    progress.update(1, 2, 3);
    progress.phase("checking", 3);
    progress.done();
    expect(out).toEqual([]);
  });
});
