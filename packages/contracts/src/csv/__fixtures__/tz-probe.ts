// Run as a child process under different TZ values by tz-independence.test.ts: prints JSON.
import * as aq from "arquero";
import { checkOhlcv } from "../../ohlcv/check-ohlcv";
import { parseTimestampText } from "../text/iso-timestamp";
import { parseOhlcvCsv } from "../parse-ohlcv-csv";

const csv = [
  "timestamp,open,high,low,close,volume",
  "2024-03-10 01:30:00,1,2,1,1,1",
  "2024-03-10T02:30:00,1,2,1,1,1",
  "2024-03-10T03:30:00+09:00,1,2,1,1,1",
  "2024-11-03,1,2,1,1,1",
].join("\n");

const strict = parseOhlcvCsv(csv);
const nyText = [
  "timestamp,open,high,low,close,volume",
  ...["2024-03-10 01:30", "2024-03-10 02:30", "2024-03-10 03:30"].map((t) => `${t},1,2,1,1,1`),
  ...["2024-11-03 01:30", "2024-11-03 01:30"].map((t) => `${t},1,2,1,1,1`),
].join("\n");
const zoned = parseOhlcvCsv(nyText, { timezone: "America/New_York" });
const nyStamps = nyText
  .split("\n")
  .slice(1)
  .map((l) => l.split(",")[0] as string);
const ones = Object.fromEntries(
  ["open", "high", "low", "close", "volume"].map((c) => [c, [1, 1, 1, 1, 1]]),
);
const utc = parseOhlcvCsv(csv, { requireTz: false });
const stamps = ["2024-03-10 02:30", "2024-11-03T01:30:00", "2024-06-01T12:00:00-04:00"];

process.stdout.write(
  JSON.stringify({
    tz: process.env.TZ,
    strictColumn: strict.column("timestamp"),
    strictReport: checkOhlcv(strict),
    utcColumn: Array.from(utc.column("timestamp") as Float64Array),
    utcReport: checkOhlcv(utc, { requireTz: false }),
    parsed: stamps.map((s) => parseTimestampText(s)),
    arrayReport: checkOhlcv(
      {
        ...Object.fromEntries(
          ["open", "high", "low", "close", "volume"].map((c) => [c, [1, 1, 1]]),
        ),
        timestamp: stamps,
      },
      { requireTz: false },
    ),
    zoned: Array.from(zoned.column("timestamp") as unknown as ArrayLike<unknown>),
    zonedReport: checkOhlcv(zoned, { timezone: "America/New_York" }),
    zonedArray: checkOhlcv({ ...ones, timestamp: nyStamps }, { timezone: "America/New_York" }),
    // Control: arquero's own CSV date parsing reads the zone-less stamp in local time.
    arqueroLocal: (aq.fromCSV("t\n2024-03-10T02:30:00\n").get("t", 0) as Date).getTime(),
  }),
);
