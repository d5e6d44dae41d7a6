"""pandas with the rules of checkOhlcv on in-memory columns, for pnpm bench:data.

Usage: python peer_check.py <columns-dir> <rows> <reps>
Builds a DataFrame (UTC DatetimeIndex) from the raw float64 files, runs the rules of
peer_validate.pandas_counts once to warm up, then <reps> times; prints the median as
{"opS", "opCpuS", "rows"}.
"""
import json
import sys

from peer_parquet import load
from peer_validate import VALUES, pandas_counts, timed_median


def main():
    folder, rows, reps = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    df = load(folder, rows)

    def run():
        values = {c: df[c].to_numpy() for c in VALUES}
        return pandas_counts(df.index, values)

    counts = run()
    if any(counts.values()):
        raise SystemExit(f"clean columns failed: {counts}")
    op, cpu = timed_median(run, reps)
    print(json.dumps({"opS": op, "opCpuS": cpu, "rows": len(df)}))


if __name__ == "__main__":
    main()
