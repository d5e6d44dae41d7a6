"""Validate an OHLCV CSV with a Python peer and the rules of checkOhlcv, for pnpm bench:data.

Usage: python peer_validate.py pandas|polars|duckdb <file.csv>
Prints one JSON object: {"tool", "version", "rows", "counts": {rule: n}} with counts summed
over columns. Rules (as in packages/contracts README): invalid_timestamp, unsorted_timestamps,
duplicate_timestamps (adjacent repeats when sorted, repeats anywhere otherwise), nan, not_finite,
non_positive_price, high_below_low, ohlc_out_of_range (open/close outside [low, high] on rows
with high >= low), negative_volume. Each tool reads the file its own fastest idiomatic way.
"""
import json
import sys
from pathlib import Path

PRICES = ["open", "high", "low", "close"]
VALUES = [*PRICES, "volume"]
HERE = Path(__file__).resolve().parent


def pandas_counts(ts, values):
    """The rules on a datetime64[ns, UTC] Series/Index `ts` and float64 arrays `values`."""
    import numpy as np

    t = ts.to_numpy(dtype="datetime64[ns]")
    nat = np.isnat(t)
    t = t.view("i8")
    v = values
    unsorted = int(np.count_nonzero(t[1:] < t[:-1]))
    if unsorted:
        dup = int(ts[~nat].duplicated().sum())
    else:
        dup = int(np.count_nonzero((t[1:] == t[:-1]) & ~nat[1:]))
    hbl = v["high"] < v["low"]
    return {
        "invalid_timestamp": int(nat.sum()),
        "unsorted_timestamps": unsorted,
        "duplicate_timestamps": dup,
        "nan": sum(int(np.isnan(v[c]).sum()) for c in VALUES),
        "not_finite": sum(int(np.isinf(v[c]).sum()) for c in VALUES),
        "non_positive_price": sum(int((v[c] <= 0).sum()) for c in PRICES),
        "high_below_low": int(hbl.sum()),
        "ohlc_out_of_range": sum(
            int((~hbl & ((v[c] < v["low"]) | (v[c] > v["high"]))).sum()) for c in ["open", "close"]
        ),
        "negative_volume": int((v["volume"] < 0).sum()),
    }


def with_pandas(path):
    import numpy as np
    import pandas as pd

    df = pd.read_csv(path, engine="pyarrow", dtype={c: "float64" for c in VALUES})
    ts = df["timestamp"]
    if ts.dtype.kind != "M":
        ts = pd.to_datetime(ts, utc=True, format="ISO8601", errors="coerce")
    values = {c: df[c].to_numpy(dtype="float64", na_value=np.nan) for c in VALUES}
    return pd.__version__, len(df), pandas_counts(ts, values)


def with_polars(path):
    import polars as pl

    schema = {"timestamp": pl.Datetime("us", "UTC"), **{c: pl.Float64 for c in VALUES}}
    df = pl.read_csv(path, schema=schema)
    ts = pl.col("timestamp")
    bad = lambda c: pl.col(c).is_null() | pl.col(c).is_nan()  # noqa: E731
    hbl = pl.col("high") < pl.col("low")
    out_of = lambda c: ~hbl & ((pl.col(c) < pl.col("low")) | (pl.col(c) > pl.col("high")))  # noqa: E731
    row = df.select(
        ts.is_null().sum().alias("invalid_timestamp"),
        (ts < ts.shift(1)).sum().alias("unsorted_timestamps"),
        (ts == ts.shift(1)).sum().alias("duplicate_timestamps"),
        pl.sum_horizontal([bad(c).sum() for c in VALUES]).alias("nan"),
        pl.sum_horizontal([pl.col(c).is_infinite().sum() for c in VALUES]).alias("not_finite"),
        pl.sum_horizontal([(pl.col(c) <= 0).sum() for c in PRICES]).alias("non_positive_price"),
        hbl.sum().alias("high_below_low"),
        pl.sum_horizontal([out_of(c).sum() for c in ["open", "close"]]).alias("ohlc_out_of_range"),
        (pl.col("volume") < 0).sum().alias("negative_volume"),
    ).row(0, named=True)
    counts = {k: int(v or 0) for k, v in row.items()}
    if counts["unsorted_timestamps"]:
        stamps = df.select(ts).drop_nulls()
        counts["duplicate_timestamps"] = int((~stamps["timestamp"].is_first_distinct()).sum())
    return pl.__version__, df.height, counts


def with_duckdb(path):
    import duckdb

    quoted = str(path).replace("'", "''")
    con = duckdb.connect()
    rules = (HERE / "rules.sql").read_text().replace("{path}", quoted)
    cur = con.execute(rules)
    names = [d[0] for d in cur.description]
    row = dict(zip(names, cur.fetchone()))
    rows = int(row.pop("rows"))
    counts = {k: int(v or 0) for k, v in row.items()}
    counts["duplicate_timestamps"] = counts.pop("adjacent_duplicates")
    if counts["unsorted_timestamps"]:
        dups = (HERE / "global-duplicates.sql").read_text().replace("{path}", quoted)
        counts["duplicate_timestamps"] = int(con.execute(dups).fetchone()[0])
    return duckdb.__version__, rows, counts


def timed_median(fn, reps):
    """Median wall and CPU seconds of `reps` calls."""
    import time

    runs = []
    for _ in range(reps):
        t0, c0 = time.perf_counter(), time.process_time()
        fn()
        runs.append((time.perf_counter() - t0, time.process_time() - c0))
    return sorted(runs)[len(runs) // 2]


def main():
    tool, path = sys.argv[1], sys.argv[2]
    run = {"pandas": with_pandas, "polars": with_polars, "duckdb": with_duckdb}[tool]
    version, rows, counts = run(path)
    print(json.dumps({"tool": tool, "version": version, "rows": rows, "counts": counts}))


if __name__ == "__main__":
    main()
