/** Where the progress line goes: a TTY stream (`process.stderr`), or a test's stand-in. */
export interface ProgressStream {
  isTTY?: boolean;
  write: (text: string) => unknown;
}

/** The phases of `validate` on a CSV file, in order. */
export type ValidatePhase = "reading" | "parsing" | "checking";

const rate = (rows: number, ms: number) => {
  const perSecond = ms > 0 ? (rows / ms) * 1000 : 0;
  return perSecond >= 1e6 ? `${(perSecond / 1e6).toFixed(1)}M` : `${Math.round(perSecond / 1e3)}k`;
};

/**
 * The one-line progress display of `validate` on a TTY: phase, percent of the file, rows,
 * rows/s and an ETA, redrawn in place. The percent stops at 99 until the phase is over, so
 * it never shows 100% while work remains. Does nothing unless `stream.isTTY`.
 */
export const createValidateProgress = (
  file: string,
  stream: ProgressStream,
  now: () => number = () => performance.now(),
) => {
  const on = stream.isTTY === true;
  const started = now();
  let phase: ValidatePhase = "reading";
  let shown = "";
  const draw = (line: string) => {
    if (!on || line === shown) return;
    shown = line;
    stream.write(`\r\x1b[K${line}`);
  };
  return {
    /** Enters a phase; `checking` shows no percent (it is quick and cannot be measured). */
    phase(next: ValidatePhase, rows = 0) {
      phase = next;
      if (next === "checking") draw(`checking ${file}: ${rows.toLocaleString("en-US")} rows`);
    },
    /** Bytes of the file done so far, and rows. */
    update(bytes: number, total: number, rows: number) {
      if (phase === "reading" && rows > 0) phase = "parsing";
      const ms = now() - started;
      const part = total > 0 ? bytes / total : 0;
      const pct = Math.min(99, Math.floor(part * 100));
      const eta =
        part > 0 && part < 1 ? ` · ETA ${Math.ceil((((1 - part) / part) * ms) / 1000)}s` : "";
      draw(
        `${phase} ${file}: ${pct}% · ${rows.toLocaleString("en-US")} rows · ${rate(rows, ms)} rows/s${eta}`,
      );
    },
    /** Ends the display (a line break, so the report starts on its own line). */
    done() {
      if (on && shown !== "") stream.write("\n");
    },
  };
};
