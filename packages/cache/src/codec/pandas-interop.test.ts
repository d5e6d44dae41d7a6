import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useTempDirs } from "../shared/__fixtures__/temp-dir";
import { atomicReadTable as atomicRead } from "../read/atomic-read-table";
import { atomicWrite } from "../write/atomic-write";
import { ohlcvTable } from "../shared/__fixtures__/ohlcv";

// pandas 3 stores zone-less stamps parsed from text in µs, hence six fractional digits below.
// The Python engines are optional: PEAK_PYTHON or the shared venv, skipped with a notice if absent.
const PYTHON = process.env.PEAK_PYTHON ?? "/work/wt/pyenv/bin/python";
const hasPandas =
  existsSync(PYTHON) && spawnSync(PYTHON, ["-c", "import pandas, pyarrow"]).status === 0;
if (!hasPandas) console.warn(`pandas interop tests SKIPPED: no pandas/pyarrow at ${PYTHON}`);

const tempDir = useTempDirs();
// Each script ends with os._exit(0) once its answer is flushed: on a loaded CI machine pyarrow's
// thread pool once aborted the interpreter's teardown ("terminate called without an active
// exception") after the answer was printed. An error before that still exits 1 with its traceback.
const EXIT_AFTER_ANSWER = "\nimport os as _os, sys as _sys\n_sys.stdout.flush()\n_os._exit(0)";
const python = (code: string, ...args: string[]) => {
  const script = code + EXIT_AFTER_ANSWER;
  const run = spawnSync(PYTHON, ["-c", script, ...args], { encoding: "utf8", timeout: 60_000 });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as Record<string, unknown>;
};

describe.skipIf(!hasPandas)("Parquet interop with pandas", () => {
  it("pandas reads our file back with a UTC DatetimeIndex named timestamp", async () => {
    const path = join(await tempDir(), "bars.parquet");
    await atomicWrite(ohlcvTable(5, 1), path);
    const seen = python(
      `import sys, json, pandas as pd
df = pd.read_parquet(sys.argv[1])
print(json.dumps({"index": type(df.index).__name__, "name": df.index.name, "tz": str(df.index.tz),
  "first": df.index[0].isoformat(), "columns": list(df.columns)}))`,
      path,
    );
    expect(seen).toEqual({
      index: "DatetimeIndex",
      name: "timestamp",
      tz: "UTC",
      first: "2024-01-01T00:00:00+00:00",
      columns: ["open", "high", "low", "close", "volume"],
    });
  });

  it("keeps ns precision, the zone, the index and int64 volume through our read and write", async () => {
    const dir = await tempDir();
    const [source, back] = [join(dir, "pandas.parquet"), join(dir, "back.parquet")];
    const describe = `import sys, json, pandas as pd
df = pd.read_parquet(sys.argv[1])
print(json.dumps({"ns": [int(t.value) for t in df.index], "tz": str(df.index.tz), "name": df.index.name,
  "volume": str(df["volume"].dtype), "vol": [int(v) for v in df["volume"]]}))`;
    python(
      `import sys, json, pandas as pd
idx = pd.DatetimeIndex(["2024-01-01T00:00:00.123456789Z", "2024-01-01T00:01:00.000000001Z"], name="timestamp")
pd.DataFrame({"close": [1.5, 2.5], "volume": pd.array([2**53 - 1, 7], dtype="int64")}, index=idx).to_parquet(sys.argv[1])
print("{}")`,
      source,
    );
    await atomicWrite(await atomicRead(source), back);
    expect(python(describe, back)).toEqual(python(describe, source));
  });

  it("reads a zone-less pandas DatetimeIndex as zone-less text", async () => {
    const path = join(await tempDir(), "naive.parquet");
    python(
      `import sys, pandas as pd
idx = pd.DatetimeIndex(["2024-01-01 09:30"], name="timestamp")
pd.DataFrame({"close": [1.5]}, index=idx).to_parquet(sys.argv[1])
print("{}")`,
      path,
    );
    expect((await atomicRead(path)).array("timestamp")).toEqual(["2024-01-01T09:30:00.000000"]);
  });

  // pyarrow leaves the validity bitmap out of a column without nulls; every value must be read.
  it("reads pandas' zone-less datetimes without nulls from an Arrow file as their text", async () => {
    const path = join(await tempDir(), "naive.arrow");
    python(
      `import sys, pandas as pd, pyarrow as pa, pyarrow.feather as feather
df = pd.DataFrame({"at": pd.to_datetime(["2024-01-01 09:30", "2024-01-01 09:31"]), "close": [1.5, 2.5]})
feather.write_feather(df, sys.argv[1], compression="uncompressed")
print("{}")`,
      path,
    );
    const table = await atomicRead(path);
    expect(table.objects()).toEqual([
      { at: "2024-01-01T09:30:00.000000", close: 1.5 },
      { at: "2024-01-01T09:31:00.000000", close: 2.5 },
    ]);
  });

  it("reads a pyarrow Float16 column from an Arrow file", async () => {
    const path = join(await tempDir(), "half.arrow");
    python(
      `import sys, numpy as np, pandas as pd, pyarrow.feather as feather
feather.write_feather(pd.DataFrame({"h": np.array([0.5, 1.25, -2], dtype="float16")}), sys.argv[1], compression="uncompressed")
print("{}")`,
      path,
    );
    expect(Array.from((await atomicRead(path)).array("h") as ArrayLike<number>)).toEqual([
      0.5, 1.25, -2,
    ]);
  });

  it("reports pandas' default (LZ4) Feather file as unsupported, not as damaged", async () => {
    const path = join(await tempDir(), "lz4.arrow");
    python(
      `import sys, pandas as pd
pd.DataFrame({"close": [1.5, 2.5] * 500}).to_feather(sys.argv[1])
print("{}")`,
      path,
    );
    const error: unknown = await atomicRead(path).catch((e: unknown) => e);
    expect((error as { context: unknown }).context).toMatchObject({ unsupported: true });
    expect((error as Error).message).toBe(`Cannot read arrow file ${path}`);
  });
});
