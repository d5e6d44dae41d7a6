export { checkOhlcv } from "./ohlcv/check-ohlcv";
export type { OhlcvTableInput } from "./ohlcv/check-ohlcv";
export { validateOhlcv } from "./ohlcv/validate-ohlcv";
export { fromCandles } from "./ohlcv/shapes/from-candles";
export type { CandleObject, CandleRow } from "./ohlcv/shapes/from-candles";
export { partitionOhlcv } from "./ohlcv/shapes/partition-ohlcv";
export type { OhlcvPartition } from "./ohlcv/shapes/partition-ohlcv";
export { EPOCH_UNITS } from "./time/epoch-unit";
export type { EpochUnit, EpochUnitOption } from "./time/epoch-unit";
export { OHLCV_RULES, OHLCV_VALUE_COLUMNS } from "./ohlcv/types";
export type {
  OhlcvCheckOptions,
  OhlcvColumns,
  OhlcvReport,
  OhlcvRule,
  Violation,
} from "./ohlcv/types";
export { QUALITY_RULES } from "./ohlcv/quality/quality-types";
export type {
  OhlcvQualityOptions,
  QualityCalendar,
  QualityRule,
  QualitySummary,
  QualityWarning,
} from "./ohlcv/quality/quality-types";
export { MAX_REPORTED_ROWS } from "./ohlcv/violations/violation-collector";
export { parseOhlcvCsv, parseOhlcvCsvStream } from "./csv/parse-ohlcv-csv";
export { createOhlcvCsvParser } from "./csv/ohlcv-csv-parser";
export type { OhlcvCsvParser } from "./csv/ohlcv-csv-parser";
export { parseOhlcvCsvFile } from "./csv/parallel/parse-csv-file";
export { streamCheckOhlcvCsvFile } from "./csv/stream/stream-check-file";
export type { CsvFileProgress, CsvFileReadOptions } from "./csv/parallel/parse-csv-file";
export type { OhlcvCsvOptions } from "./csv/csv-options";
export type { OhlcvColumnMap, OhlcvColumnName } from "./csv/layout/columns-map";
export { OHLCV_LAYOUTS } from "./csv/layout/layouts";
export type { OhlcvLayout } from "./csv/layout/layouts";
export { parseTimestampText } from "./csv/text/iso-timestamp";
export type { ParsedTimestamp } from "./csv/text/iso-timestamp";
export { parseNumberText } from "./csv/text/number-text";
export { parseConfig } from "./config/parse-config";
export type { ParseConfigOptions } from "./config/parse-config";
export type { ConfigIssue } from "./config/config-issue";
export { closestMatches, editDistance } from "@peak/errors";
export { createRegistry } from "./registry/registry";
export type { Registry, RegistryOptions } from "./registry/registry";
