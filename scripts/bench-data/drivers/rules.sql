-- The OHLCV rules of checkOhlcv in DuckDB SQL, used by the Python and the Node DuckDB peers.
-- {path} is replaced by the CSV path (quotes doubled). One row out: counts per rule.
-- `lag(...) OVER ()` reads the rows in file order (DuckDB keeps insertion order by default);
-- the self-check proves it on a file with an out-of-order and a repeated timestamp.
WITH bars AS (
  SELECT * FROM read_csv('{path}', header = true, columns = {
    'timestamp': 'TIMESTAMPTZ', 'open': 'DOUBLE', 'high': 'DOUBLE', 'low': 'DOUBLE',
    'close': 'DOUBLE', 'volume': 'DOUBLE'
  })
), marked AS (
  SELECT *, lag("timestamp") OVER () AS prev FROM bars
)
SELECT
  count(*) AS rows,
  count(*) FILTER ("timestamp" IS NULL) AS invalid_timestamp,
  count(*) FILTER ("timestamp" < prev) AS unsorted_timestamps,
  count(*) FILTER ("timestamp" = prev) AS adjacent_duplicates,
  count(*) FILTER (open IS NULL OR isnan(open)) + count(*) FILTER (high IS NULL OR isnan(high))
    + count(*) FILTER (low IS NULL OR isnan(low)) + count(*) FILTER (close IS NULL OR isnan(close))
    + count(*) FILTER (volume IS NULL OR isnan(volume)) AS nan,
  count(*) FILTER (isinf(open)) + count(*) FILTER (isinf(high)) + count(*) FILTER (isinf(low))
    + count(*) FILTER (isinf(close)) + count(*) FILTER (isinf(volume)) AS not_finite,
  count(*) FILTER (open <= 0) + count(*) FILTER (high <= 0) + count(*) FILTER (low <= 0)
    + count(*) FILTER (close <= 0) AS non_positive_price,
  count(*) FILTER (high < low) AS high_below_low,
  count(*) FILTER (high >= low AND (open < low OR open > high))
    + count(*) FILTER (high >= low AND (close < low OR close > high)) AS ohlc_out_of_range,
  count(*) FILTER (volume < 0) AS negative_volume
FROM marked;
