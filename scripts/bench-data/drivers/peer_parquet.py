"""The pandas side of the Parquet comparison in pnpm bench:data, one operation per process.

  python peer_parquet.py write <columns-dir> <rows> <out.parquet>
      DataFrame (UTC DatetimeIndex "timestamp") -> to_parquet (pyarrow, snappy) -> SHA-256 of
      the file -> "<hex>  <name>" sidecar -> fsync of file, sidecar and folder.
  python peer_parquet.py read <file.parquet> <rows>
      read the bytes, check them against the sidecar's SHA-256, then read_parquet.
Prints {"opS", "opCpuS", "rows"}: wall and CPU (all threads) seconds of the operation only,
timed on the second call (the first, untimed, pays imports and first-call costs).
"""
import hashlib
import io
import json
import os
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

COLUMNS = ["timestamp", "open", "high", "low", "close", "volume"]


def load(folder, rows):
    data = {c: np.fromfile(f"{folder}/{c}.f64", dtype=np.float64, count=rows) for c in COLUMNS}
    stamps = data.pop("timestamp").astype(np.int64)
    index = pd.DatetimeIndex(pd.to_datetime(stamps, unit="ms", utc=True), name="timestamp")
    return pd.DataFrame(data, index=index)


def fsync_path(path, flags=os.O_RDONLY):
    fd = os.open(path, flags)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write(df, out):
    out = Path(out)
    df.to_parquet(out)
    with open(out, "rb") as f:
        digest = hashlib.file_digest(f, "sha256").hexdigest()
    fsync_path(out)
    sidecar = out.with_name(out.name + ".sha256")
    with open(sidecar, "w") as f:
        f.write(f"{digest}  {out.name}\n")
        f.flush()
        os.fsync(f.fileno())
    fsync_path(out.parent)
    return len(df)


def read(path):
    data = Path(path).read_bytes()
    want = Path(path + ".sha256").read_text().split()[0]
    if hashlib.sha256(data).hexdigest() != want:
        raise SystemExit(f"checksum mismatch: {path}")
    return len(pd.read_parquet(io.BytesIO(data)))


def timed(fn):
    t0, c0 = time.perf_counter(), time.process_time()
    value = fn()
    return value, time.perf_counter() - t0, time.process_time() - c0


def main():
    mode, args = sys.argv[1], sys.argv[2:]
    if mode == "write":
        df = load(args[0], int(args[1]))
        warm = Path(args[2] + ".warm.parquet")
        write(df, warm)  # untimed: imports and first-call costs
        warm.unlink()
        Path(f"{warm}.sha256").unlink()
        rows, op, cpu = timed(lambda: write(df, args[2]))
    elif mode == "read":
        read(args[0])  # untimed: imports and first-call costs
        rows, op, cpu = timed(lambda: read(args[0]))
        if rows != int(args[1]):
            raise SystemExit(f"read {rows} rows, expected {args[1]}")
    else:
        raise SystemExit(f"unknown mode {mode}: use write or read")
    print(json.dumps({"opS": op, "opCpuS": cpu, "rows": rows}))


if __name__ == "__main__":
    main()
