"""Writes OHLCV CSV fixtures with the tools users have: pandas, polars and DuckDB.

Run: /work/wt/pyenv/bin/python scripts/make-fixtures.py  (a venv with pandas pyarrow polars duckdb).
Each engine that is missing is skipped with a notice; the files go to src/csv/__fixtures__/tools/.
"""
import pathlib
import sys

OUT = pathlib.Path(__file__).resolve().parent.parent / "src" / "csv" / "__fixtures__" / "tools"
OUT.mkdir(parents=True, exist_ok=True)


def frame():
    import pandas as pd

    index = pd.date_range("2024-03-08", periods=72, freq="h", tz="UTC", name="timestamp")
    base = pd.Series(range(72), index=index, dtype="float64")
    return pd.DataFrame(
        {
            "open": 100 + base,
            "high": 102 + base,
            "low": 99 + base,
            "close": 101 + base,
            "volume": (1000 + 10 * base).astype("int64"),
        },
        index=index,
    )


def pandas_files(df):
    df.to_csv(OUT / "pandas-utc.csv")  # 2024-03-08 00:00:00+00:00
    df.to_csv(OUT / "pandas-semicolon.csv", sep=";")
    ny = df.tz_convert("America/New_York").tz_localize(None)  # zone-less New York wall time
    ny.to_csv(OUT / "pandas-naive-new-york.csv")
    secs = df.copy()
    secs.index = secs.index.as_unit("s").asi8
    secs.index.name = "timestamp"
    secs.to_csv(OUT / "pandas-epoch-seconds.csv")


def polars_files(df):
    import polars as pl

    pl.from_pandas(df.reset_index()).write_csv(OUT / "polars-utc.csv")


def duckdb_files(df):
    import duckdb

    con = duckdb.connect()
    con.register("bars", df.reset_index())
    con.execute("SET TimeZone = 'UTC'")
    con.execute(f"COPY bars TO '{OUT / 'duckdb-utc.csv'}' (HEADER, DELIMITER ',')")


def main():
    try:
        df = frame()
    except ImportError:
        print("pandas missing: no tool fixtures written", file=sys.stderr)
        return
    pandas_files(df)
    for name, write in (("polars", polars_files), ("duckdb", duckdb_files)):
        try:
            write(df)
        except ImportError:
            print(f"{name} missing: skipped", file=sys.stderr)
    print(f"wrote {sorted(p.name for p in OUT.glob('*.csv'))}")


main()
