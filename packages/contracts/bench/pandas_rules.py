"""The OHLCV rules in pandas, for the side-by-side benchmark in run.ts.

Usage: python pandas_rules.py <dir> <rows> <rounds>
Reads float64 column files <dir>/<name>.f64 written by run.ts, then times
  * "original": the Python original's validate_ohlcv rules (first failure raises), and
  * "all_rules": the same twelve rules as checkOhlcv, lazily (counts + first 20 rows each),
on the clean data, then on the same data with the 1% defects run.ts injects.
Prints one JSON object on stdout.
"""
import json
import resource
import sys
import time

import numpy as np
import pandas as pd

COLS = ["open", "high", "low", "close", "volume"]


class DataContractError(Exception):
    pass


def original(df, strict=True, require_tz=True, allow_partial_nans=False):
    """src/data/contracts.py validate_ohlcv, rule for rule (raises on the first failure)."""
    if not isinstance(df.index, pd.DatetimeIndex):
        raise DataContractError("Index must be DatetimeIndex")
    if require_tz and df.index.tz is None:
        raise DataContractError("Index must be timezone-aware")
    missing = sorted(set(COLS) - set(df.columns))
    if missing:
        raise DataContractError(f"Missing required OHLCV columns: {missing}")
    if not strict:
        return
    if not df.index.is_monotonic_increasing:
        raise DataContractError("Index must be sorted in ascending order")
    dup = int(df.index.duplicated().sum())
    if dup:
        raise DataContractError(f"Index contains {dup} duplicate timestamps")
    df = df.copy()
    for c in COLS:
        if df[c].dtype.kind in "OUS":
            df[c] = pd.to_numeric(df[c], errors="coerce")
    bad = [c for c in COLS if df[c].dtype.kind not in "iufc" or df[c].isna().all()]
    if bad:
        raise DataContractError(f"Columns have object dtype or non-numeric values: {bad}")
    nan_cols = [c for c in COLS if not (c == "volume" and allow_partial_nans) and df[c].isna().any()]
    if nan_cols:
        raise DataContractError(f"Columns contain NaN values: {nan_cols}")
    for c in ["open", "high", "low", "close"]:
        if (df[c] <= 0).any():
            raise DataContractError(f"Column '{c}' contains non-positive values")
    if (df["high"] < df["low"]).any():
        raise DataContractError("high < low detected")
    if (df["volume"] < 0).any():
        raise DataContractError("Volume contains negative values")


def all_rules(df):
    """Every checkOhlcv rule, lazily: {rule/column: (count, first 20 rows)}."""
    out = {}

    def add(name, mask):
        rows = np.flatnonzero(mask)
        if rows.size:
            out[name] = (int(rows.size), rows[:20].tolist())

    ts = df.index.asi8
    add("unsorted_timestamps", np.concatenate([[False], ts[1:] < ts[:-1]]))
    add("duplicate_timestamps", df.index.duplicated())
    v = {c: df[c].to_numpy() for c in COLS}
    for c in COLS:
        add(f"nan/{c}", np.isnan(v[c]))
        add(f"not_finite/{c}", np.isinf(v[c]))
    for c in ["open", "high", "low", "close"]:
        add(f"non_positive_price/{c}", v[c] <= 0)
    hbl = v["high"] < v["low"]
    add("high_below_low", hbl)
    for c in ["open", "close"]:
        add(f"ohlc_out_of_range/{c}", ~hbl & ((v[c] < v["low"]) | (v[c] > v["high"])))
    add("negative_volume", v["volume"] < 0)
    return out


def inject_defects(df):
    """Same pattern as bench/data.ts injectDefects: every 100th row from 50, six kinds."""
    rows = np.arange(50, len(df), 100)
    kinds = np.arange(rows.size) % 6
    ts = df.index.asi8.copy()
    vals = {c: df[c].to_numpy().copy() for c in COLS}
    vals["close"][rows[kinds == 0]] = np.nan
    vals["low"][rows[kinds == 1]] = -1
    r = rows[kinds == 2]
    vals["high"][r] = vals["low"][r] - 1
    vals["volume"][rows[kinds == 3]] = -5
    r = rows[kinds == 4]
    vals["open"][r] = vals["high"][r] + 1
    r = rows[kinds == 5]
    ts[r] = ts[r - 1]
    return pd.DataFrame(vals, index=pd.DatetimeIndex(ts, tz="UTC"))


def median_seconds(fn, rounds):
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return sorted(times)[len(times) // 2]


def main():
    folder, n, rounds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    data = {c: np.fromfile(f"{folder}/{c}.f64", dtype=np.float64) for c in ["timestamp", *COLS]}
    index = pd.to_datetime(data.pop("timestamp").astype(np.int64), unit="ms", utc=True)
    df = pd.DataFrame(data, index=index)
    result = {"pandas": pd.__version__, "rows": n}
    result["original_clean_s"] = median_seconds(lambda: original(df), rounds)
    result["all_rules_clean_s"] = median_seconds(lambda: all_rules(df), rounds)
    bad = inject_defects(df)
    result["all_rules_defects_s"] = median_seconds(lambda: all_rules(bad), rounds)
    result["defect_rules"] = len(all_rules(bad))
    result["frame_bytes"] = int(df.memory_usage(index=True).sum())
    result["max_rss_bytes"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(json.dumps(result))


if __name__ == "__main__":
    main()
