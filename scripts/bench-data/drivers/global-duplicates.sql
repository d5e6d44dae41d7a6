-- Repeats anywhere in the file (every occurrence after the first), run only when
-- rules.sql found the timestamps out of order; sorted input needs adjacent repeats only.
SELECT coalesce(sum(n - 1), 0) AS duplicate_timestamps
FROM (
  SELECT count(*) AS n
  FROM read_csv('{path}', header = true, columns = {
    'timestamp': 'TIMESTAMPTZ', 'open': 'DOUBLE', 'high': 'DOUBLE', 'low': 'DOUBLE',
    'close': 'DOUBLE', 'volume': 'DOUBLE'
  })
  WHERE "timestamp" IS NOT NULL
  GROUP BY "timestamp"
  HAVING count(*) > 1
);
