"""pandas peer for `pnpm --filter @peak/cache bench`: one command per stdin line, one JSON reply.

  write <path> <rows> <seed>  builds a fresh OHLCV frame (untimed), then times to_parquet +
                              SHA-256 sidecar + fsync of both + rename (what atomicWrite does)
  read <path>                 times reading the file, checking its sidecar, read_parquet
Replies {"ms": elapsed}. Uses pyarrow's default threads.
"""
import hashlib, io, json, os, sys, time
import numpy as np
import pandas as pd


def frame(rows, seed):
    rng = np.random.default_rng(seed)
    close = 100 * np.exp(np.cumsum(rng.normal(0, 0.001, rows)))
    spread = np.abs(rng.normal(0, 0.002, rows)) * close
    start = 1577836800000 + seed * 60000
    index = pd.DatetimeIndex(pd.to_datetime(start + np.arange(rows) * 60000, unit="ms", utc=True), name="timestamp")
    return pd.DataFrame({"open": close * (1 + rng.normal(0, 0.0005, rows)), "high": close + spread,
                         "low": close - spread, "close": close,
                         "volume": np.round(rng.lognormal(7, 1, rows))}, index=index)


def fsynced(path, data):
    with open(path, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())


def write(path, rows, seed):
    df = frame(int(rows), int(seed))
    t0 = time.perf_counter()
    buf = io.BytesIO()
    df.to_parquet(buf)
    data = buf.getvalue()
    digest = hashlib.sha256(data).hexdigest()
    fsynced(path + ".tmp", data)
    fsynced(path + ".sha256.tmp", f"{digest}  {os.path.basename(path)}\n".encode())
    os.replace(path + ".tmp", path)
    os.replace(path + ".sha256.tmp", path + ".sha256")
    return time.perf_counter() - t0


def read(path):
    t0 = time.perf_counter()
    with open(path, "rb") as f:
        data = f.read()
    with open(path + ".sha256") as f:
        expected = f.read().split()[0]
    if hashlib.sha256(data).hexdigest() != expected:
        raise SystemExit("checksum mismatch")
    pd.read_parquet(io.BytesIO(data))
    return time.perf_counter() - t0


for line in sys.stdin:
    cmd, *args = line.split()
    seconds = write(*args) if cmd == "write" else read(*args)
    print(json.dumps({"ms": seconds * 1000}), flush=True)
